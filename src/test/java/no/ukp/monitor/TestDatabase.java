package no.ukp.monitor;

import org.jooq.DSLContext;
import java.sql.SQLException;

/**
 * Empties the facts and the audits (imports, reference data edits) before a test: CI runs the
 * suite a second time on one shared TimescaleDB database, so no test may rely on a fresh database.
 */
public final class TestDatabase {

    private static final int ATTEMPTS = 5;

    private TestDatabase() {
    }

    /**
     * The TRUNCATE takes its tables' locks one by one; a background refresh after the previous test's import (the
     * gauges, the SPC charts) reads the same tables through the views in another order, so PostgreSQL may end one of
     * the two as a deadlock. Where that was the TRUNCATE, it is tried again.
     */
    public static void clean(DSLContext dsl) {
        for (int attempt = 1; ; attempt++) {
            try {
                dsl.execute("TRUNCATE monthly_statistics, monthly_statistics_revision, short_term_stays, short_term_stays_revision, "
                        + "snapshot, snapshot_revision, population, population_revision, scope_month_sums, import_message, import, "
                        + "spc_point, spc_summary, indicator_forecast, reference_change, approval, approval_figure, approval_revision CASCADE");
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !deadlock(e)) {
                    throw e;
                }
            }
        }
    }

    /** PostgreSQL's deadlock_detected (40P01), however jOOQ and Spring wrapped it. */
    private static boolean deadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
