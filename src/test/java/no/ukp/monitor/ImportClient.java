package no.ukp.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Posts import files to the running service as the {@code ingest} user: the one way tests import. */
public record ImportClient(TestRestTemplate rest) {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Imports the CSV and asserts it was stored. */
    public void store(String dataset, String csv) {
        store(dataset, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Imports the CSV file and asserts it was stored. */
    public void store(String dataset, byte[] csv) {
        store(dataset, csv, null);
    }

    /** Imports the CSV file under its file name (the audit keeps it) and asserts it was stored. */
    public void store(String dataset, byte[] csv, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(CSV));
        if (fileName != null) {
            headers.setContentDisposition(org.springframework.http.ContentDisposition.attachment().filename(fileName).build());
        }
        ResponseEntity<String> response = TestUsers.as(rest, "ingest").postForEntity(url(dataset, false),
                new HttpEntity<>(csv, headers), String.class);
        org.assertj.core.api.Assertions.assertThat(response.getStatusCode().value())
                .as("import of %s: %s", dataset, response.getBody()).isEqualTo(200);
    }

    public ResponseEntity<JsonNode> post(String dataset, byte[] file, String mediaType, boolean dryRun) {
        return post(dataset, file, mediaType, dryRun, JsonNode.class);
    }

    /** The body as the service wrote it, to see its size. */
    public <T> ResponseEntity<T> post(String dataset, byte[] file, String mediaType, boolean dryRun, Class<T> answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mediaType));
        return TestUsers.as(rest, "ingest").postForEntity(url(dataset, dryRun), new HttpEntity<>(file, headers), answer);
    }

    /** The file as the multipart field {@code file}. */
    public <T> ResponseEntity<T> postMultipart(String dataset, byte[] file, String fileName, String mediaType, boolean dryRun,
                                        Class<T> answer) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.parseMediaType(mediaType));
        form.add("file", new HttpEntity<>(new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return TestUsers.as(rest, "ingest").postForEntity(url(dataset, dryRun), new HttpEntity<>(form, headers), answer);
    }

    public ResponseEntity<JsonNode> postCsv(String dataset, String csv) {
        return post(dataset, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), CSV, false);
    }

    private static String url(String dataset, boolean dryRun) {
        return "/api/v1/imports/" + dataset + (dryRun ? "?dryRun=true" : "");
    }

    /** A test resource's bytes, from the class path relative to {@code near}'s package. */
    public static byte[] resource(Class<?> near, String name) {
        try (var in = near.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
