package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

/**
 * Bearer tokens of a real OpenID Connect provider ({@link OidcProvider}) on the API: roles from
 * the role claim and from the roles the admin keeps ({@code /api/v1/people}), expired, wrongly
 * signed and foreign tokens refused with the API's Norwegian 401, and the audit names the person.
 * HTTP Basic keeps working beside them.
 */
@DatabaseTest
@ContextConfiguration(initializers = OidcProvider.class)
class SingleSignOnTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void forgetPeople() {
        dsl.execute("DELETE FROM person_role");
    }

    @Test
    void shouldGiveTheRolesTheRoleClaimMapsTo() {
        String admin = OidcProvider.token("sub-admin", Map.of("roles", List.of("ukp-admin")));
        String viewer = OidcProvider.token("sub-viewer", Map.of("roles", "ukp-viewer"));
        String analystAndPlanner = OidcProvider.token("sub-both", Map.of("roles", List.of("ukp-analyst", "ukp-planner")));

        assertThat(get("/api/v1/people", admin).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/regions", viewer).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/people", viewer).getStatusCode().value()).isEqualTo(403);
        assertThat(get("/api/v1/imports/measures/template", viewer).getStatusCode().value()).isEqualTo(403);
        // two values, two roles: the planner's template and the analyst's CSV
        assertThat(get("/api/v1/imports/measures/template", analystAndPlanner).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/imports/measures/template", admin).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAPersonWithNoRoleWith403() {
        String nobody = OidcProvider.token("sub-nobody", Map.of("name", "Per Uten Rolle", "roles", List.of("something-else")));

        ResponseEntity<String> answer = get("/api/v1/regions", nobody);

        assertThat(answer.getStatusCode().value()).isEqualTo(403);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void shouldGiveTheRolesTheAdminKeepsBySubjectOrByName() throws Exception {
        String kari = OidcProvider.token("sub-kari", Map.of("name", "Kari Nordmann"));
        String ola = OidcProvider.token("sub-ola", Map.of("name", "Ola Nordmann"));
        assertThat(get("/api/v1/regions", kari).getStatusCode().value()).isEqualTo(403);

        assertThat(setRoles("sub-kari", "analyst").getStatusCode().value()).isEqualTo(200);
        assertThat(setRoles("Ola Nordmann", "planner", "viewer").getStatusCode().value()).isEqualTo(200);

        assertThat(get("/api/v1/regions", kari).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/imports/measures/template", kari).getStatusCode().value()).isEqualTo(403);
        assertThat(get("/api/v1/imports/measures/template", ola).getStatusCode().value()).isEqualTo(200);
        JsonNode people = JSON.readTree(TestUsers.as(rest, "admin").getForObject("/api/v1/people", String.class));
        assertThat(people).hasSize(2);
        assertThat(people.get(0).get("person").asText()).isEqualTo("Ola Nordmann");
        assertThat(people.get(0).get("roles").toString()).isEqualTo("[\"viewer\",\"planner\"]");
        assertThat(people.get(0).get("changedBy").asText()).isEqualTo("admin");
        assertThat(people.get(1).get("person").asText()).isEqualTo("sub-kari");

        // no roles: the person is removed, and refused again
        assertThat(setRoles("sub-kari").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/regions", kari).getStatusCode().value()).isEqualTo(403);
        assertThat(JSON.readTree(TestUsers.as(rest, "admin").getForObject("/api/v1/people", String.class))).hasSize(1);
    }

    @Test
    void shouldRecordWhoGrantedTheRolesByTheirNameAndSubject() throws Exception {
        String admin = OidcProvider.token("sub-anne", Map.of("name", "Anne Admin", "roles", List.of("ukp-admin")));

        ResponseEntity<String> answer = rest.exchange("/api/v1/people", HttpMethod.PUT,
                new HttpEntity<>("{\"person\":\"sub-kari\",\"roles\":[\"viewer\"]}", bearer(admin, MediaType.APPLICATION_JSON)),
                String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(answer.getBody()).get("changedBy").asText()).isEqualTo("Anne Admin (sub-anne)");
    }

    @Test
    void shouldRefuseAnUnknownRoleWithANorwegian400() throws Exception {
        ResponseEntity<String> answer = setRoles("sub-kari", "superuser");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(answer.getBody()).get("detail").asText())
                .isEqualTo("Ukjent rolle «superuser»: bruk viewer, analyst, ingest, planner, admin.");
        assertThat(dsl.fetchCount(dsl.selectFrom("person_role"))).isZero();
    }

    @Test
    void shouldKeepThePeopleFromTheAnalystsReadOnlyRole() {
        assertThat(dsl.fetchValue("SELECT has_table_privilege('ukp_reader', 'import', 'SELECT')")).isEqualTo(true);
        assertThat(dsl.fetchValue("SELECT has_table_privilege('ukp_reader', 'person_role', 'SELECT')")).isEqualTo(false);
    }

    @Test
    void shouldRecordThePersonInTheImportAudit() throws Exception {
        String ingest = OidcProvider.token("sub-ingrid", Map.of("name", "Ingrid Innlaster"));
        setRoles("sub-ingrid", "ingest");
        HttpHeaders headers = bearer(ingest, MediaType.valueOf("text/csv"));

        ResponseEntity<String> answer = rest.exchange("/api/v1/imports/population?dryRun=true", HttpMethod.POST,
                new HttpEntity<>("year,municipality,population\n2024,5001,212660\n", headers), String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        long id = JSON.readTree(answer.getBody()).get("importId").asLong();
        JsonNode entry = JSON.readTree(TestUsers.as(rest, "admin").getForObject("/api/v1/imports/" + id, String.class));
        assertThat(entry.get("importedBy").asText()).isEqualTo("Ingrid Innlaster (sub-ingrid)");
    }

    @Test
    void shouldRefuseAnExpiredTokenWithTheApisNorwegian401() throws Exception {
        // the decoder allows 60 s of clock skew: two minutes ago is expired
        String expired = OidcProvider.token("sub-admin", Map.of("roles", List.of("ukp-admin")), -120);

        assertRefused(get("/api/v1/regions", expired));
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() throws Exception {
        SignedJWT genuine = SignedJWT.parse(OidcProvider.token("sub-admin", Map.of("roles", List.of("ukp-admin"))));
        SignedJWT forged = new SignedJWT(genuine.getHeader(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate()));

        assertThat(get("/api/v1/regions", genuine.serialize()).getStatusCode().value()).isEqualTo(200);
        assertRefused(get("/api/v1/regions", forged.serialize()));
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuerOrForAnotherAudience() throws Exception {
        Map<String, Object> admin = Map.of("roles", List.of("ukp-admin"));
        String otherIssuer = OidcProvider.server().issueToken("other", "sub-admin", OidcProvider.AUDIENCE, admin, 3600).serialize();
        String otherAudience = OidcProvider.server().issueToken(OidcProvider.ISSUER, "sub-admin", "another-api", admin, 3600).serialize();

        assertRefused(get("/api/v1/regions", otherIssuer));
        assertRefused(get("/api/v1/regions", otherAudience));
        assertRefused(get("/api/v1/regions", "not-a-token"));
    }

    @Test
    void shouldKeepHttpBasicAndSayBothWaysInTheChallenge() {
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/regions", String.class).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> nobody = rest.getForEntity("/api/v1/regions", String.class);

        assertThat(nobody.getStatusCode().value()).isEqualTo(401);
        assertThat(nobody.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                .containsExactly("Basic realm=\"UKP monitor\"", "Bearer");
    }

    private void assertRefused(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).contains("Bearer error=\"invalid_token\"");
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asText()).isEqualTo("Tokenet er ugyldig eller utløpt. Hent et nytt og prøv igjen.");
    }

    private ResponseEntity<String> get(String path, String token) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token, null)), String.class);
    }

    private ResponseEntity<String> setRoles(String person, String... roles) {
        String body = "{\"person\":\"" + person + "\",\"roles\":[" + String.join(",", List.of(roles).stream()
                .map(role -> "\"" + role + "\"").toList()) + "]}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return TestUsers.as(rest, "admin").exchange("/api/v1/people", HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private static HttpHeaders bearer(String token, MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (contentType != null) {
            headers.setContentType(contentType);
        }
        return headers;
    }
}
