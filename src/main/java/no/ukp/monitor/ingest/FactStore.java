package no.ukp.monitor.ingest;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.RowN;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Repository;

/**
 * Stores the rows of one import set-based, inside the caller's transaction: the valid rows are
 * streamed with {@code COPY} into a temporary staging table, then compared with the fact table
 * and applied in three statements. No row-by-row round trips, whatever the file's size. The
 * statements are jOOQ's, on the dataset's table and column names; only the {@code COPY}, which
 * jOOQ does not model, is written out.
 */
@Repository
class FactStore {

    static final String STAGING = "ukp_staging";

    /** The staging table, {@code s} where it is joined. */
    private static final Table<?> STAGED = table(name(STAGING));
    private static final Field<Integer> LINE = field(name("line"), Integer.class);
    private static final Field<Integer> FIRST_LINE = field(name("first_line"), Integer.class);
    private static final Field<Integer> REVISION = field(name("revision"), Integer.class);
    private static final Field<Long> IMPORT_ID = field(name("import_id"), Long.class);
    private static final Field<OffsetDateTime> RECORDED_AT = field(name("recorded_at"), OffsetDateTime.class);

    private final DSLContext dsl;

    FactStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Creates the staging table (dropped at commit) and opens a COPY into it. */
    Staging openStaging(Dataset dataset) {
        List<SelectField<?>> columns = new ArrayList<>();
        columns.add(inline(0).as(LINE.getName()));
        columns.addAll(columns(null, dataset.databaseColumns()));
        dsl.dropTableIfExists(STAGED).execute();
        dsl.createTemporaryTable(STAGED)
                .as(DSL.select(columns).from(table(name(dataset.table()))))
                .withNoData()
                .onCommitDrop()
                .execute();
        String copyStatement = "COPY " + STAGING + " (line, " + String.join(", ", dataset.databaseColumns()) + ") FROM STDIN";
        CopyIn copy = dsl.connectionResult(connection -> connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(copyStatement));
        return new Staging(copy);
    }

    /** Lines whose key an earlier line of the same file already has: line → first line. */
    List<Record3<Integer, Integer, String>> duplicates(Dataset dataset, int limit) {
        List<Field<?>> key = columns(null, dataset.keyColumns());
        Table<?> lines = DSL.select(LINE).select(key)
                .select(DSL.min(LINE).over(DSL.partitionBy(key)).as(FIRST_LINE))
                .from(STAGED)
                .asTable("d");
        // the key is written out only for the duplicates, not for every staged row
        Field<String> keyText = null;
        for (Field<?> column : key) {
            Field<String> text = column.cast(SQLDataType.CLOB);
            keyText = keyText == null ? text : keyText.concat(inline(" / "), text);
        }
        return dsl.select(LINE, FIRST_LINE, keyText.as("key_text"))
                .from(lines)
                .where(LINE.ne(FIRST_LINE))
                .orderBy(LINE)
                .limit(limit)
                .fetch();
    }

    /**
     * Gives the staged rows the stored values of {@code columns} (value columns the file does not
     * have), so that they compare as unchanged and a revision carries them over; a new key keeps
     * null (not known). Returns the rows that got a stored value, whose rules must be checked
     * again (a stored count may now exceed a changed one). Nothing to do for a file with every column.
     */
    List<Kept> keepStored(Dataset dataset, List<String> columns) {
        if (columns.isEmpty()) {
            return List.of();
        }
        Map<Field<?>, Field<?>> stored = new LinkedHashMap<>();
        columns.forEach(column -> stored.put(field(name(column)), field(name("c", column))));
        dsl.update(STAGED.as("s"))
                .set(stored)
                .from(table(name(dataset.table())).as("c"))
                .where(joinOnKey(dataset))
                .execute();
        List<Field<?>> values = columns(null, dataset.databaseColumns());
        return dsl.select(LINE).select(values)
                .from(STAGED)
                .where(DSL.or(columns(null, columns).stream().map(Field::isNotNull).toList()))
                .orderBy(LINE)
                .fetch(row -> {
                    Object[] all = row.intoArray();
                    return new Kept((Integer) all[0], Arrays.copyOfRange(all, 1, all.length));
                });
    }

    /** A staged row with a value kept from what is stored: its line and its values in column order. */
    record Kept(int line, Object[] values) {
    }

    /**
     * How the staged rows compare with what is stored: new, changed, identical. The caller holds
     * the import lock ({@link ImportLock}): no other import changes facts until the end of the
     * transaction, so what this comparison saw is what {@link #apply} changes.
     */
    Counts compare(Dataset dataset) {
        Field<Integer> storedRevision = field(name("c", REVISION.getName()), Integer.class);
        Condition changed = changed(dataset);
        var row = dsl.select(
                        DSL.count().filterWhere(storedRevision.isNull()),
                        DSL.count().filterWhere(storedRevision.isNotNull().and(changed)),
                        DSL.count().filterWhere(storedRevision.isNotNull().andNot(changed)))
                .from(STAGED.as("s"))
                .leftJoin(table(name(dataset.table())).as("c")).on(joinOnKey(dataset))
                .fetchSingle();
        return new Counts(row.value1(), row.value2(), row.value3());
    }

    /**
     * Records every new or changed row as the next revision, then brings the fact table up to
     * date, and with it the stored sums the indicators are computed from. Identical rows are
     * left alone. {@code counts} is what {@link #compare} found in this transaction.
     */
    void apply(Dataset dataset, long importId, OffsetDateTime recordedAt, Counts counts) {
        List<Field<?>> keys = columns(null, dataset.keyColumns());
        List<Field<?>> values = columns(null, dataset.valueColumns());
        List<Field<?>> stagedKeys = columns("s", dataset.keyColumns());
        List<Field<?>> stagedValues = columns("s", dataset.valueColumns());
        Table<?> revisions = table(name(dataset.revisionTable()));
        Table<?> facts = table(name(dataset.table()));
        List<Field<?>> revisionColumns = concat(keys, List.of(REVISION), values, List.of(IMPORT_ID, RECORDED_AT));
        List<Field<?>> factColumns = concat(keys, values, List.of(REVISION, IMPORT_ID, RECORDED_AT));
        Field<Long> importIdValue = val(importId);
        Field<OffsetDateTime> recordedAtValue = val(recordedAt);
        List<Field<?>> newFacts = concat(stagedKeys, stagedValues, List.of(inline(1), importIdValue, recordedAtValue));
        if (counts.updated() == 0 && counts.unchanged() == 0) {
            // every row is new (the usual monthly delivery): revision 1 of each, no comparing
            dsl.insertInto(revisions).columns(revisionColumns)
                    .select(DSL.select(concat(stagedKeys, List.of(inline(1)), stagedValues,
                            List.of(importIdValue, recordedAtValue))).from(STAGED.as("s")))
                    .execute();
            dsl.insertInto(facts).columns(factColumns)
                    .select(DSL.select(newFacts).from(STAGED.as("s")))
                    .execute();
        } else {
            Field<Integer> storedRevision = field(name("c", REVISION.getName()), Integer.class);
            dsl.insertInto(revisions).columns(revisionColumns)
                    .select(DSL.select(concat(stagedKeys, List.of(DSL.coalesce(storedRevision, inline(0)).plus(inline(1))),
                                    stagedValues, List.of(importIdValue, recordedAtValue)))
                            .from(STAGED.as("s"))
                            .leftJoin(facts.as("c")).on(joinOnKey(dataset))
                            .where(storedRevision.isNull().or(changed(dataset))))
                    .execute();
            Map<Field<?>, Field<?>> updates = new LinkedHashMap<>();
            values.forEach(value -> updates.put(value, excluded(value)));
            updates.put(REVISION, storedRevision.plus(inline(1)));
            updates.put(IMPORT_ID, excluded(IMPORT_ID));
            updates.put(RECORDED_AT, excluded(RECORDED_AT));
            dsl.insertInto(facts.as("c")).columns(factColumns)
                    .select(DSL.select(newFacts).from(STAGED.as("s")))
                    .onConflict(keys)
                    .doUpdate()
                    .set(updates)
                    .where(valuesOf(dataset, "c").isDistinctFrom(row(values.stream().<Field<?>>map(DSL::excluded).toList())))
                    .execute();
        }
        if (dataset.feedsIndicators()) {
            // the indicator views read the stored sums per scope and month: recompute the months of this file
            Field<?> month = field(name("month"));
            dsl.select(DSL.function(name("ukp_refresh_scope_month_sums"), SQLDataType.OTHER, DSL.min(month), DSL.max(month)))
                    .from(STAGED)
                    .execute();
        }
    }

    /** The staged row's key equals the stored row's ({@code s} and {@code c}). */
    private static Condition joinOnKey(Dataset dataset) {
        return DSL.and(dataset.keyColumns().stream()
                .map(key -> field(name("c", key)).eq(field(name("s", key))))
                .toList());
    }

    /** The staged row's values differ from the stored row's ({@code s} and {@code c}), nulls compared as values. */
    private static Condition changed(Dataset dataset) {
        return valuesOf(dataset, "s").isDistinctFrom(valuesOf(dataset, "c"));
    }

    private static RowN valuesOf(Dataset dataset, String alias) {
        return row(columns(alias, dataset.valueColumns()));
    }

    /** The columns by name, qualified by {@code alias} unless it is null. */
    private static List<Field<?>> columns(String alias, List<String> names) {
        return names.stream().<Field<?>>map(column -> field(alias == null ? name(column) : name(alias, column))).toList();
    }

    @SafeVarargs
    private static List<Field<?>> concat(List<? extends Field<?>>... parts) {
        List<Field<?>> all = new ArrayList<>();
        for (List<? extends Field<?>> part : parts) {
            all.addAll(part);
        }
        return all;
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
