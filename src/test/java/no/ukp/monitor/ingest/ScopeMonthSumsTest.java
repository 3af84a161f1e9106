package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The stored sums per scope and month ({@code scope_month_sums}, V7) that the indicator views
 * read stay equal to their definition ({@code scope_month_facts}) through imports, revisions,
 * dry runs and a municipality that moves region; the stored populations per scope and year
 * ({@code scope_population_sums}, V10) stay equal to theirs ({@code scope_population}) through
 * population imports and a move.
 */
@DatabaseTest
class ScopeMonthSumsTest {

    private static final String DIFFERENCES = "SELECT count(*) FROM ("
            + "(SELECT * FROM scope_month_sums EXCEPT SELECT * FROM scope_month_facts) UNION ALL "
            + "(SELECT * FROM scope_month_facts EXCEPT SELECT * FROM scope_month_sums)) d";
    private static final String POPULATION_DIFFERENCES = "SELECT count(*) FROM ("
            + "(SELECT scope_type, scope_id, year, population, complete FROM scope_population_sums "
            + "EXCEPT SELECT scope_type, scope_id, year, population, complete FROM scope_population) UNION ALL "
            + "(SELECT scope_type, scope_id, year, population, complete FROM scope_population "
            + "EXCEPT SELECT scope_type, scope_id, year, population, complete FROM scope_population_sums)) d";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    private ImportClient client;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
        client = new ImportClient(rest);
    }

    @AfterEach
    void moveBack() {
        dsl.execute("UPDATE municipality SET region_id = 'trondheimsomradet' WHERE number = '5028'");
    }

    @Test
    void shouldFollowImportsRevisionsAndShortTermStays() {
        client.postCsv("monthly-statistics", """
                month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2025-03,5001,somatikk,100,90,12,30,10
                2025-03,5028,somatikk,20,18,3,5,
                2025-04,5001,somatikk,110,95,20,31,12
                2025-04,5001,psykisk_helse_rus,7,1,30,2,1
                """);
        client.postCsv("short-term-stays", """
                month,municipality,unit,discharges,los_days
                2025-03,5001,oya-helsehus,40,300
                2025-03,5001,other-unit,10,50
                """);
        assertThat(storedTotal("2025-03")).isEqualTo("2,120,108,15,35,10,100,50,350");
        assertThat(storedTotal("2025-04")).isEqualTo("1,110,95,20,31,12,110,,");
        assertThat(differences()).isZero();

        // a revision of one month changes that month only
        client.postCsv("monthly-statistics", """
                month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2025-04,5001,somatikk,120,95,30,31,12
                """);
        assertThat(storedTotal("2025-04")).isEqualTo("1,120,95,30,31,12,120,,");
        assertThat(storedTotal("2025-03")).isEqualTo("2,120,108,15,35,10,100,50,350");
        assertThat(differences()).isZero();
    }

    @Test
    void shouldStoreNothingOnADryRun() {
        client.postCsv("monthly-statistics", """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home
                2025-03,5001,100,90,12,30
                """);
        String file = """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home
                2025-03,5001,200,90,120,30
                """;
        client.post("monthly-statistics", file.getBytes(StandardCharsets.UTF_8), ImportClient.CSV, true);

        assertThat(storedTotal("2025-03")).isEqualTo("1,100,90,12,30,,,,");
        assertThat(differences()).isZero();
    }

    @Test
    void shouldFollowAMunicipalityThatMovesRegion() {
        client.postCsv("monthly-statistics", """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home
                2025-03,5028,20,18,3,5
                """);
        assertThat(stored("region", "trondheimsomradet", "2025-03")).isEqualTo("1,20,18,3,5,,,,");

        dsl.execute("UPDATE municipality SET region_id = 'trondelag-sor-vest' WHERE number = '5028'");

        assertThat(stored("region", "trondheimsomradet", "2025-03")).isNull();
        assertThat(stored("region", "trondelag-sor-vest", "2025-03")).isEqualTo("1,20,18,3,5,,,,");
        assertThat(differences()).isZero();
    }

    @Test
    void shouldKeepThePopulationPerScopeWithThePopulationAndTheRegions() {
        client.postCsv("population", "year,municipality,population\n2024,5001,212660\n2024,5028,17000\n2025,5028,17100\n");
        assertThat(population("total", "total", 2024)).isEqualTo(229660L);
        assertThat(population("region", "trondheimsomradet", 2025)).isEqualTo(17100L);
        assertThat(populationDifferences()).isZero();

        client.postCsv("population", "year,municipality,population\n2025,5028,17200\n");
        dsl.execute("UPDATE municipality SET region_id = 'trondelag-sor-vest' WHERE number = '5028'");

        assertThat(population("region", "trondheimsomradet", 2025)).isNull();
        assertThat(population("region", "trondelag-sor-vest", 2025)).isEqualTo(17200L);
        assertThat(populationDifferences()).isZero();
    }

    private int differences() {
        return dsl.fetchSingle(DIFFERENCES).get(0, Integer.class);
    }

    private int populationDifferences() {
        return dsl.fetchSingle(POPULATION_DIFFERENCES).get(0, Integer.class);
    }

    private Long population(String type, String id, int year) {
        return dsl.fetchOptional("SELECT population FROM scope_population_sums WHERE scope_type = ? AND scope_id = ? AND year = ?",
                type, id, year).map(r -> r.get(0, Long.class)).orElse(null);
    }

    private String storedTotal(String month) {
        return stored("total", "total", month);
    }

    /** reported, ukp_stays, zero_day, days, home, readmissions, stays with known readmissions, short-term discharges, los days. */
    private String stored(String type, String id, String month) {
        return dsl.fetchOptional("SELECT concat_ws(',', reported, coalesce(ukp_stays::text, ''), coalesce(zero_day_stays::text, ''), "
                        + "coalesce(ukp_days::text, ''), coalesce(discharged_home::text, ''), coalesce(readmissions_30d::text, ''), "
                        + "coalesce(ukp_stays_readmissions_known::text, ''), coalesce(short_term_discharges::text, ''), "
                        + "coalesce(short_term_los_days::text, '')) FROM scope_month_sums "
                        + "WHERE scope_type = ? AND scope_id = ? AND month = CAST(? AS date)", type, id, month + "-01")
                .map(r -> r.get(0, String.class)).orElse(null);
    }
}
