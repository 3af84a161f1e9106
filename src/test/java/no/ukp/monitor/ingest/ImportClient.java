package no.ukp.monitor.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import no.ukp.monitor.TestUsers;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Posts import files to the running service as the {@code ingest} user. */
record ImportClient(TestRestTemplate rest) {

    static final String CSV = "text/csv";
    static final String XLSX = FileFormat.XLSX_MEDIA_TYPE;

    ResponseEntity<JsonNode> post(String dataset, byte[] file, String mediaType, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(mediaType));
        return TestUsers.as(rest, "ingest").postForEntity("/api/v1/imports/" + dataset + (dryRun ? "?dryRun=true" : ""),
                new HttpEntity<>(file, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> postCsv(String dataset, String csv) {
        return post(dataset, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), CSV, false);
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
