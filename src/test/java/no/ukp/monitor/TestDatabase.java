package no.ukp.monitor;

import org.jooq.DSLContext;

/**
 * Empties the facts and the audits (imports, reference data edits) before a test: CI runs the
 * suite a second time on one shared TimescaleDB database, so no test may rely on a fresh database.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static void clean(DSLContext dsl) {
        dsl.execute("TRUNCATE monthly_statistics, monthly_statistics_revision, short_term_stays, short_term_stays_revision, "
                + "snapshot, snapshot_revision, population, population_revision, scope_month_sums, import_message, import, "
                + "spc_point, spc_summary, reference_change CASCADE");
    }
}
