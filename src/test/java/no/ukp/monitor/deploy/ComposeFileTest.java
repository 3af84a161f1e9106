package no.ukp.monitor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.yaml.snakeyaml.Yaml;

/**
 * The production shape (docker-compose.yml, Dockerfile, Grafana provisioning) cannot be started
 * here, so its promises are checked on the files. Paths are relative to the project directory,
 * which is Maven's working directory for tests.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final Path GRAFANA_DATASOURCES = Path.of("grafana/provisioning/datasources/ukp.yml");

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}}; {@code $${...}} is an escape. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private String composeText;
    private Map<String, Object> compose;

    @BeforeEach
    void readCompose() throws IOException {
        assertThat(COMPOSE).exists();
        composeText = Files.readString(COMPOSE);
        compose = new Yaml().load(composeText);
    }

    @Test
    void shouldDefineTheServices() {
        assertThat(services().keySet())
                .containsExactlyInAnyOrder("timescaledb", "ukp-monitor", "grafana", "prometheus", "proxy", "backup");
        assertThat(service("ukp-monitor").get("build")).isEqualTo(".");
    }

    @Test
    void shouldPinEveryImageToAVersion() {
        Map<String, String> images = services().entrySet().stream()
                .filter(e -> map(e.getValue()).containsKey("image"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (String) map(e.getValue()).get("image")));

        assertThat(images).containsOnlyKeys("timescaledb", "grafana", "prometheus", "proxy", "backup");
        images.forEach((name, image) -> assertPinned(name, image));
        assertThat(images).containsEntry("timescaledb", "timescale/timescaledb:2.19.3-pg17");
        assertThat(images.get("backup")).as("pg_dump of the server's own version").isEqualTo(images.get("timescaledb"));
        assertThat(images.get("proxy")).startsWith("caddy:");
        assertThat(images.get("grafana")).startsWith("grafana/grafana-oss:");
        assertThat(images.get("prometheus")).startsWith("prom/prometheus:");
    }

    @Test
    void shouldStartServiceOnlyWhenDatabaseIsHealthy() {
        Map<String, Object> dependsOn = map(service("ukp-monitor").get("depends_on"));
        assertThat(map(dependsOn.get("timescaledb"))).containsEntry("condition", "service_healthy");

        Map<String, Object> healthcheck = map(service("timescaledb").get("healthcheck"));
        assertThat(String.join(" ", strings(healthcheck.get("test")))).contains("pg_isready -U ukp -d ukp");
    }

    @Test
    void shouldCheckServiceHealthOnActuator() {
        Map<String, Object> healthcheck = map(service("ukp-monitor").get("healthcheck"));
        List<String> test = strings(healthcheck.get("test"));

        assertThat(test).contains("http://localhost:8080/actuator/health");
        // exec form, no shell needed; wget is present in the eclipse-temurin noble JRE image
        assertThat(test.get(0)).isEqualTo("CMD");
        assertThat(test.get(1)).isEqualTo("wget");
    }

    /**
     * A JVM that has exited is restarted; one that hangs (a zombie after an OutOfMemoryError
     * without ExitOnOutOfMemoryError, see OutOfMemoryExitTest) is marked unhealthy: wget gives up
     * after one try within the check's timeout, which is shorter than its interval.
     */
    @Test
    void shouldRestartAnExitedServiceAndMarkAHangingOneUnhealthy() {
        Map<String, Object> service = service("ukp-monitor");
        Map<String, Object> healthcheck = map(service.get("healthcheck"));
        List<String> test = strings(healthcheck.get("test"));

        assertThat(service.get("restart")).isIn("unless-stopped", "always");
        assertThat(test).as("wget's own timeout and a single try").contains("-T", "--tries=1");
        int wgetTimeout = Integer.parseInt(test.get(test.indexOf("-T") + 1));
        assertThat(seconds(healthcheck.get("timeout"))).isGreaterThan(wgetTimeout)
                .isLessThan(seconds(healthcheck.get("interval")));
        assertThat((Integer) healthcheck.get("retries")).isPositive();
        // the JVM as PID 1 would not reap a child that died (the embedded PostgreSQL), a zombie forever
        assertThat(service.get("init")).as("an init process reaps children").isEqualTo(true);
    }

    private static int seconds(Object duration) {
        String text = String.valueOf(duration);
        assertThat(text).as("a duration in seconds").matches("\\d+s");
        return Integer.parseInt(text.substring(0, text.length() - 1));
    }

    @Test
    void shouldConnectServiceToTimescaleDb() {
        Map<String, Object> environment = map(service("ukp-monitor").get("environment"));

        assertThat(environment)
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://timescaledb:5432/ukp")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "ukp")
                .containsEntry("SPRING_CONFIG_IMPORT", "configtree:/run/secrets/")
                .containsEntry("UKP_PRODUCTION", "${UKP_PRODUCTION:-true}")
                .containsEntry("UKP_DEMO_ENABLED", "${UKP_DEMO_ENABLED:-false}")
                .containsKeys("UKP_OIDC_ISSUER_URI", "UKP_OIDC_CLIENT_ID", "UKP_OIDC_ROLES_CLAIM");
        assertThat(secretTargets("ukp-monitor").values()).containsExactlyInAnyOrder("spring.datasource.password",
                "UKP_VIEWER_PASSWORD", "UKP_ANALYST_PASSWORD", "UKP_INGEST_PASSWORD", "UKP_ADMIN_PASSWORD",
                "UKP_PLANNER_PASSWORD", "UKP_READER_PASSWORD", "UKP_OIDC_CLIENT_SECRET");
        assertThat(environment.get("UKP_OIDC_ISSUER_URI")).as("no SSO unless configured").isEqualTo("${UKP_OIDC_ISSUER_URI:-}");
    }

    /**
     * The service reads its secret files as compose mounts them: a config tree whose file names are
     * the properties (or the placeholders of application.properties) they set; a trailing newline
     * is not part of the password.
     */
    @Test
    void shouldReadTheServiceSecretsAsProperties(@TempDir Path secrets) throws IOException {
        Map<String, String> targets = secretTargets("ukp-monitor");
        for (Map.Entry<String, String> secret : targets.entrySet()) {
            Files.writeString(secrets.resolve(secret.getValue()), "from-file-" + secret.getKey() + "\n");
        }

        // an environment without this machine's variables: CI's SPRING_DATASOURCE_PASSWORD would win over the file
        org.springframework.core.env.StandardEnvironment bare = new org.springframework.core.env.StandardEnvironment() {
            @Override
            protected void customizePropertySources(org.springframework.core.env.MutablePropertySources sources) {
            }
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
                .environment(bare).web(WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.config.import=configtree:" + secrets + "/", "spring.main.banner-mode=off")
                .run()) {
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("from-file-db_password");
            assertThat(environment.getProperty("ukp.reader.password")).isEqualTo("from-file-reader_password");
            for (String user : List.of("viewer", "analyst", "ingest", "planner", "admin")) {
                assertThat(environment.getProperty("ukp.users." + user)).isEqualTo("from-file-" + user + "_password");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    /**
     * Only the proxy is reachable from outside, on 80 (a redirect) and 443; it passes / to the
     * service and /grafana/ to Grafana, ends TLS with files (or ACME) and adds HSTS.
     */
    @Test
    void shouldReachServiceAndGrafanaThroughTheTlsProxyOnly() {
        assertThat(service("ukp-monitor")).doesNotContainKey("ports");
        assertThat(service("grafana")).doesNotContainKey("ports");
        assertThat(service("backup")).doesNotContainKey("ports");
        assertThat(strings(service("proxy").get("ports"))).containsExactlyInAnyOrder("80:80", "443:443");
        assertThat(strings(service("proxy").get("volumes"))).contains("./certs:/certs:ro");

        String caddyfile = (String) map(map(compose.get("configs")).get("caddyfile")).get("content");
        assertThat(maps(service("proxy").get("configs"))).anySatisfy(c -> assertThat(c)
                .containsEntry("source", "caddyfile").containsEntry("target", "/etc/caddy/Caddyfile"));
        assertThat(caddyfile)
                .contains("${UKP_HOST:?set UKP_HOST in .env} {")
                .contains("tls ${UKP_TLS:-/certs/cert.pem /certs/key.pem}")
                .contains("header >Strict-Transport-Security \"max-age=31536000\"")
                .containsPattern("handle /grafana/\\* \\{\\s+reverse_proxy grafana:3000\\s+}")
                .containsPattern("handle \\{\\s+(#[^\\n]*\\s+)?reverse_proxy ukp-monitor:8080\\s+}");

        Map<String, Object> grafana = map(service("grafana").get("environment"));
        assertThat(grafana).containsEntry("GF_SERVER_ROOT_URL", "https://${UKP_HOST:?set UKP_HOST in .env}/grafana/")
                .containsEntry("GF_SERVER_SERVE_FROM_SUB_PATH", "true")
                .containsEntry("GF_SECURITY_COOKIE_SECURE", "true");
    }

    /** The service believes X-Forwarded-* only from the proxy, whose address is fixed in the compose network. */
    @Test
    void shouldTrustForwardedHeadersFromTheProxyAddressOnly() {
        Map<String, Object> network = map(map(service("proxy").get("networks")).get("default"));
        String proxyAddress = (String) network.get("ipv4_address");
        String subnet = (String) maps(map(map(map(compose.get("networks")).get("default")).get("ipam")).get("config"))
                .get(0).get("subnet");

        assertThat(map(service("ukp-monitor").get("environment"))).containsEntry("UKP_TRUSTED_PROXIES", proxyAddress);
        assertThat(new IpAddressMatcher(subnet).matches(proxyAddress)).isTrue();
    }

    /**
     * Grafana logs in through the same provider, roles from the service's roles claim: admin is
     * Grafana admin, the other roles see the dashboards, nobody gets a default role; with OAuth on,
     * Grafana's own login form is off.
     */
    @Test
    void shouldLogIntoGrafanaThroughTheSameProviderWithTheServiceRoles() {
        Map<String, Object> grafana = map(service("grafana").get("environment"));

        assertThat(grafana)
                .containsEntry("GF_AUTH_GENERIC_OAUTH_ENABLED", "${GRAFANA_OIDC_ENABLED:-false}")
                .containsEntry("GF_AUTH_DISABLE_LOGIN_FORM", "${GRAFANA_OIDC_ENABLED:-false}")
                .containsEntry("GF_AUTH_GENERIC_OAUTH_ROLE_ATTRIBUTE_STRICT", "true")
                .containsEntry("GF_AUTH_GENERIC_OAUTH_ALLOW_ASSIGN_GRAFANA_ADMIN", "true")
                .containsEntry("GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET__FILE", "/run/secrets/grafana_oidc_client_secret")
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana_admin_password");
        String rolePath = (String) grafana.get("GF_AUTH_GENERIC_OAUTH_ROLE_ATTRIBUTE_PATH");
        String claim = "${UKP_OIDC_ROLES_CLAIM:-roles}[*]";
        assertThat(rolePath)
                .startsWith("contains(" + claim + ", 'admin') && 'GrafanaAdmin'")
                .endsWith("&& 'Viewer'")
                .doesNotContain("'Editor'").doesNotContain("'Admin'");
        for (String role : List.of("planner", "viewer", "analyst", "ingest")) {
            assertThat(rolePath).contains("contains(" + claim + ", '" + role + "')");
        }
    }

    /** Dumps of the database's own image, on a schedule, kept for a number of days, in a volume. */
    @Test
    void shouldBackUpTheDatabaseOnASchedule() {
        Map<String, Object> backup = service("backup");

        assertThat(strings(backup.get("entrypoint"))).containsExactly("bash", "/scripts/backup.sh", "--loop");
        assertThat(strings(backup.get("volumes"))).contains("./scripts:/scripts:ro");
        assertThat(namedVolumeMountedAt("backup", "/backups")).isIn(map(compose.get("volumes")).keySet());
        assertThat(map(map(backup.get("depends_on")).get("timescaledb"))).containsEntry("condition", "service_healthy");
        assertThat(map(backup.get("environment")))
                .containsEntry("PGHOST", "timescaledb").containsEntry("PGUSER", "ukp").containsEntry("PGDATABASE", "ukp")
                .containsEntry("PGPASSWORD_FILE", "/run/secrets/db_password")
                .containsEntry("UKP_BACKUP_DIR", "/backups")
                .containsEntry("UKP_BACKUP_RETENTION_DAYS", "${UKP_BACKUP_RETENTION_DAYS:-14}");
        assertThat(Path.of("scripts/backup.sh")).exists();
        assertThat(Path.of("scripts/restore.sh")).exists();
    }

    @Test
    void shouldKeepDataInNamedVolumes() {
        Set<String> declared = map(compose.get("volumes")).keySet();

        assertThat(namedVolumeMountedAt("timescaledb", "/var/lib/postgresql/data")).isIn(declared);
        assertThat(namedVolumeMountedAt("grafana", "/var/lib/grafana")).isIn(declared);
        assertThat(namedVolumeMountedAt("prometheus", "/prometheus")).isIn(declared);
    }

    @Test
    void shouldPublishDocumentedPorts() {
        // database and Prometheus only on the host's loopback
        assertThat(strings(service("timescaledb").get("ports"))).containsExactly("127.0.0.1:5432:5432");
        assertThat(strings(service("prometheus").get("ports"))).containsExactly("127.0.0.1:9090:9090");
    }

    /**
     * No password or client secret in an environment variable: each is a compose secret, a file
     * under ./secrets/ that scripts/secrets-init.sh writes, named in the environment by its path
     * only (*_FILE). .env.example names every variable the file interpolates.
     */
    @Test
    void shouldTakeSecretsFromFilesNotEnvironment() throws IOException {
        Map<String, Object> declared = map(compose.get("secrets"));
        for (var entry : services().entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            Object environment = service.get("environment");
            if (environment != null) {
                map(environment).forEach((name, value) -> {
                    if (name.contains("PASSWORD") || name.contains("SECRET")) {
                        assertThat(name).as("%s of %s must name a file", name, entry.getKey()).endsWith("_FILE");
                        assertThat(String.valueOf(value)).as("%s of %s", name, entry.getKey()).startsWith("/run/secrets/");
                        assertThat(secretTargets(entry.getKey()).values()).as("%s of %s is a mounted secret", name, entry.getKey())
                                .contains(String.valueOf(value).substring("/run/secrets/".length()));
                    }
                });
            }
            assertThat(service).as("no env_file in %s", entry.getKey()).doesNotContainKey("env_file");
            assertThat(declared.keySet()).containsAll(secretTargets(entry.getKey()).keySet());
        }

        String init = Files.readString(Path.of("scripts/secrets-init.sh"));
        declared.forEach((name, secret) -> {
            assertThat(map(secret)).containsEntry("file", "./secrets/" + name);
            assertThat(init).as("secrets-init.sh writes %s", name).containsPattern("\\b" + name + "\\b");
        });
        assertThat(Files.readString(Path.of(".gitignore")).lines()).contains("secrets/", "certs/");
        assertThat(Files.readString(Path.of(".dockerignore")).lines()).contains("secrets/", "certs/");

        assertThat(ENV_EXAMPLE).exists();
        assertThat(envExampleNames()).containsAll(referencedVariables());
    }

    @Test
    void shouldScrapePrometheusEndpointWithBasicAuth() {
        Map<String, Object> config = map(map(compose.get("configs")).get("prometheus-config"));
        Map<String, Object> prometheus = new Yaml().load((String) config.get("content"));
        List<Map<String, Object>> scrapeConfigs = maps(prometheus.get("scrape_configs"));
        Map<String, Object> job = scrapeConfigs.stream()
                .filter(c -> "ukp-monitor".equals(c.get("job_name")))
                .findFirst().orElseThrow(() -> new AssertionError("no scrape job ukp-monitor"));

        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(strings(maps(job.get("static_configs")).get(0).get("targets"))).containsExactly("ukp-monitor:8080");
        Map<String, Object> basicAuth = map(job.get("basic_auth"));
        assertThat(basicAuth).containsEntry("username", "viewer")
                .containsEntry("password_file", "/run/secrets/viewer_password")
                .doesNotContainKey("password");
        assertThat(secretTargets("prometheus").values()).contains("viewer_password");

        List<Map<String, Object>> mounted = maps(service("prometheus").get("configs"));
        assertThat(mounted).anySatisfy(c -> assertThat(c)
                .containsEntry("source", "prometheus-config")
                .containsEntry("target", "/etc/prometheus/prometheus.yml"));
    }

    @Test
    void shouldMountGrafanaProvisioning() {
        List<String> volumes = strings(service("grafana").get("volumes"));

        assertThat(volumes).contains(
                "./grafana/provisioning:/etc/grafana/provisioning:ro",
                "./grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(Path.of("grafana/provisioning/dashboards/ukp.yml")).exists();
        assertThat(secretTargets("grafana").values()).contains("reader_password");
    }

    @Test
    void shouldReadGrafanaDataWithReadOnlyRole() throws IOException {
        Map<String, Object> provisioning = new Yaml().load(Files.readString(GRAFANA_DATASOURCES));
        List<Map<String, Object>> datasources = maps(provisioning.get("datasources"));
        Map<String, Object> timescale = datasources.stream()
                .filter(d -> "ukp-timescaledb".equals(d.get("uid")))
                .findFirst().orElseThrow(() -> new AssertionError("no datasource ukp-timescaledb"));

        assertThat(timescale).containsEntry("url", "timescaledb:5432").containsEntry("user", "ukp_reader");
        assertThat(map(timescale.get("jsonData"))).containsEntry("database", "ukp").containsEntry("timescaledb", true);
        assertThat(map(timescale.get("secureJsonData"))).containsEntry("password", "$__file{/run/secrets/reader_password}");
        assertThat(datasources).anySatisfy(d -> assertThat(d)
                .containsEntry("uid", "ukp-prometheus")
                .containsEntry("url", "http://prometheus:9090"));
    }

    @Test
    void shouldBuildImageFromPinnedBaseImages() throws IOException {
        assertThat(DOCKERFILE).exists();
        List<String> lines = Files.readAllLines(DOCKERFILE);
        List<String> from = lines.stream().map(String::strip)
                .filter(l -> l.toUpperCase().startsWith("FROM "))
                .map(l -> l.split("\\s+")[1])
                .toList();

        assertThat(from).hasSize(2);
        from.forEach(image -> assertPinned("Dockerfile", image));
        assertThat(lines).contains("ENTRYPOINT [\"java\",\"-XX:+ExitOnOutOfMemoryError\",\"-jar\",\"/app/ukp-monitor.jar\"]");
    }

    @Test
    void shouldRunImageAsNonRootUser() throws IOException {
        List<String> users = Files.readAllLines(DOCKERFILE).stream().map(String::strip)
                .filter(l -> l.startsWith("USER "))
                .map(l -> l.substring("USER ".length()).strip())
                .toList();

        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0", "0:0");
    }

    // ---- helpers ------------------------------------------------------------------------

    private static void assertPinned(String where, String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        assertThat(colon).as("%s: image %s has a tag", where, image).isGreaterThan(slash);
        String tag = image.substring(colon + 1);
        assertThat(tag).as("%s: tag of %s", where, image)
                .isNotBlank()
                .isNotEqualToIgnoringCase("latest")
                .containsPattern("\\d+\\.\\d+");
    }

    private Set<String> referencedVariables() {
        Set<String> names = new LinkedHashSet<>();
        // comment lines may mention ${VAR} as an example; they are not interpolated
        String withoutComments = composeText.lines()
                .filter(l -> !l.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        Matcher m = VARIABLE.matcher(withoutComments);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("the compose file references its secrets").isNotEmpty();
        return names;
    }

    private static Set<String> envExampleNames() throws IOException {
        return Files.readAllLines(ENV_EXAMPLE).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                .map(l -> l.substring(0, l.indexOf('=')).strip())
                .collect(Collectors.toSet());
    }

    private String namedVolumeMountedAt(String service, String target) {
        return strings(service(service).get("volumes")).stream()
                .map(v -> v.split(":"))
                .filter(parts -> parts.length >= 2 && parts[1].equals(target))
                .map(parts -> parts[0])
                .filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts no named volume at " + target));
    }

    /** A service's secrets: source → the file name under /run/secrets/ (the target, or the source). */
    private Map<String, String> secretTargets(String name) {
        Object secrets = service(name).get("secrets");
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        if (secrets == null) {
            return targets;
        }
        assertThat(secrets).isInstanceOf(List.class);
        for (Object secret : (List<?>) secrets) {
            if (secret instanceof String source) {
                targets.put(source, source);
            } else {
                Map<String, Object> long_ = map(secret);
                String source = (String) long_.get("source");
                targets.put(source, (String) long_.getOrDefault("target", source));
            }
        }
        return targets;
    }

    private Map<String, Object> services() {
        return map(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        Object service = services().get(name);
        assertThat(service).as("service %s", name).isNotNull();
        return map(service);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
