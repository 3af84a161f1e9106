package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The two filter chains: the pages send a browser without a user to the login form, keep a
 * session and want the CSRF token; the API stays stateless HTTP Basic without CSRF.
 */
@DatabaseTest
class PageAccessTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldSendABrowserWithoutAUserToTheLoginForm() {
        ResponseEntity<String> page = get("/import", MediaType.TEXT_HTML, null);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void shouldAnswerAnyOtherClientWithoutAUser401() {
        ResponseEntity<String> page = get("/import/historikk", MediaType.APPLICATION_JSON, null);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        // the API never redirects, whatever the client accepts
        assertThat(get("/api/v1/regions", MediaType.TEXT_HTML, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldTellHtmxToLoadTheLoginFormWhenTheSessionIsGone() {
        ResponseEntity<String> page = noRedirects().exchange(RequestEntity.get(uri("/import"))
                .header("HX-Request", "true").accept(MediaType.ALL).build(), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(page.getHeaders().getFirst("HX-Redirect")).isEqualTo("/login");
        // a form posted after its session ended carries a token no session knows: log in again, not 403
        ResponseEntity<String> post = noRedirects().exchange(RequestEntity.post(uri("/import/lagre"))
                .header("HX-Request", "true").header(HttpHeaders.COOKIE, "JSESSIONID=ended")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("token=abc&_csrf=old"), String.class);
        assertThat(post.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post.getHeaders().getFirst("HX-Redirect")).isEqualTo("/login");
        ResponseEntity<String> plain = noRedirects().exchange(RequestEntity.post(uri("/import/lagre"))
                .accept(MediaType.TEXT_HTML).header(HttpHeaders.COOKIE, "JSESSIONID=ended")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body("token=abc&_csrf=old"), String.class);
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(plain.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void shouldLogInWithTheFormIntoASession() {
        LoginForm form = LoginForm.open(rest);
        ResponseEntity<String> wrong = form.post("ingest", "wrong", null);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(wrong.getHeaders().getLocation().toString()).endsWith("/login?feil");

        ResponseEntity<String> failedPage = get("/login?feil", MediaType.TEXT_HTML, form.cookie());
        assertThat(failedPage.getBody()).contains("Feil brukernavn eller passord.");

        ResponseEntity<String> right = form.post("ingest", TestUsers.PASSWORD, null);
        assertThat(right.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        String session = LoginForm.sessionCookie(right);
        assertThat(session).as("a new session id after login").isNotNull().isNotEqualTo(form.cookie());
        ResponseEntity<String> history = get("/import/historikk", MediaType.TEXT_HTML, session);
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody()).contains("Importhistorikk", "Innlogget som", "ingest");
    }

    @Test
    void shouldRefuseAPagePostWithoutTheCsrfToken() {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("datasett", "population");
        form.add("fil", new ByteArrayResource("year,municipality,population\n2024,5001,212660\n".getBytes()) {
            @Override
            public String getFilename() {
                return "folketall.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> page = TestUsers.as(rest, "ingest").postForEntity("/import/kontroller",
                new HttpEntity<>(form, headers), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldKeepTheApiStatelessAndFreeOfCsrf() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        ResponseEntity<String> answer = TestUsers.as(rest, "ingest").postForEntity("/api/v1/imports/population?dryRun=true",
                new HttpEntity<>("year,municipality,population\n2024,5001,212660\n", headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    }

    @Test
    void shouldLetOnlyTheImportRoleUseTheImportPage() {
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/import", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/import/historikk", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(TestUsers.as(rest, "ingest").getForEntity("/import", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the planner imports the action plan on the same page, and is offered nothing else
        ResponseEntity<String> planner = TestUsers.as(rest, "planner").getForEntity("/import", String.class);
        assertThat(planner.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(planner.getBody()).contains("value=\"measures\"").doesNotContain("value=\"monthly-statistics\"");
        assertThat(TestUsers.as(rest, "ingest").getForEntity("/import", String.class).getBody())
                .contains("value=\"monthly-statistics\"").doesNotContain("value=\"measures\"");
        assertThat(TestUsers.as(rest, "admin").getForEntity("/import", String.class).getBody())
                .contains("value=\"monthly-statistics\"", "value=\"measures\"");
        assertThat(TestUsers.as(rest, "planner").getForEntity("/import/mal/population", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestUsers.as(rest, "ingest").getForEntity("/import/mal/measures", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldLetOnlyTheAdminEditTargetsAndMunicipalitiesAndUndoAnImport() {
        for (String user : new String[] {"viewer", "analyst", "ingest", "planner"}) {
            for (String path : new String[] {"/mal", "/kommuner", "/import/historikk/angre/1"}) {
                assertThat(TestUsers.as(rest, user).getForEntity(path, String.class).getStatusCode())
                        .as("%s %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        ResponseEntity<String> targets = TestUsers.as(rest, "admin").getForEntity("/mal", String.class);
        assertThat(targets.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(targets.getBody()).contains("Legg til en ny versjon", "href=\"/kommuner\"");
        assertThat(TestUsers.as(rest, "admin").getForEntity("/kommuner", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // the menu offers the admin pages to admins only
        assertThat(TestUsers.as(rest, "ingest").getForEntity("/import", String.class).getBody())
                .doesNotContain("href=\"/mal\"", "href=\"/kommuner\"");
    }

    @Test
    void shouldDownloadATemplateFromTheImportPageInTheSession() {
        ResponseEntity<byte[]> csv = TestUsers.as(rest, "ingest").getForEntity("/import/mal/population?format=csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/import/mal/population?format=csv", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> get(String path, MediaType accept, String cookie) {
        RequestEntity.HeadersBuilder<?> request = RequestEntity.get(uri(path)).accept(accept);
        if (cookie != null) {
            request.header(HttpHeaders.COOKIE, cookie);
        }
        return noRedirects().exchange(request.build(), String.class);
    }

    private TestRestTemplate noRedirects() {
        return rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    }

    private URI uri(String path) {
        return URI.create(rest.getRootUri() + path);
    }
}
