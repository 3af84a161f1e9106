package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The login form as a browser without JavaScript uses it, redirects not followed: a session
 * cookie and the CSRF token from {@code GET /login}, then the form's post.
 */
record LoginForm(TestRestTemplate rest, String cookie, String csrf) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static LoginForm open(TestRestTemplate rest) {
        TestRestTemplate noRedirects = rest.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        ResponseEntity<String> page = noRedirects.exchange(RequestEntity.get(URI.create(rest.getRootUri() + "/login"))
                .accept(MediaType.TEXT_HTML).build(), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.getBody());
        assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
        return new LoginForm(noRedirects, sessionCookie(page), csrf.group(1));
    }

    /** Posts the form; the answer is a redirect. */
    ResponseEntity<String> post(String user, String password, String forwardedFor) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", csrf);
        RequestEntity.BodyBuilder request = RequestEntity.post(URI.create(rest.getRootUri() + "/login"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.COOKIE, cookie);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return rest.exchange(request.body(form), String.class);
    }

    static String sessionCookie(ResponseEntity<?> response) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";", 2)[0]).findFirst().orElse(null);
    }
}
