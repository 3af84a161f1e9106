package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** {@code ukp.security.basic-enabled=false}: the built-in users cannot log in; single sign-on alone. */
@DatabaseTest
@ContextConfiguration(initializers = OidcProvider.class)
@TestPropertySource(properties = "ukp.security.basic-enabled=false")
class BasicOffTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldRefuseTheBuiltInUsersOverHttpBasicAndAskForAToken() throws Exception {
        ResponseEntity<String> answer = TestUsers.as(rest, "admin").getForEntity("/api/v1/regions", String.class);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).containsExactly("Bearer");
        assertThat(new ObjectMapper().readTree(answer.getBody()).get("detail").asText())
                .isEqualTo("Du må logge inn (et token fra felles innlogging) for å bruke tjenesten.");
    }

    @Test
    void shouldTakeBearerTokens() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(OidcProvider.token("sub-admin", Map.of("roles", List.of("ukp-admin"))));

        assertThat(rest.exchange("/api/v1/regions", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void shouldOfferOnlySingleSignOnOnTheLoginPage() {
        String login = rest.getForObject("/login", String.class);

        assertThat(login).contains("Logg inn med HelseID").doesNotContain("name=\"password\"");
        // the form's post is no login any more: the built-in user gets no session
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("viewer:" + TestUsers.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(rest.exchange("/import/historikk", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getStatusCode().value()).isEqualTo(401);
    }
}
