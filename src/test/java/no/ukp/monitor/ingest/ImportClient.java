package no.ukp.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import no.ukp.monitor.TestUsers;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Posts import files to the running service as the {@code ingest} user. */
record ImportClient(TestRestTemplate rest) {

    static final String CSV = "text/csv";
    static final String XLSX = FileFormat.XLSX_MEDIA_TYPE;

    ResponseEntity<JsonNode> post(String dataset, byte[] file, String mediaType, boolean dryRun) {
        return post(dataset, file, mediaType, dryRun, JsonNode.class);
    }

    /** The body as the service wrote it, to see its size. */
    <T> ResponseEntity<T> post(String dataset, byte[] file, String mediaType, boolean dryRun, Class<T> answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mediaType));
        return TestUsers.as(rest, "ingest").postForEntity(url(dataset, dryRun), new HttpEntity<>(file, headers), answer);
    }

    /** The file as the multipart field {@code file}. */
    <T> ResponseEntity<T> postMultipart(String dataset, byte[] file, String fileName, String mediaType, boolean dryRun,
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

    ResponseEntity<JsonNode> postCsv(String dataset, String csv) {
        return post(dataset, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), CSV, false);
    }

    private static String url(String dataset, boolean dryRun) {
        return "/api/v1/imports/" + dataset + (dryRun ? "?dryRun=true" : "");
    }

    static byte[] resource(String name) {
        try (var in = ImportClient.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
