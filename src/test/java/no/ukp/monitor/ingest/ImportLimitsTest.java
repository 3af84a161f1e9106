package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** Body size limit (413), unknown media types (415) and multipart uploads. */
@DatabaseTest
@TestPropertySource(properties = "ukp.import.max-size=4KB")
class ImportLimitsTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimitAndRecordIt() {
        StringBuilder csv = new StringBuilder("year,municipality,population\n");
        while (csv.length() < 5000) {
            csv.append("2024,5001,212660\n");
        }
        ResponseEntity<JsonNode> response = new ImportClient(rest).postCsv("population", csv.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("større enn grensen");
        assertThat(dsl.fetchSingle("SELECT outcome FROM import").get(0, String.class)).isEqualTo("refused");
        assertThat(dsl.fetchCount(dsl.selectFrom("population"))).isZero();
    }

    @Test
    void shouldAnswer413ForAMultipartFileOverTheLimit() {
        byte[] big = new byte[6000];
        java.util.Arrays.fill(big, (byte) 'x');
        ResponseEntity<JsonNode> response = postMultipart(big, "stor.csv");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    @Test
    void shouldAnswer415ForAnUnknownMediaType() {
        ResponseEntity<JsonNode> response = new ImportClient(rest).post("population",
                "{\"year\": 2024}".getBytes(StandardCharsets.UTF_8), "application/json", false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("støttes ikke");
        assertThat(dsl.fetchSingle("SELECT outcome FROM import").get(0, String.class)).isEqualTo("refused");
    }

    @Test
    void shouldSayThatTheMediaTypeIsMissingWhenNoneIsSent() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + "/api/v1/imports/population"))
                        .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("ingest:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"year\": 2024}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        assertThat(response.body()).contains("Filtypen er ikke oppgitt").doesNotContain("null");
    }

    @Test
    void shouldAcceptTheFileAsAMultipartFieldNamedFile() {
        ResponseEntity<JsonNode> response = postMultipart(
                "year,municipality,population\n2024,5001,212660\n".getBytes(StandardCharsets.UTF_8), "folketall.csv");

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(dsl.fetchSingle("SELECT population FROM population WHERE municipality = '5001'").get(0, Integer.class))
                .isEqualTo(212660);
        assertThat(dsl.fetchSingle("SELECT file_name FROM import").get(0, String.class)).isEqualTo("folketall.csv");
    }

    @Test
    void shouldAnswer404ForAnUnknownDataset() {
        ResponseEntity<JsonNode> response = new ImportClient(rest).postCsv("beds", "a,b\n1,2\n");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> postMultipart(byte[] content, String fileName) {
        return new ImportClient(rest).postMultipart("population", content, fileName, ImportClient.CSV, false, JsonNode.class);
    }
}
