package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

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

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
