package no.ukp.monitor.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import no.ukp.monitor.security.OidcProvider;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

/**
 * Logging in in a real browser through a real OpenID Connect provider ({@link OidcProvider}, its
 * own login page): the authorization code flow with PKCE, the service's client assertion
 * ({@code private_key_jwt}) signed with its key, the person named on the pages, their roles from
 * the claim or from the admin, and logging out at the provider too.
 */
@DatabaseTest
@ContextConfiguration(initializers = OidcProvider.class)
@DisabledIfEnvironmentVariable(named = "UKP_EXPECT_TIMESCALEDB", matches = "true",
        disabledReason = "browser tests run in the embedded half of CI only")
class SingleSignOnBrowserTest extends BrowserTest {

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void forgetPeopleAndRequests() {
        dsl.execute("DELETE FROM person_role");
        drainProviderRequests();
    }

    @Test
    void shouldLogInAPlannerThroughTheProviderWithASignedClientAssertion() throws Exception {
        page.navigate("/tiltak");
        assertThat(page).hasURL(url("/login"));
        check("sso-login");

        signIn("sub-kari", "{\"name\": \"Kari Nordmann\", \"roles\": [\"ukp-planner\"]}");

        // back where the person was going (Spring's saved request adds ?continue)
        assertThat(page).hasURL(url("/tiltak?continue"));
        assertThat(page.locator("header")).containsText("Innlogget som Kari Nordmann (sub-kari)");
        check("sso-plan");
        assertThat(page.navigate("/kommuner").status()).isEqualTo(403);

        List<RecordedRequest> requests = drainProviderRequests();
        RecordedRequest authorize = requests.stream().filter(r -> r.getPath().startsWith("/helseid/authorize")).findFirst().orElseThrow();
        assertThat(authorize.getPath()).contains("code_challenge=").contains("code_challenge_method=S256");
        RecordedRequest token = requests.stream().filter(r -> r.getPath().startsWith("/helseid/token")).findFirst().orElseThrow();
        String form = token.getBody().readUtf8();
        assertThat(parameter(form, "client_assertion_type")).isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(token.getHeaders().get(HttpHeaders.AUTHORIZATION)).isNull();
        SignedJWT assertion = SignedJWT.parse(parameter(form, "client_assertion"));
        assertThat(assertion.verify(new RSASSAVerifier(OidcProvider.clientKey()))).isTrue();
        assertThat(assertion.getHeader().getKeyID()).isEqualTo("ukp-test-client");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(OidcProvider.CLIENT);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(OidcProvider.CLIENT);
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(OidcProvider.issuer());
    }

    @Test
    void shouldLetThePersonInWithTheRoleTheAdminGaveAfterTheNextLogin() {
        page.navigate("/");
        signIn("sub-nils", "{\"name\": \"Nils Nordmann\"}");
        assertThat(page.locator("h1")).hasText("Ingen tilgang");

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestUsers.as(rest, "admin").exchange("/api/v1/people", HttpMethod.PUT,
                new HttpEntity<>("{\"person\":\"Nils Nordmann\",\"roles\":[\"viewer\"]}", headers), String.class);
        context.clearCookies();
        page.navigate("/");
        signIn("sub-nils", "{\"name\": \"Nils Nordmann\"}");

        assertThat(page).hasURL(url("/?continue"));
        page.navigate("/import/historikk");
        assertThat(page.locator("header")).containsText("Innlogget som Nils Nordmann (sub-nils)");
        // a viewer: not offered the import page
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importer data"))).hasCount(0);
    }

    @Test
    void shouldLogOutAtTheProviderToo() {
        page.navigate("/");
        signIn("sub-vera", "{\"name\": \"Vera Viewer\", \"roles\": \"ukp-viewer\"}");
        page.navigate("/import/historikk");
        assertThat(page.locator("header")).containsText("Innlogget som Vera Viewer (sub-vera)");
        drainProviderRequests();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logg ut")).click();

        assertThat(page).hasURL(url("/login?utlogget"));
        assertThat(page.getByText("Du er logget ut.")).isVisible();
        assertThat(drainProviderRequests()).anyMatch(r -> r.getPath().startsWith("/helseid/endsession"));
        assertThat(page.navigate("/").url()).isEqualTo(url("/login"));
    }

    @Test
    void shouldKeepTheLoginFormForTheBuiltInUsers() {
        page.navigate("/login");
        logIn("viewer", TestUsers.PASSWORD);

        assertThat(page).hasURL(url("/"));
        page.navigate("/import/historikk");
        assertThat(page.locator("header")).containsText("Innlogget som viewer");
    }

    @Test
    void shouldLetTheAdminGiveAPersonRolesOnThePeoplePage() {
        page.navigate("/login");
        logIn("admin", TestUsers.PASSWORD);
        page.navigate("/import/historikk");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hovedmeny"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Personer")).click();
        assertThat(page).hasURL(url("/personer"));
        assertThat(page.getByText("Ingen personer har fått roller her ennå.")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre rollene")).click();
        assertThat(page.locator("#person-feil")).hasText("Skriv personens subject eller navn");
        check("people-error");

        page.getByLabel("Person", new Page.GetByLabelOptions().setExact(true)).fill("Nils Nordmann");
        page.getByLabel("Kompetansegruppen (planner)").check();
        page.getByLabel("Leser (viewer)").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre rollene")).click();

        assertThat(page).hasURL(url("/personer"));
        assertThat(page.locator("#lagret")).hasText("Nils Nordmann har nå rollene viewer, planner.");
        assertThat(rows(page.locator("table"))).containsExactly(List.of("Nils Nordmann", "viewer, planner", "admin",
                rows(page.locator("table")).get(0).get(3)));
        check("people");
        assertThat(dsl.fetchValue("SELECT array_to_string(roles, ',') FROM person_role WHERE person = 'Nils Nordmann'"))
                .isEqualTo("viewer,planner");
    }

    @Test
    void shouldKeepThePeoplePageFromEveryoneButTheAdmin() {
        page.navigate("/login");
        logIn("planner", TestUsers.PASSWORD);

        assertThat(page.navigate("/personer").status()).isEqualTo(403);
    }

    /** On the login page: to the provider, its login page, and back. */
    private void signIn(String subject, String claims) {
        assertThat(page).hasURL(url("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logg inn med HelseID")).click();
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill(claims);
        page.locator("input[type=submit]").click();
        page.waitForURL(url -> url.startsWith(url("")));
    }

    private static List<RecordedRequest> drainProviderRequests() {
        List<RecordedRequest> requests = new ArrayList<>();
        while (true) {
            try {
                requests.add(OidcProvider.server().takeRequest(200, java.util.concurrent.TimeUnit.MILLISECONDS));
            } catch (RuntimeException none) {
                return requests;
            }
        }
    }

    private static String parameter(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + form);
    }
}
