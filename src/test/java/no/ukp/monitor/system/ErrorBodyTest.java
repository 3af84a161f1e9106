package no.ukp.monitor.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/**
 * Every error is a problem detail ({@code application/problem+json}) with a Norwegian message and
 * no internals; browsers asking for a page get a Norwegian HTML page.
 */
@DatabaseTest
class ErrorBodyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    @Test
    void shouldExplain401InNorwegian() throws Exception {
        ResponseEntity<String> response = send(null, RequestEntity.get(uri("/api/v1/regions")).build());
        assertProblem(response, HttpStatus.UNAUTHORIZED, "logge inn");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"UKP monitor\"");

        ResponseEntity<String> wrong = rest.withBasicAuth("nobody", "wrong").exchange(
                RequestEntity.get(uri("/api/v1/regions")).build(), String.class);
        assertProblem(wrong, HttpStatus.UNAUTHORIZED, "brukernavn eller passord");
    }

    @Test
    void shouldExplain403InNorwegian() throws Exception {
        ResponseEntity<String> response = send("viewer", RequestEntity.post(uri("/api/v1/targets"))
                .contentType(MediaType.APPLICATION_JSON).body("{}"));
        assertProblem(response, HttpStatus.FORBIDDEN, "tilgang");
        assertThat(JSON.readTree(response.getBody()).get("instance").asText()).isEqualTo("/api/v1/targets");
    }

    @Test
    void shouldNameTheParameterOfAWrongType() throws Exception {
        ResponseEntity<String> response = send("viewer", RequestEntity.get(uri("/api/v1/imports?limit=abc")).build());
        JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, "«limit»");
        assertThat(problem.get("detail").asText()).contains("«abc»");
    }

    @Test
    void shouldCutALongWrongValue() throws Exception {
        ResponseEntity<String> response = send("viewer", RequestEntity.get(uri("/api/v1/imports?limit=" + "9".repeat(500))).build());
        JsonNode problem = assertProblem(response, HttpStatus.BAD_REQUEST, "«limit»");
        assertThat(problem.get("detail").asText().length()).isLessThan(200);
    }

    @Test
    void shouldRefuseAnUnknownScopeWith400() throws Exception {
        for (String path : new String[] {"/api/v1/kpis?month=2025-06&scope=region:nowhere", "/api/v1/snapshots/latest?scope=x",
                "/api/v1/reports/monthly?scope=municipality:0000"}) {
            ResponseEntity<String> response = send("analyst", RequestEntity.get(uri(path)).build());
            assertProblem(response, HttpStatus.BAD_REQUEST, "Ukjent utvalg");
        }
    }

    @Test
    void shouldNameAMissingParameter() throws Exception {
        ResponseEntity<String> response = send("viewer", RequestEntity.get(uri("/api/v1/kpis/series")).build());
        assertProblem(response, HttpStatus.BAD_REQUEST, "«indicator»");
    }

    @Test
    void shouldExplainAnUnreadableBody() throws Exception {
        ResponseEntity<String> response = send("admin", RequestEntity.post(uri("/api/v1/targets"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"indicatorId\": "));
        assertProblem(response, HttpStatus.BAD_REQUEST, "JSON");
        ResponseEntity<String> wrongType = send("admin", RequestEntity.post(uri("/api/v1/targets"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"target\": \"abc\"}"));
        assertProblem(wrongType, HttpStatus.BAD_REQUEST, "«target»");
    }

    @Test
    void shouldExplainAnInvalidBody() throws Exception {
        ResponseEntity<String> response = send("admin", RequestEntity.post(uri("/api/v1/targets"))
                .contentType(MediaType.APPLICATION_JSON).body("{}"));
        assertProblem(response, HttpStatus.BAD_REQUEST, "«indicatorId»");
    }

    @Test
    void shouldExplainAWrongMethodAndMediaType() throws Exception {
        assertProblem(send("admin", RequestEntity.delete(uri("/api/v1/regions")).build()), HttpStatus.METHOD_NOT_ALLOWED, "DELETE");
        assertProblem(send("admin", RequestEntity.post(uri("/api/v1/targets")).contentType(MediaType.TEXT_PLAIN).body("x")),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "text/plain");
        ResponseEntity<String> notAcceptable = send("admin", RequestEntity.get(uri("/api/v1/regions")).accept(MediaType.IMAGE_PNG).build());
        assertThat(notAcceptable.getStatusCode()).isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        if (notAcceptable.getBody() != null) {
            assertProblem(notAcceptable, HttpStatus.NOT_ACCEPTABLE, "format");
        }
    }

    @Test
    void shouldAnswerAnUnknownAddressWith404() throws Exception {
        assertProblem(send("viewer", RequestEntity.get(uri("/api/v1/nothing-here")).build()), HttpStatus.NOT_FOUND, "Fant ikke");
    }

    @Test
    void shouldAnswerAnEncodedSlashAsAProblem() throws Exception {
        ResponseEntity<String> response = send("ingest", RequestEntity.post(uri("/api/v1/imports/monthly%2Fstatistics"))
                .contentType(MediaType.valueOf("text/csv")).body("a,b\n1,2\n"));
        assertProblem(response, HttpStatus.BAD_REQUEST, "%2F");
    }

    @Test
    void shouldAnswerWhatTomcatRefusesAsAProblem() throws Exception {
        // a malformed escape, which no HTTP client library sends: Tomcat refuses it before the service sees it
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            String auth = Base64.getEncoder().encodeToString(("viewer:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /api/v1/regions/%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("detail").asText()).contains("ugyldig");
            assertThat(answer).doesNotContain("<html", "Tomcat");
        }
    }

    @Test
    void shouldGiveAnEmptyErrorAnswerABody() throws Exception {
        // the actuator answers an unknown health group 404 without a body
        assertProblem(send(null, RequestEntity.get(uri("/actuator/health/nothing")).build()), HttpStatus.NOT_FOUND, "Fant ikke");
        assertThat(send(null, RequestEntity.get(uri("/actuator/health")).build()).getBody()).contains("\"status\"");
    }

    @Test
    void shouldAnswerTheErrorPathWith404() throws Exception {
        assertProblem(send("viewer", RequestEntity.get(uri("/error")).build()), HttpStatus.NOT_FOUND, "Fant ikke");
    }

    @Test
    void shouldKeepTheNorwegianReasonOfAServiceError() throws Exception {
        assertProblem(send("viewer", RequestEntity.get(uri("/api/v1/kpis/series?indicator=beds")).build()),
                HttpStatus.BAD_REQUEST, "Ukjent indikator «beds»");
        // the client asked for CSV, the error still is a problem detail
        assertProblem(send("analyst", RequestEntity.get(uri("/api/v1/kpis/series?indicator=beds")).accept(MediaType.valueOf("text/csv")).build()),
                HttpStatus.BAD_REQUEST, "Ukjent indikator «beds»");
    }

    @Test
    void shouldGiveABrowserANorwegianPage() {
        ResponseEntity<String> response = send("viewer", RequestEntity.get(uri("/swagger-ui/nothing-here"))
                .accept(MediaType.TEXT_HTML, MediaType.ALL).build());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getBody()).contains("<html").contains("lang=\"nb\"").contains("Fant ikke siden");
        // an API address stays JSON even for a browser
        ResponseEntity<String> api = send("viewer", RequestEntity.get(uri("/api/v1/nothing-here")).accept(MediaType.TEXT_HTML).build());
        assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void shouldKeepTheImportErrorsInsideAProblem() throws Exception {
        ResponseEntity<String> response = send("ingest", RequestEntity.post(uri("/api/v1/imports/population?dryRun=true"))
                .contentType(MediaType.valueOf("text/csv")).body("year,municipality,population\n2024,5001,-3\n"));
        JsonNode problem = assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "feil");
        assertThat(problem.get("outcome").asText()).isEqualTo("rejected");
        assertThat(problem.get("importId").asLong()).isPositive();
        assertThat(problem.get("dataset").asText()).isEqualTo("population");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("column").asText()).isEqualTo("population");
        assertThat(error.get("value").asText()).isEqualTo("-3");
        assertThat(error.get("message").asText()).isNotBlank();

        ResponseEntity<String> refused = send("ingest", RequestEntity.post(uri("/api/v1/imports/population?dryRun=true"))
                .contentType(MediaType.IMAGE_PNG).body("not a picture"));
        JsonNode unsupported = assertProblem(refused, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "støttes ikke");
        assertThat(unsupported.get("errors").get(0).get("message").asText()).contains("støttes ikke");
        assertThat(unsupported.get("importId").asLong()).isPositive();
    }

    private ResponseEntity<String> send(String user, RequestEntity<?> request) {
        TestRestTemplate client = user == null ? rest : TestUsers.as(rest, user);
        return client.exchange(request, String.class);
    }

    private URI uri(String path) {
        return URI.create(rest.getRootUri() + path);
    }

    /** The answer is a Norwegian problem detail; returns it. */
    static JsonNode assertProblem(ResponseEntity<String> response, HttpStatus status, String detailPart) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(response.getHeaders().getContentType() + ": " + response.getBody()).isTrue();
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        String detail = problem.get("detail").asText();
        assertThat(detail).contains(detailPart);
        assertThat(detail).doesNotContain("Failed to", "Required ", "Invalid request", "No static resource",
                "exception", "Exception", "java.", "org.springframework", "not supported", "Content-Type");
        return problem;
    }
}
