package no.ukp.monitor.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The forms of {@code /tiltak} as a browser without JavaScript posts them (HTTP Basic, the session's
 * CSRF token, redirects not followed): viewers are refused, the repository's refusals come back
 * beside the field they name, and what passes is stored.
 */
@DatabaseTest
class PlanPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    MeasureRepository measures;

    @BeforeEach
    void clean() {
        dsl.execute("TRUNCATE measure, measure_revision, measure_status");
    }

    @Test
    void shouldRefuseViewersEveryFormAndStoreNothing() {
        long id = measures.create(measure("Tavlemøter", "2025-01", null), "planner", false);
        Session viewer = Session.open(rest, "viewer", "/tiltak");
        assertThat(viewer.page().getBody()).contains("Tavlemøter").doesNotContain("Sett status", "Legg til tiltak");
        assertThat(viewer.get("/tiltak/nytt").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.get("/tiltak/" + id + "/endre").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.get("/tiltak/" + id + "/status").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.post("/tiltak/nytt", form("title", "Nytt", "startMonth", "2025-02")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.post("/tiltak/" + id + "/endre", form("title", "Endret", "startMonth", "2025-02")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.post("/tiltak/" + id + "/status", form("month", "2025-03", "status", "red")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(measures.all()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Tavlemøter");
            assertThat(m.statuses()).isEmpty();
        });

        // the same post with the planner's session is taken: the refusals above were the role's
        Session planner = Session.open(rest, "planner", "/tiltak/" + id + "/status");
        ResponseEntity<String> stored = planner.post("/tiltak/" + id + "/status", form("month", "2025-03", "status", "red"));
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(stored.getHeaders().getLocation().toString()).endsWith("/tiltak?maned=2025-03#tiltak-" + id);
        assertThat(measures.find(id).orElseThrow().statuses()).singleElement()
                .satisfies(s -> assertThat(s.setBy()).isEqualTo("planner"));
    }

    @Test
    void shouldShowTheRepositorysRefusalBesideTheFieldItNames() {
        Session planner = Session.open(rest, "planner", "/tiltak/nytt");
        ResponseEntity<String> early = planner.post("/tiltak/nytt",
                form("title", "Utskrivningsteam", "startMonth", "2025-03", "endMonth", "2025-01", "scope", "total"));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(early.getBody())
                .contains("Tiltaket er ikke lagret.")
                .containsPattern("id=\"endMonth\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"endMonth-hjelp endMonth-feil\"")
                .containsPattern("id=\"endMonth-feil\">«Til» \\(2025-01\\) er før «Fra» \\(2025-03\\)")
                .as("what was typed is kept").contains("value=\"Utskrivningsteam\"");

        ResponseEntity<String> untitled = planner.post("/tiltak/nytt", form("startMonth", "2025-03"));
        assertThat(untitled.getBody()).containsPattern("id=\"title-feil\">«Navn» mangler");

        // an empty activity row is left out: the second row's error is shown on the second row
        MultiValueMap<String, String> activities = form("title", "Utskrivningsteam", "startMonth", "2025-03",
                "activities[0].title", "", "activities[1].title", "Rekruttere", "activities[1].startMonth", "mars");
        ResponseEntity<String> activity = planner.post("/tiltak/nytt", activities);
        assertThat(activity.getBody())
                .containsPattern("id=\"activities\\[1\\]\\.startMonth-feil\">Måneden «mars» i «Aktivitet 2: Fra» må skrives ÅÅÅÅ-MM")
                .doesNotContain("activities[0].startMonth-feil");
        assertThat(measures.all()).as("nothing refused is stored").isEmpty();

        ResponseEntity<String> added = planner.post("/tiltak/nytt", form("title", "Utskrivningsteam", "startMonth", "2025-03",
                "indicators", "ukp_days", "activities[0].title", "", "activities[1].title", "Rekruttere",
                "activities[1].startMonth", "2025-04"));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        Measures.Measure stored = measures.all().get(0);
        assertThat(added.getHeaders().getLocation().toString()).endsWith("/tiltak#tiltak-" + stored.id());
        assertThat(stored.indicators()).containsExactly("ukp_days");
        assertThat(stored.activities()).extracting(Measures.Measure::title).containsExactly("Rekruttere");
    }

    @Test
    void shouldChangeAMeasureAndItsActivitiesFromTheEditForm() {
        long id = measures.create(new Measures.MeasureInput(null, "Tavlemøter", null, "Sykehuset", "lav", null, "2025-01", null,
                "total", List.of("ukp_days"), List.of(new Measures.MeasureInput(null, "Felles tavle", "Beskrevet i API-et", null, "hoy",
                null, "2025-02", null, null, List.of(), List.of()))), "planner", false);
        long activity = measures.find(id).orElseThrow().activities().get(0).id();
        Session planner = Session.open(rest, "planner", "/tiltak/" + id + "/endre");
        assertThat(planner.page().getBody()).contains("value=\"Tavlemøter\"", "value=\"Felles tavle\"",
                "name=\"activities[0].id\" value=\"" + activity + "\"");

        ResponseEntity<String> changed = planner.post("/tiltak/" + id + "/endre", form("title", "Daglige tavlemøter",
                "owner", "Sykehuset", "priority", "hoy", "startMonth", "2025-01", "scope", "total", "indicators", "ukp_days",
                "indicators", "zero_day_share",
                "activities[0].id", String.valueOf(activity), "activities[0].title", "Felles tavle i meldingsløsningen",
                "activities[0].description", "Beskrevet i API-et", "activities[0].priority", "hoy", "activities[0].startMonth", "2025-02",
                "activities[1].title", "", "activities[2].title", "Opplæring", "activities[2].startMonth", "2025-04"));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        Measures.Measure measure = measures.find(id).orElseThrow();
        assertThat(measure.title()).isEqualTo("Daglige tavlemøter");
        assertThat(measure.priority()).isEqualTo("hoy");
        assertThat(measure.indicators()).containsExactly("ukp_days", "zero_day_share");
        assertThat(measure.revision()).isEqualTo(2);
        assertThat(measure.activities()).extracting(Measures.Measure::title).containsExactly("Felles tavle i meldingsløsningen", "Opplæring");
        assertThat(measure.activities().get(0).description()).as("kept by the form").isEqualTo("Beskrevet i API-et");
        assertThat(planner.get("/tiltak/" + activity + "/endre").getStatusCode()).as("an activity is changed with its measure")
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldShowARefusedStatusBesideItsField() {
        long id = measures.create(measure("Tavlemøter", "2025-01", null), "planner", false);
        Session planner = Session.open(rest, "planner", "/tiltak/" + id + "/status?maned=2025-03");
        assertThat(planner.page().getBody()).contains("Status for mars 2025", "Mindre avvik, men håndteres");
        ResponseEntity<String> tooLong = planner.post("/tiltak/" + id + "/status",
                form("month", "2025-03", "status", "green", "comment", "x".repeat(4001)));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tooLong.getBody()).containsPattern("id=\"comment-feil\">«Kommentar» kan ha høyst 4000 tegn")
                .containsPattern("id=\"comment\"[^>]*aria-invalid=\"true\"");
        ResponseEntity<String> none = planner.post("/tiltak/" + id + "/status", form("month", "2025-03"));
        assertThat(none.getBody()).containsPattern("id=\"status-feil\">«» i «Status» må være");
        assertThat(measures.find(id).orElseThrow().statuses()).isEmpty();
    }

    private static Measures.MeasureInput measure(String title, String start, String end) {
        return new Measures.MeasureInput(null, title, null, null, null, null, start, end, "total", List.of("ukp_days"), List.of());
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** A user's session on the pages: HTTP Basic, the session cookie and the CSRF token of the first page. */
    private record Session(TestRestTemplate rest, String user, String cookie, String csrf, ResponseEntity<String> page) {

        static Session open(TestRestTemplate rest, String user, String path) {
            TestRestTemplate client = TestUsers.as(rest, user).withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
            ResponseEntity<String> page = client.exchange(RequestEntity.get(URI.create(rest.getRootUri() + path))
                    .accept(MediaType.TEXT_HTML).build(), String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            Matcher csrf = CSRF.matcher(page.getBody());
            assertThat(csrf.find()).as("a CSRF token on %s", path).isTrue();
            String cookie = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
            return new Session(client, user, cookie, csrf.group(1), page);
        }

        ResponseEntity<String> get(String path) {
            return rest.exchange(RequestEntity.get(URI.create(rest.getRootUri() + path)).accept(MediaType.TEXT_HTML)
                    .header(HttpHeaders.COOKIE, cookie).build(), String.class);
        }

        ResponseEntity<String> post(String path, MultiValueMap<String, String> form) {
            form.add("_csrf", csrf);
            return rest.exchange(RequestEntity.post(URI.create(rest.getRootUri() + path)).accept(MediaType.TEXT_HTML)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).header(HttpHeaders.COOKIE, cookie).body(form), String.class);
        }
    }
}
