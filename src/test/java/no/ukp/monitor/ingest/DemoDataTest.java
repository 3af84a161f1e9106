package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo data passes the ordinary import, covers what the issue asks for and says it is synthetic. */
@DatabaseTest
class DemoDataTest {

    @Autowired
    DemoData demo;
    @Autowired
    DSLContext dsl;
    @Autowired
    ImportSpool spool;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @Test
    void shouldNotLoadWhenTurnedOff() throws Exception {
        demo.loadOnFirstStart(); // the tests run with ukp.demo.enabled=false
        assertThat(dsl.fetchCount(dsl.selectFrom("import"))).isZero();
    }

    @Test
    void shouldImportEveryDatasetMarkedSynthetic() throws Exception {
        DemoData enabled = new DemoData(importService, new DemoProperties(true), environment, dsl, clock, spool);
        enabled.loadOnFirstStart();

        assertThat(dsl.fetch("SELECT dataset, outcome, synthetic, imported_by FROM import ORDER BY id")
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2) + " " + r.get(3)))
                .containsExactly("population stored true demo", "monthly-statistics stored true demo",
                        "short-term-stays stored true demo", "snapshots stored true demo",
                        "national-municipalities stored true demo", "national-statistics stored true demo");
        assertThat(dsl.fetchSingle("SELECT synthetic FROM data_origin").get(0, Boolean.class)).isTrue();
        assertThat(dsl.fetchSingle("SELECT min(month)::text, max(month)::text, count(DISTINCT municipality) FROM monthly_statistics")
                .intoArray()).containsExactly("2023-01-01", YearMonth.now(clock).minusMonths(1).atDay(1).toString(), 20L);

        // the national comparison: 19 communities, 356 municipalities, five years up to last year; ours has a rank
        int lastYear = YearMonth.now(clock).getYear() - 1;
        assertThat(dsl.fetchSingle("SELECT count(DISTINCT community), count(DISTINCT municipality), min(year), max(year) "
                + "FROM national_figures").intoArray()).containsExactly(19L, 356L, lastYear - 4, lastYear);
        assertThat(dsl.fetchSingle("SELECT name, n, rank IS NOT NULL FROM national_community_ranking WHERE ours AND year = "
                + lastYear).intoArray()).containsExactly("Helsefellesskapet St. Olav", 19, true);
        assertThat(dsl.fetchSingle("SELECT synthetic FROM national_year WHERE year = " + lastYear).get(0, Boolean.class)).isTrue();

        enabled.loadOnFirstStart(); // only into an empty database
        assertThat(dsl.fetchCount(dsl.selectFrom("import"))).isEqualTo(6);
    }

    @Test
    void shouldHaveRealisticSizesAndAnImprovingTrend() {
        List<int[]> somatic = Arrays.stream(DemoData.monthlyStatistics(YearMonth.of(2025, 12)).split("\n"))
                .skip(1)
                .map(line -> line.split(",", -1))
                .filter(cells -> cells[2].equals("somatikk"))
                .map(cells -> new int[] {Integer.parseInt(cells[0].substring(0, 4)), Integer.parseInt(cells[3]),
                        Integer.parseInt(cells[4]), Integer.parseInt(cells[5])})
                .toList();
        int days2023 = somatic.stream().filter(r -> r[0] == 2023).mapToInt(r -> r[3]).sum();
        int days2025 = somatic.stream().filter(r -> r[0] == 2025).mapToInt(r -> r[3]).sum();
        double zeroShare2023 = somatic.stream().filter(r -> r[0] == 2023).mapToInt(r -> r[2]).sum()
                / (double) somatic.stream().filter(r -> r[0] == 2023).mapToInt(r -> r[1]).sum();
        // the same order of size as St. Olavs' 5 363 UKP-days in 2018, and about 80 % 0-day stays
        assertThat(days2023).isBetween(2500, 6000);
        assertThat(zeroShare2023).isBetween(0.70, 0.85);
        assertThat(days2025).isLessThan(days2023);
    }

    @Autowired
    ImportService importService;
    @Autowired
    org.springframework.core.env.Environment environment;
    @Autowired
    java.time.Clock clock;
}
