package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Imports run one at a time: a waiting import holds no database connection, gives up after
 * {@code ukp.import.lock-wait} with 503 and Retry-After, and the read-only role cannot make it wait.
 */
@DatabaseTest
@TestPropertySource(properties = {"ukp.reader.password=reader-secret", "ukp.import.lock-wait=2s"})
class ImportLockTest {

    static final String POPULATION = "year,municipality,population\n2024,5001,212660\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldNotLetTheReaderBlockAnImportWithAnyLockItCanTake() throws Exception {
        try (Connection reader = connect("ukp_reader", "reader-secret")) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                // what the service used to lock, and every lock the reader may try on what it reads
                attempt(statement, "SELECT pg_advisory_lock(hashtext('ukp_import'))");
                attempt(statement, "SELECT pg_advisory_lock(hashtext('ukp_refresh_scope_month_sums'))");
                attempt(statement, "SELECT pg_advisory_lock(hashtext('ukp_refresh_scope_population_sums'))");
                for (String table : dsl.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                        .getValues(0, String.class)) {
                    attempt(statement, "LOCK TABLE " + table + " IN ACCESS SHARE MODE");
                    attempt(statement, "SELECT * FROM " + table + " LIMIT 1 FOR KEY SHARE");
                    attempt(statement, "LOCK TABLE " + table + " IN ROW SHARE MODE");
                }
                // the reader's transaction stays open while the service imports
                ExecutorService pool = Executors.newSingleThreadExecutor();
                try {
                    long start = System.nanoTime();
                    Future<ResponseEntity<JsonNode>> monthly = pool.submit(() -> new ImportClient(rest).postCsv(
                            "monthly-statistics", "month,municipality,area,ukp_stays,zero_day_stays,ukp_days,"
                                    + "discharged_home,readmissions_30d\n2025-01,5001,somatikk,10,2,25,8,1\n"));
                    ResponseEntity<JsonNode> first = monthly.get(30, TimeUnit.SECONDS);
                    ResponseEntity<JsonNode> second = pool.submit(() -> new ImportClient(rest).postCsv("population", POPULATION))
                            .get(30, TimeUnit.SECONDS);
                    assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
                    assertThat(second.getStatusCode()).as("%s", second.getBody()).isEqualTo(HttpStatus.OK);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                } finally {
                    pool.shutdownNow();
                }
            }
            reader.rollback();
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("population"))).isEqualTo(1);
    }

    @Test
    void shouldAnswer503AfterTheWaitWithoutTakingTheConnectionsReadsNeed() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                // hold the import lock as an import of another instance would
                statement.execute("SELECT 1 FROM service_lock WHERE name = 'import' FOR UPDATE");
            }
            ExecutorService pool = Executors.newFixedThreadPool(11);
            try {
                List<Future<ResponseEntity<JsonNode>>> imports = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < 11; i++) {
                    boolean dryRun = i % 2 == 0;
                    imports.add(pool.submit(() -> new ImportClient(rest).post("population",
                            POPULATION.getBytes(java.nio.charset.StandardCharsets.UTF_8), ImportClient.CSV, dryRun)));
                }
                // while they wait, reads answer at once
                while (!imports.stream().allMatch(Future::isDone)) {
                    long before = System.nanoTime();
                    ResponseEntity<String> kpis = TestUsers.as(rest, "viewer").getForEntity("/api/v1/kpis?scope=total&month=2025-01",
                            String.class);
                    assertThat(kpis.getStatusCode().is5xxServerError()).as("%s", kpis).isFalse();
                    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
                    Thread.sleep(50);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
                }
                for (Future<ResponseEntity<JsonNode>> future : imports) {
                    ResponseEntity<JsonNode> response = future.get();
                    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
                    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
                    assertThat(response.getBody().get("detail").asText()).contains("En annen import pågår");
                    assertThat(response.getBody().get("importId").asLong()).isPositive();
                }
            } finally {
                pool.shutdownNow();
                holder.rollback();
            }
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("population"))).isZero();
        assertThat(dsl.fetch("SELECT outcome FROM import").getValues(0, String.class)).hasSize(11).containsOnly("busy");
        assertThat(dsl.fetch("SELECT m.message FROM import_message m JOIN import i ON i.id = m.import_id")
                .getValues(0, String.class)).hasSize(11).allSatisfy(m -> assertThat(m).contains("En annen import pågår"));
    }

    @Test
    void shouldLetAnImportWaitForItsTurn() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT 1 FROM service_lock WHERE name = 'import' FOR UPDATE");
            }
            Future<ResponseEntity<JsonNode>> waiting = pool.submit(() -> new ImportClient(rest).postCsv("population", POPULATION));
            Thread.sleep(1000);
            assertThat(waiting).isNotDone();
            holder.rollback(); // the import before it ends within the wait (2 s)
            ResponseEntity<JsonNode> response = waiting.get(10, TimeUnit.SECONDS);
            assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dsl.fetchCount(dsl.selectFrom("population"))).isEqualTo(1);
    }

    private static void attempt(Statement statement, String sql) throws SQLException {
        statement.execute("SAVEPOINT s");
        try {
            statement.execute(sql);
            statement.execute("RELEASE SAVEPOINT s");
        } catch (SQLException refused) {
            statement.execute("ROLLBACK TO SAVEPOINT s");
        }
    }

    private Connection connect(String user, String password) throws SQLException {
        String url;
        try (Connection owner = dataSource.getConnection()) {
            url = owner.getMetaData().getURL().split("\\?")[0]; // the embedded URL carries ?user=postgres
        }
        return DriverManager.getConnection(url, user, password);
    }
}
