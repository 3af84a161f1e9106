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
    /** a whole value that is one variable reference, nothing literal around it */
    private static final Pattern WHOLE_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:[:]?[-?][^}]*)?}");

    private String composeText;
    private Map<String, Object> compose;

    @BeforeEach
    void readCompose() throws IOException {
        assertThat(COMPOSE).exists();
        composeText = Files.readString(COMPOSE);
        compose = new Yaml().load(composeText);
    }

    @Test
    void shouldDefineTheFourServices() {
        assertThat(services().keySet())
                .containsExactlyInAnyOrder("timescaledb", "ukp-monitor", "grafana", "prometheus");
        assertThat(service("ukp-monitor").get("build")).isEqualTo(".");
    }

    @Test
    void shouldPinEveryImageToAVersion() {
        Map<String, String> images = services().entrySet().stream()
                .filter(e -> map(e.getValue()).containsKey("image"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (String) map(e.getValue()).get("image")));

        assertThat(images).containsOnlyKeys("timescaledb", "grafana", "prometheus");
        images.forEach((name, image) -> assertPinned(name, image));
        assertThat(images).containsEntry("timescaledb", "timescale/timescaledb:2.19.3-pg17");
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
                .containsKeys("SPRING_DATASOURCE_PASSWORD", "UKP_VIEWER_PASSWORD", "UKP_ANALYST_PASSWORD",
                        "UKP_INGEST_PASSWORD", "UKP_ADMIN_PASSWORD", "UKP_PLANNER_PASSWORD", "UKP_READER_PASSWORD", "UKP_DEMO_ENABLED");
        assertThat(environment.get("UKP_DEMO_ENABLED")).isEqualTo("${UKP_DEMO_ENABLED:-false}");
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
        assertThat(strings(service("ukp-monitor").get("ports"))).containsExactly("8080:8080");
        assertThat(strings(service("grafana").get("ports"))).containsExactly("3000:3000");
        // database and Prometheus only on the host's loopback
        assertThat(strings(service("timescaledb").get("ports"))).containsExactly("127.0.0.1:5432:5432");
        assertThat(strings(service("prometheus").get("ports"))).containsExactly("127.0.0.1:9090:9090");
    }

    @Test
    void shouldTakeSecretsFromEnvironmentNotFile() throws IOException {
        for (var entry : services().entrySet()) {
            Object environment = map(entry.getValue()).get("environment");
            if (environment == null) {
                continue;
            }
            map(environment).forEach((name, value) -> {
                if (name.contains("PASSWORD")) {
                    assertThat(String.valueOf(value))
                            .as("%s of %s must be a ${...} reference, not a literal", name, entry.getKey())
                            .matches(WHOLE_REFERENCE);
                }
            });
        }

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
        assertThat(basicAuth).containsEntry("username", "viewer");
        assertThat(String.valueOf(basicAuth.get("password"))).startsWith("${UKP_VIEWER_PASSWORD");

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
        assertThat(map(service("grafana").get("environment"))).containsKey("UKP_READER_PASSWORD");
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
        assertThat(map(timescale.get("secureJsonData"))).containsEntry("password", "$UKP_READER_PASSWORD");
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
