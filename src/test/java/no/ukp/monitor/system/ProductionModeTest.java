package no.ukp.monitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Production mode's defaults: secure cookies, and forwarded headers believed from the trusted proxies only. */
class ProductionModeTest {

    @Test
    void shouldBelieveForwardedHeadersFromTheListedProxyAddressesOnly() {
        String regex = ProductionMode.internalProxies(List.of(" 192.0.2.7", "10.1.0.0/16", "2001:db8::5", ""));

        assertThat(regex).isEqualTo("192\\.0\\.2\\.7|2001:db8::5");
        Pattern proxies = Pattern.compile(regex);
        assertThat(proxies.matcher("192.0.2.7").matches()).isTrue();
        assertThat(proxies.matcher("2001:db8::5").matches()).isTrue();
        assertThat(proxies.matcher("192.0.2.70").matches()).isFalse();
        assertThat(proxies.matcher("192x0x2x7").matches()).isFalse();
        assertThat(proxies.matcher("10.1.2.3").matches()).as("a range is not turned into a regex").isFalse();
        assertThat(proxies.matcher("127.0.0.1").matches()).as("not Tomcat's default of every private address").isFalse();
    }

    @Test
    void shouldSetDefaultsInProductionModeOnlyAndLetExplicitSettingsWin() {
        StandardEnvironment off = new StandardEnvironment();
        new ProductionMode().postProcessEnvironment(off, new SpringApplication());
        assertThat(off.getPropertySources().contains(ProductionMode.DEFAULTS)).isFalse();
        assertThat(off.getProperty("server.servlet.session.cookie.secure")).isNull();

        StandardEnvironment on = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(on, "ukp.production=true",
                "ukp.security.trusted-proxies=172.30.80.10", "server.forward-headers-strategy=none");
        new ProductionMode().postProcessEnvironment(on, new SpringApplication());
        assertThat(on.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(on.getProperty("server.tomcat.remoteip.internal-proxies")).isEqualTo("172\\.30\\.80\\.10");
        assertThat(on.getProperty("server.forward-headers-strategy")).as("an explicit setting wins").isEqualTo("none");
    }

    /** The service behind a proxy at 127.0.0.1 (the test client), which ended HTTPS. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "ukp.production=true",
            "ukp.security.trusted-proxies=127.0.0.1",
            "ukp.embedded.data-dir=",
            "ukp.embedded.port=0",
            "ukp.demo.enabled=false",
            "logging.level.root=WARN",
            "ukp.users.admin=" + BehindTheProxy.PASSWORD})
    class BehindTheProxy {

        static final String PASSWORD = "Production-Test-Password-1";

        /** On an external database (CI's TimescaleDB) production mode checks its password too. */
        @BeforeAll
        static void databasePasswordPassesTheChecks() {
            String url = System.getenv("SPRING_DATASOURCE_URL");
            String password = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), "");
            assumeTrue(url == null || url.isBlank()
                            || ProductionChecks.problems(Map.of("spring.datasource.password", password), true).isEmpty(),
                    "the external database's password is too weak for production mode");
        }

        @LocalServerPort
        int port;

        @Test
        void shouldMarkHttpsRequestsOfTheProxySecure() throws Exception {
            HttpResponse<String> https = loginPage("https");
            assertThat(https.statusCode()).isEqualTo(200);
            assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    hsts -> assertThat(hsts).startsWith("max-age=31536000"));
            assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(
                    cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));

            // the proxy's plain HTTP (it only redirects, but still): no HSTS
            assertThat(loginPage("http").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }

        private HttpResponse<String> loginPage(String proto) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("X-Forwarded-Proto", proto)
                    .header("X-Forwarded-For", "203.0.113.9")
                    .GET().build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
