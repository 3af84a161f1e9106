package no.ukp.monitor.benchmark;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import no.ukp.monitor.UkpMonitorApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service started in this JVM, as in production but on a random port and with known
 * passwords: on an embedded PostgreSQL in a throwaway directory, or on the database of a URL.
 * Its settings are given as command-line arguments, which beat environment variables, so a
 * {@code SPRING_DATASOURCE_URL} in the environment (CI's TimescaleDB run) never redirects the
 * embedded target.
 */
final class ServiceUnderTest implements AutoCloseable {

    static final String VIEWER = "viewer";
    static final String INGEST = "ingest";
    static final String PLANNER = "planner";
    static final String READER = "ukp_reader";

    private final ConfigurableApplicationContext context;
    private final String password;
    private final String readerUrl;
    private final ServiceClient client;

    private ServiceUnderTest(ConfigurableApplicationContext context, String password, String readerUrl) {
        this.context = context;
        this.password = password;
        this.readerUrl = readerUrl;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.client = new ServiceClient("http://127.0.0.1:" + port, password);
    }

    /** Starts the service on an embedded PostgreSQL whose files go to {@code dataDir} (must not exist or be empty). */
    static ServiceUnderTest embedded(Path dataDir) throws SQLException {
        List<String> args = common();
        args.add("--spring.datasource.url=");
        args.add("--ukp.embedded.data-dir=" + dataDir.toAbsolutePath());
        args.add("--ukp.embedded.port=0");
        return start(args, null);
    }

    /** Starts the service on the database of {@code database}. */
    static ServiceUnderTest external(BenchmarkSettings.ExternalDatabase database) throws SQLException {
        List<String> args = common();
        args.add("--spring.datasource.url=" + database.url());
        args.add("--spring.datasource.username=" + database.user());
        args.add("--spring.datasource.password=" + database.password());
        return start(args, database.url());
    }

    private static List<String> common() {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        // PDFBox and openhtmltopdf are chatty about fonts they never use
        args.add("--logging.level.com.openhtmltopdf=ERROR");
        args.add("--ukp.demo.enabled=false");
        args.add("--ukp.import.max-size=4GB");
        // its own spool folder: a service started on the shared default would clean up another's checked uploads
        args.add("--ukp.import.spool-dir=" + java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "ukp-benchmark-spool-" + ProcessHandle.current().pid()).toAbsolutePath());
        return args;
    }

    private static ServiceUnderTest start(List<String> args, String externalUrl) throws SQLException {
        String password = randomPassword();
        for (String user : List.of("viewer", "analyst", "ingest", "admin", PLANNER)) {
            args.add("--ukp.users." + user + "=" + password);
        }
        args.add("--ukp.reader.password=" + password);
        SpringApplication application = new SpringApplication(UkpMonitorApplication.class);
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        String readerUrl = externalUrl;
        if (readerUrl == null) {
            try (Connection owner = context.getBean(DataSource.class).getConnection()) {
                readerUrl = owner.getMetaData().getURL().split("\\?")[0]; // the embedded URL carries ?user=postgres
            }
        }
        return new ServiceUnderTest(context, password, readerUrl);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    ServiceClient client() {
        return client;
    }

    /** The service's own connection pool: the owner role, as the service itself writes. */
    DataSource ownerDataSource() {
        return context.getBean(DataSource.class);
    }

    /** A new connection as the read-only role ukp_reader, as Grafana connects. */
    Connection readerConnection() throws SQLException {
        return DriverManager.getConnection(readerUrl, READER, password);
    }

    @Override
    public void close() {
        context.close();
    }
}
