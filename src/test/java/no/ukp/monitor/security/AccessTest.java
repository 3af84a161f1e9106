package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@DatabaseTest
class AccessTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldLeaveHealthOpen() {
        assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldAnswer401WithoutAUser() {
        assertThat(rest.getForEntity("/api/v1/regions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswer401ForAWrongPassword() {
        assertThat(rest.withBasicAuth("admin", "wrong").getForEntity("/api/v1/regions", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldLetEveryUserRead() {
        for (String user : new String[] {"viewer", "analyst", "ingest", "admin"}) {
            assertThat(TestUsers.as(rest, user).getForEntity("/api/v1/regions", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
            assertThat(TestUsers.as(rest, user).getForEntity("/actuator/prometheus", String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void shouldAnswer403WhenTheRoleIsWrong() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        HttpEntity<String> file = new HttpEntity<>("year,municipality,population\n2024,5001,212660\n", headers);
        for (String user : new String[] {"viewer", "analyst"}) {
            assertThat(TestUsers.as(rest, user).postForEntity("/api/v1/imports/population?dryRun=true", file, String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String user : new String[] {"viewer", "analyst", "ingest"}) {
            assertThat(TestUsers.as(rest, user).postForEntity("/api/v1/targets", new HttpEntity<>("{}", jsonHeaders()), String.class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void shouldLetTheIngestUserImport() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        HttpEntity<String> file = new HttpEntity<>("year,municipality,population\n2024,5001,212660\n", headers);
        assertThat(TestUsers.as(rest, "ingest").postForEntity("/api/v1/imports/population?dryRun=true", file, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Whatever the Accept header, CSV needs the export role; content negotiation decides, not string matching. */
    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "TEXT/CSV", "text/*", "text/csv;q=0.9, application/json;q=0.1", "*/*",
            "application/json, text/csv", "Text/Csv;charset=UTF-8"})
    void shouldNeverGiveAViewerCsv(String accept) {
        for (String path : new String[] {"/api/v1/kpis/series?indicator=ukp_days&from=2024-01&to=2024-12",
                "/api/v1/kpis?month=2024-01"}) {
            ResponseEntity<String> response = get("viewer", path, accept);
            assertThat(response.getHeaders().getContentType()).as(accept + " " + path).isNotNull();
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv")))
                    .as(accept + " " + path).isFalse();
            assertThat(response.getBody()).as(accept + " " + path).doesNotStartWith("month,");
            assertThat(response.getStatusCode().value()).as(accept + " " + path).isIn(200, 403, 404);
        }
    }

    @Test
    void shouldGiveAViewerJsonForAnyType() {
        ResponseEntity<String> response = get("viewer", "/api/v1/kpis/series?indicator=ukp_days&from=2024-01&to=2024-12", "*/*");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "TEXT/CSV", "text/*", "text/csv;q=0.9, application/json;q=0.1"})
    void shouldGiveAnAnalystCsv(String accept) {
        ResponseEntity<String> response = get("analyst", "/api/v1/kpis/series?indicator=ukp_days&from=2024-01&to=2024-12", accept);
        assertThat(response.getStatusCode()).as(accept).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).as(accept).isTrue();
        assertThat(response.getBody()).startsWith("month,");
    }

    private ResponseEntity<String> get(String user, String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        return TestUsers.as(rest, user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
