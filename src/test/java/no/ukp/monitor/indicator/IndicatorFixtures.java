package no.ukp.monitor.indicator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Test data for the indicator views: empties the fact tables (CI reruns the suite on one shared
 * database) and loads small hand-made CSV files from {@code src/test/resources/no/ukp/monitor/indicator/}
 * with plain INSERTs. Lines starting with {@code #} are comments; the first other line is the
 * header, which says which fact table the file is for. An empty cell is NULL.
 */
final class IndicatorFixtures {

    private static final String FOLDER = "/no/ukp/monitor/indicator/";
    private static final List<String> MONTHLY_STATISTICS = List.of(
            "month", "municipality", "area", "ukp_stays", "zero_day_stays", "ukp_days", "discharged_home",
            "readmissions_30d");
    private static final List<String> SHORT_TERM_STAYS = List.of(
            "month", "municipality", "unit", "discharges", "los_days");
    private static final List<String> POPULATION = List.of("year", "municipality", "population");

    /** Marks the target rows a test adds, so that the next reset removes them. */
    static final String TEST_TARGET_AUTHOR = "indicator-test";

    private final DSLContext dsl;
    private Long importId;

    IndicatorFixtures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Removes every fact, the targets tests added and settings tests changed. */
    IndicatorFixtures reset() {
        no.ukp.monitor.TestDatabase.clean(dsl);
        dsl.execute("DELETE FROM indicator_target WHERE created_by = ?", TEST_TARGET_AUTHOR);
        dsl.execute("UPDATE indicator_setting SET value = '2023' WHERE key = 'baseline_year'");
        importId = null;
        return this;
    }

    /** Loads fixture files by name, e.g. {@code "monthly_statistics.csv"}. */
    IndicatorFixtures load(String... files) {
        for (String file : files) {
            loadFile(file);
        }
        // written with SQL, not imported: recompute the stored sums the indicator views read
        dsl.execute("SELECT ukp_refresh_scope_month_sums(NULL, NULL)");
        return this;
    }

    /** Adds a target version (removed again by the next {@link #reset()}). */
    IndicatorFixtures addTarget(String indicatorId, String scopeType, String scopeId, String validFromMonth,
                                String target, String tolerance, String toleranceKind, boolean apportioned) {
        dsl.execute("INSERT INTO indicator_target (indicator_id, scope_type, scope_id, valid_from, target, tolerance, "
                        + "tolerance_kind, apportioned, created_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'added by a test')",
                indicatorId, scopeType, scopeId, YearMonth.parse(validFromMonth).atDay(1),
                new BigDecimal(target), new BigDecimal(tolerance), toleranceKind, apportioned, TEST_TARGET_AUTHOR);
        return this;
    }

    private long importId() {
        if (importId == null) {
            importId = dsl.fetchSingle("INSERT INTO import (dataset, size_bytes, sha256, imported_by, started_at, "
                            + "dry_run, outcome) VALUES ('fixture', 0, '', 'test', now(), false, 'stored') RETURNING id")
                    .get(0, Long.class);
        }
        return importId;
    }

    private void loadFile(String file) {
        List<String> header = null;
        for (String line : lines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split(",", -1)).map(String::trim).toList();
            if (header == null) {
                header = cells;
                if (!header.equals(MONTHLY_STATISTICS) && !header.equals(SHORT_TERM_STAYS) && !header.equals(POPULATION)) {
                    throw new IllegalArgumentException(file + ": unknown header " + header);
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException(file + ": wrong number of cells in " + line);
            }
            insert(header, cells);
        }
    }

    private void insert(List<String> header, List<String> c) {
        if (header.equals(MONTHLY_STATISTICS)) {
            dsl.execute("INSERT INTO monthly_statistics (month, municipality, area, ukp_stays, zero_day_stays, ukp_days, "
                            + "discharged_home, readmissions_30d, revision, import_id, recorded_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, now())",
                    month(c.get(0)), c.get(1), c.get(2), integer(c.get(3)), integer(c.get(4)), integer(c.get(5)),
                    integer(c.get(6)), integer(c.get(7)), importId());
        } else if (header.equals(SHORT_TERM_STAYS)) {
            dsl.execute("INSERT INTO short_term_stays (month, municipality, unit, discharges, los_days, revision, "
                            + "import_id, recorded_at) VALUES (?, ?, ?, ?, ?, 1, ?, now())",
                    month(c.get(0)), c.get(1), c.get(2), integer(c.get(3)), integer(c.get(4)), importId());
        } else {
            dsl.execute("INSERT INTO population (year, municipality, population, revision, import_id, recorded_at) "
                            + "VALUES (?, ?, ?, 1, ?, now())",
                    integer(c.get(0)), c.get(1), integer(c.get(2)), importId());
        }
    }

    private static LocalDate month(String yearMonth) {
        return YearMonth.parse(yearMonth).atDay(1);
    }

    private static Integer integer(String cell) {
        return cell.isEmpty() ? null : Integer.valueOf(cell);
    }

    private static List<String> lines(String file) {
        InputStream in = IndicatorFixtures.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + FOLDER + file);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new ArrayList<>(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
