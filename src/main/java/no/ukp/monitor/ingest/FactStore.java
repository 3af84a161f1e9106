package no.ukp.monitor.ingest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Repository;

/**
 * Stores the rows of one import set-based, inside the caller's transaction: the valid rows are
 * streamed with {@code COPY} into a temporary staging table, then compared with the fact table
 * and applied in three statements. No row-by-row round trips, whatever the file's size.
 */
@Repository
class FactStore {

    static final String STAGING = "ukp_staging";

    private final DSLContext dsl;

    FactStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Creates the staging table (dropped at commit) and opens a COPY into it. */
    Staging openStaging(Dataset dataset) {
        String columns = String.join(", ", dataset.databaseColumns());
        dsl.execute("DROP TABLE IF EXISTS " + STAGING);
        dsl.execute("CREATE TEMPORARY TABLE " + STAGING + " ON COMMIT DROP AS SELECT 0 AS line, " + columns
                + " FROM " + dataset.table() + " WITH NO DATA");
        CopyIn copy = dsl.connectionResult(connection -> connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + STAGING + " (line, " + columns + ") FROM STDIN"));
        return new Staging(copy);
    }

    /** Lines whose key an earlier line of the same file already has: line → first line. */
    List<Record3<Integer, Integer, String>> duplicates(Dataset dataset, int limit) {
        String key = String.join(", ", dataset.keyColumns());
        String keyText = dataset.keyColumns().stream().map(c -> c + "::text").collect(Collectors.joining(" || ' / ' || "));
        // the key is written out only for the duplicates, not for every staged row
        return dsl.resultQuery("SELECT line, first_line, " + keyText + " AS key_text FROM (SELECT line, " + key
                        + ", min(line) OVER (PARTITION BY " + key + ") AS first_line FROM " + STAGING + ") d "
                        + "WHERE line <> first_line ORDER BY line LIMIT " + limit)
                .coerce(org.jooq.impl.DSL.field("line", Integer.class), org.jooq.impl.DSL.field("first_line", Integer.class),
                        org.jooq.impl.DSL.field("key_text", String.class))
                .fetch();
    }

    /**
     * How the staged rows compare with what is stored: new, changed, identical. The caller holds
     * the import lock ({@link ImportLock}): no other import changes facts until the end of the
     * transaction, so what this comparison saw is what {@link #apply} changes.
     */
    Counts compare(Dataset dataset) {
        String changed = distinct(dataset, "s", "c");
        var row = dsl.fetchSingle("SELECT count(*) FILTER (WHERE c.revision IS NULL), "
                + "count(*) FILTER (WHERE c.revision IS NOT NULL AND " + changed + "), "
                + "count(*) FILTER (WHERE c.revision IS NOT NULL AND NOT " + changed + ") "
                + "FROM " + STAGING + " s LEFT JOIN " + dataset.table() + " c ON " + joinOnKey(dataset));
        return new Counts(row.get(0, Integer.class), row.get(1, Integer.class), row.get(2, Integer.class));
    }

    /**
     * Records every new or changed row as the next revision, then brings the fact table up to
     * date, and with it the stored sums the indicators are computed from. Identical rows are
     * left alone. {@code counts} is what {@link #compare} found in this transaction.
     */
    void apply(Dataset dataset, long importId, OffsetDateTime recordedAt, Counts counts) {
        String keys = String.join(", ", dataset.keyColumns());
        String values = String.join(", ", dataset.valueColumns());
        String stagedKeys = prefixed("s", dataset.keyColumns());
        String stagedValues = prefixed("s", dataset.valueColumns());
        if (counts.updated() == 0 && counts.unchanged() == 0) {
            // every row is new (the usual monthly delivery): revision 1 of each, no comparing
            dsl.execute("INSERT INTO " + dataset.revisionTable() + " (" + keys + ", revision, " + values
                            + ", import_id, recorded_at) SELECT " + stagedKeys + ", 1, " + stagedValues
                            + ", ?, CAST(? AS timestamptz) FROM " + STAGING + " s",
                    importId, recordedAt.toString());
            dsl.execute("INSERT INTO " + dataset.table() + " (" + keys + ", " + values + ", revision, import_id, recorded_at) SELECT "
                            + stagedKeys + ", " + stagedValues + ", 1, ?, CAST(? AS timestamptz) FROM " + STAGING + " s",
                    importId, recordedAt.toString());
        } else {
            applyRevisions(dataset, importId, recordedAt, keys, values, stagedKeys, stagedValues);
        }
        if (dataset.feedsIndicators()) {
            // the indicator views read the stored sums per scope and month: recompute the months of this file
            dsl.execute("SELECT ukp_refresh_scope_month_sums(min(month), max(month)) FROM " + STAGING);
        }
    }

    private void applyRevisions(Dataset dataset, long importId, OffsetDateTime recordedAt, String keys, String values,
                                String stagedKeys, String stagedValues) {
        dsl.execute("INSERT INTO " + dataset.revisionTable() + " (" + keys + ", revision, " + values
                        + ", import_id, recorded_at) SELECT " + stagedKeys + ", coalesce(c.revision, 0) + 1, " + stagedValues
                        + ", ?, CAST(? AS timestamptz) FROM " + STAGING + " s LEFT JOIN " + dataset.table() + " c ON " + joinOnKey(dataset)
                        + " WHERE c.revision IS NULL OR " + distinct(dataset, "s", "c"),
                importId, recordedAt.toString());
        String updates = dataset.valueColumns().stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        dsl.execute("INSERT INTO " + dataset.table() + " AS c (" + keys + ", " + values
                        + ", revision, import_id, recorded_at) SELECT " + stagedKeys + ", " + stagedValues + ", 1, ?, CAST(? AS timestamptz) FROM "
                        + STAGING + " s ON CONFLICT (" + keys + ") DO UPDATE SET " + updates
                        + ", revision = c.revision + 1, import_id = EXCLUDED.import_id, recorded_at = EXCLUDED.recorded_at"
                        + " WHERE " + distinct(dataset, "c", "EXCLUDED"),
                importId, recordedAt.toString());
    }

    private static String joinOnKey(Dataset dataset) {
        return dataset.keyColumns().stream().map(k -> "c." + k + " = s." + k).collect(Collectors.joining(" AND "));
    }

    private static String distinct(Dataset dataset, String left, String right) {
        return "(" + prefixed(left, dataset.valueColumns()) + ") IS DISTINCT FROM (" + prefixed(right, dataset.valueColumns()) + ")";
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** Rows new, changed and identical compared with the stored ones. */
    record Counts(int inserted, int updated, int unchanged) {
    }

    /** An open COPY into the staging table, fed one validated row at a time, in large chunks. */
    static final class Staging implements AutoCloseable {

        private static final int FLUSH_AT = 256 * 1024;

        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
        private boolean ended;

        private Staging(CopyIn copy) {
            this.copy = copy;
        }

        /** Adds a row. Values are validated already: numbers, dates, timestamps, plain ids. */
        void add(int line, Object[] values) {
            buffer.append(line);
            for (Object value : values) {
                buffer.append('\t').append(value == null ? "\\N" : value.toString());
            }
            buffer.append('\n');
            if (buffer.length() >= FLUSH_AT) {
                flush();
            }
        }

        /** Sends what is left and ends the COPY; returns the rows staged. */
        long finish() {
            flush();
            ended = true;
            try {
                return copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into staging failed", e);
            }
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into staging failed", e);
            }
        }

        /** Ends the COPY normally even when reading broke off, so the transaction stays usable. */
        @Override
        public void close() {
            if (!ended) {
                finish();
            }
        }
    }
}
