package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing is throttled per user and client address and per client address; the test
 * client stands in for a trusted proxy, so X-Forwarded-For names the client.
 */
@DatabaseTest
@TestPropertySource(properties = {
        "ukp.security.trusted-proxies=127.0.0.1,::1",
        "ukp.security.login-throttle.user-failures=5",
        "ukp.security.login-throttle.address-failures=20",
        "ukp.security.login-throttle.first-delay=1s",
        "ukp.security.login-throttle.max-delay=2s"})
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldThrottleAUserAtAnAddressAfterRepeatedFailures() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(login("viewer", "wrong-" + i, "203.0.113.10").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // even the right password waits: it is not checked
        ResponseEntity<String> throttled = login("viewer", TestUsers.PASSWORD, "203.0.113.10");
        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Integer.parseInt(throttled.getHeaders().getFirst("Retry-After"))).isBetween(1, 2);
        assertThat(throttled.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(throttled.getBody()).contains("For mange mislykkede innlogginger");

        // another address for the same user, another user at the same address: not affected
        assertThat(login("viewer", TestUsers.PASSWORD, "203.0.113.11").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login("analyst", TestUsers.PASSWORD, "203.0.113.10").getStatusCode()).isEqualTo(HttpStatus.OK);

        Thread.sleep(1_100);
        // after the wait one more wrong guess is checked, and the next wait is longer (capped)
        assertThat(login("viewer", "wrong-again", "203.0.113.10").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> longer = login("viewer", TestUsers.PASSWORD, "203.0.113.10");
        assertThat(longer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(longer.getHeaders().getFirst("Retry-After")).isEqualTo("2");

        Thread.sleep(2_100);
        assertThat(login("viewer", TestUsers.PASSWORD, "203.0.113.10").getStatusCode()).isEqualTo(HttpStatus.OK);
        // a success forgets the failures: one more mistake is answered 401, not 429
        assertThat(login("viewer", "wrong", "203.0.113.10").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(login("viewer", TestUsers.PASSWORD, "203.0.113.10").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldThrottleTheLoginFormToo() {
        LoginForm form = LoginForm.open(rest);
        for (int i = 0; i < 5; i++) {
            assertThat(form.post("analyst", "wrong-" + i, "203.0.113.50").getHeaders().getLocation().toString())
                    .endsWith("/login?feil");
        }
        // the right password waits too: it is not checked, and the form says for how long
        String throttled = form.post("analyst", TestUsers.PASSWORD, "203.0.113.50").getHeaders().getLocation().toString();
        assertThat(throttled).matches(".*/login\\?vent=[12]");
        // HTTP Basic and the form count together
        assertThat(login("analyst", TestUsers.PASSWORD, "203.0.113.50").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(form.post("analyst", TestUsers.PASSWORD, "203.0.113.51").getHeaders().getLocation().toString())
                .doesNotContain("/login");
    }

    @Test
    void shouldThrottleAnAddressTryingManyUsers() {
        for (int i = 0; i < 20; i++) {
            assertThat(login("user" + i, "wrong", "203.0.113.20").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(login("admin", TestUsers.PASSWORD, "203.0.113.20").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(login("admin", TestUsers.PASSWORD, "203.0.113.21").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldTrustForwardedAddressesOnlyFromATrustedProxy() {
        // the proxy (the test client) appends the address it saw; what the client wrote before it is not trusted
        for (int i = 0; i < 5; i++) {
            login("ingest", "wrong", "198.51.100." + i + ", 203.0.113.40");
        }
        assertThat(login("ingest", TestUsers.PASSWORD, "198.51.100.99, 203.0.113.40").getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void shouldLogAFailedLoginWithoutThePassword(CapturedOutput output) {
        login("admin\n\u001b[31mfake log line", "secret-guess-4711", "203.0.113.30");
        login("admin", "secret-guess-4712", "203.0.113.30");
        assertThat(output.getOut() + output.getErr())
                .contains("Failed login")
                .contains("'admin'")
                .contains("203.0.113.30")
                .doesNotContain("secret-guess-47")
                .doesNotContain("\nfake log line")
                .doesNotContain("\u001b[31m");
    }

    private ResponseEntity<String> login(String user, String password, String forwardedFor) {
        return rest.withBasicAuth(user, password).exchange(RequestEntity.get(URI.create(rest.getRootUri() + "/api/v1/regions"))
                .header("X-Forwarded-For", forwardedFor).build(), String.class);
    }
}
