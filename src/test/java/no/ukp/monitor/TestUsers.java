package no.ukp.monitor;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** The built-in users as the tests log in. */
public final class TestUsers {

    public static final String PASSWORD = "test-password";

    private TestUsers() {
    }

    public static TestRestTemplate as(TestRestTemplate rest, String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }
}
