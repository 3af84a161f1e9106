package no.ukp.monitor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
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

/** Input out of range is the client's error: a 400 with a Norwegian message, never a 500. */
@DatabaseTest
class InputRangeTest {

    static final String TARGET = """
            {"indicatorId": "zero_day_share", "scopeType": "total", "validFrom": "2031-01",
             "target": 0.80, "tolerance": 0.05, "toleranceKind": "absolute", "note": "test"}""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeTestTargets() {
        dsl.execute("DELETE FROM indicator_target WHERE created_by <> 'migration'");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/reports/monthly?month=-999999999-01",
            "/api/v1/reports/monthly?month=+999999999-12",
            "/api/v1/reports/monthly?month=-4713-01",
            "/api/v1/reports/monthly?month=1899-12",
            "/api/v1/reports/monthly?month=2101-01",
            "/api/v1/reports/monthly?month=2024-13",
            "/api/v1/kpis?month=-999999999-01",
            "/api/v1/kpis?month=+999999999-12",
            "/api/v1/kpis/series?indicator=ukp_days&from=-4713-01&to=2025-01",
            "/api/v1/kpis/series?indicator=ukp_days&from=2024-01&to=+999999999-12",
            "/api/v1/history/monthly-statistics?municipality=5001&month=-4713-01"})
    void shouldRefuseAMonthOutOfRangeWith400(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/pdf, application/json");
        ResponseEntity<JsonNode> response = TestUsers.as(rest, "admin").exchange(
                URI.create(rest.getRootUri() + path.replace("+", "%2B")), HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).as(path).contains("Måneden");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"validFrom\": \"2031-13\"",
            "\"validFrom\": \"2031-00\"",
            "\"validFrom\": \"1899-01\"",
            "\"target\": 1e9",
            "\"target\": -1e9",
            "\"target\": 0.1234567",
            "\"tolerance\": 1e9",
            "\"note\": \"X301\"",
            "\"scopeType\": \"region\", \"scopeId\": \"ONE41\""})
    void shouldRefuseATargetOutOfRangeWith400(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String json = TARGET.replaceFirst("\"" + name + "\": (\"[^\"]*\"|[0-9.]+)", field)
                .replace("X301", "x".repeat(301)).replace("ONE41", "1".repeat(41));
        assertThat(json).as("the test replaced the field").isNotEqualTo(TARGET);
        ResponseEntity<JsonNode> response = post(json);
        assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).as(field).contains(name.equals("scopeType") ? "scopeId" : name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"note\": \"" + "x" + "\"", "\"target\": 99999999.999999", "\"target\": -5"})
    void shouldAcceptATargetAtTheLimits(String field) {
        String name = field.substring(1, field.indexOf('"', 1));
        String json = TARGET.replaceFirst("\"" + name + "\": (\"[^\"]*\"|[0-9.]+)", field.replace("\"x\"", "\"" + "x".repeat(300) + "\""));
        assertThat(post(json).getStatusCode()).as(field).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<JsonNode> post(String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return TestUsers.as(rest, "admin").postForEntity("/api/v1/targets", new HttpEntity<>(json, headers), JsonNode.class);
    }
}
