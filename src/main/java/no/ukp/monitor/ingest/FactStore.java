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
 * jOOQ does not model, is written out. Undoing an import ({@link #prepareUndo}, {@link #undo})
 * is set-based the same way.
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
    private static final Field<Boolean> DELETED = field(name("deleted"), Boolean.class);
    /** What an undo restores, per key (see {@link #prepareUndo}). */
    private static final String UNDO = "ukp_undo";
    private static final Field<Long> RESTORED_IMPORT_ID = field(name("restored_import_id"), Long.class);
    private static final Field<Integer> LATEST_REVISION = field(name("latest_revision"), Integer.class);

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
     * The periods of the staged rows that are new or differ from the stored ones: the distinct
     * values of the dataset's first key column (a month, a year or an instant), as {@link #compare}
     * sees them in this transaction.
     */
    List<Object> changedPeriods(Dataset dataset) {
        Field<Object> period = field(name("s", dataset.keyColumns().get(0)));
        Field<Integer> storedRevision = field(name("c", REVISION.getName()), Integer.class);
        return dsl.selectDistinct(period)
                .from(STAGED.as("s"))
                .leftJoin(table(name(dataset.table())).as("c")).on(joinOnKey(dataset))
                .where(storedRevision.isNull().or(changed(dataset)))
                .fetch(period);
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
        Field<Integer> firstRevision = firstRevision(dataset, revisions);
        List<Field<?>> newFacts = concat(stagedKeys, stagedValues, List.of(firstRevision, importIdValue, recordedAtValue));
        if (counts.updated() == 0 && counts.unchanged() == 0) {
            // every row is new (the usual monthly delivery): revision 1 of each, no comparing
            dsl.insertInto(revisions).columns(revisionColumns)
                    .select(DSL.select(concat(stagedKeys, List.of(firstRevision), stagedValues,
                            List.of(importIdValue, recordedAtValue))).from(STAGED.as("s")))
                    .execute();
            dsl.insertInto(facts).columns(factColumns)
                    .select(DSL.select(newFacts).from(STAGED.as("s")))
                    .execute();
        } else {
            Field<Integer> storedRevision = field(name("c", REVISION.getName()), Integer.class);
            dsl.insertInto(revisions).columns(revisionColumns)
                    .select(DSL.select(concat(stagedKeys, List.of(DSL.coalesce(storedRevision.plus(inline(1)), firstRevision)),
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

    /**
     * The revision of a staged row ({@code s}) whose key has no row in the fact table: 1, or where
     * an undo deleted the key, the revision after its deletion revision (the key's latest). The
     * deletion revisions are asked for only when there are any (a partial index of V18 holds just
     * them), so that the usual import numbers its rows as before.
     */
    private Field<Integer> firstRevision(Dataset dataset, Table<?> revisions) {
        Field<Boolean> deleted = field(name("d", DELETED.getName()), Boolean.class);
        if (!dsl.fetchExists(DSL.selectOne().from(revisions.as("d")).where(deleted.isTrue()))) {
            return inline(1);
        }
        return DSL.coalesce(DSL.field(DSL.select(DSL.max(field(name("d", REVISION.getName()), Integer.class)))
                        .from(revisions.as("d"))
                        .where(joinOnKey(dataset, "d", "s"))
                        .and(deleted.isTrue())), inline(0))
                .plus(inline(1));
    }

    /**
     * Collects what undoing import {@code importId} of {@code dataset} would restore, in the
     * temporary table {@code ukp_undo} (dropped at commit): per key the import changed, its
     * revision, the key's latest revision, and the state before the import: the revision before
     * (its values and import), or deleted where there was none (the import inserted the key) or
     * it was a deletion itself. One scan of the revision table: it has no index on import_id,
     * which would cost every import.
     */
    void prepareUndo(Dataset dataset, long importId) {
        List<Field<?>> keys = columns("x", dataset.keyColumns());
        List<Field<?>> earlierValues = columns("p", dataset.valueColumns());
        Field<Integer> earlierRevision = field(name("p", REVISION.getName()), Integer.class);
        Table<?> revisions = table(name(dataset.revisionTable()));
        dsl.dropTableIfExists(UNDO).execute();
        dsl.createTemporaryTable(UNDO)
                .as(DSL.select(keys)
                        .select(field(name("x", REVISION.getName())).as(REVISION.getName()))
                        .select(DSL.field(DSL.select(DSL.max(field(name("l", REVISION.getName()), Integer.class)))
                                .from(revisions.as("l")).where(joinOnKey(dataset, "l", "x"))).as(LATEST_REVISION.getName()))
                        .select(earlierValues)
                        .select(field(name("p", IMPORT_ID.getName())).as(RESTORED_IMPORT_ID.getName()))
                        .select(DSL.when(earlierRevision.isNull().or(field(name("p", DELETED.getName()), Boolean.class)),
                                inline(true)).otherwise(inline(false)).as(DELETED.getName()))
                        .from(revisions.as("x"))
                        .leftJoin(revisions.as("p"))
                        .on(joinOnKey(dataset, "p", "x").and(earlierRevision.eq(field(name("x", REVISION.getName()), Integer.class)
                                .minus(inline(1)))))
                        .where(field(name("x", IMPORT_ID.getName()), Long.class).eq(importId)))
                .withData()
                .onCommitDrop()
                .execute();
    }

    /**
     * The keys of {@link #prepareUndo} that a later import changed again, at most {@code limit},
     * as column → value ({@code month} as YYYY-MM). A later import that was undone, and the undo
     * itself, do not count: undoing imports newest first works.
     */
    List<Map<String, String>> undoConflicts(Dataset dataset, int limit) {
        Table<?> revisions = table(name(dataset.revisionTable()));
        List<Field<?>> keyTexts = dataset.keyColumns().stream()
                .<Field<?>>map(key -> (key.equals("month") ? DSL.toChar(field(name("u", key)), inline("YYYY-MM"))
                        : field(name("u", key)).cast(SQLDataType.CLOB)).as(key))
                .toList();
        return dsl.select(keyTexts)
                .from(table(name(UNDO)).as("u"))
                .whereExists(DSL.selectOne().from(revisions.as("l"))
                        .join(table(name("import")).as("i")).on(field(name("i", "id"), Long.class)
                                .eq(field(name("l", IMPORT_ID.getName()), Long.class)))
                        .where(joinOnKey(dataset, "l", "u"))
                        .and(field(name("l", REVISION.getName()), Integer.class)
                                .gt(field(name("u", REVISION.getName()), Integer.class)))
                        .and(field(name("i", "undoes_import_id")).isNull())
                        .andNotExists(DSL.selectOne().from(table(name("import")).as("d"))
                                .where(field(name("d", "undoes_import_id"), Long.class)
                                        .eq(field(name("i", "id"), Long.class)))))
                .orderBy(columns("u", dataset.keyColumns()).stream().map(Field::asc).toList())
                .limit(limit)
                .fetch(r -> {
                    Map<String, String> key = new LinkedHashMap<>();
                    dataset.keyColumns().forEach(column -> key.put(column, r.get(column, String.class)));
                    return key;
                });
    }

    /**
     * What {@link #prepareUndo} found: keys restored to earlier values, keys to be deleted, and
     * whether an earlier value came from synthetic demo data.
     */
    UndoCounts undoCounts() {
        Field<Boolean> deleted = field(name("u", DELETED.getName()), Boolean.class);
        var row = dsl.select(DSL.count().filterWhere(deleted.isFalse()), DSL.count().filterWhere(deleted.isTrue()))
                .from(table(name(UNDO)).as("u"))
                .fetchSingle();
        boolean synthetic = dsl.fetchExists(DSL.selectOne().from(table(name(UNDO)).as("u"))
                .join(table(name("import")).as("i")).on(field(name("i", "id"), Long.class)
                        .eq(field(name("u", RESTORED_IMPORT_ID.getName()), Long.class)))
                .where(field(name("i", "synthetic"), Boolean.class).isTrue()));
        return new UndoCounts(row.value1(), row.value2(), synthetic);
    }

    /**
     * Undoes as {@link #prepareUndo} found, as the audit entry {@code undoId}: every key gets a new
     * revision with its earlier values, or a deletion revision; the fact table follows (earlier
     * values back, deleted keys removed), and with it the stored sums of the indicators.
     */
    void undo(Dataset dataset, long undoId, OffsetDateTime recordedAt) {
        List<Field<?>> keys = columns(null, dataset.keyColumns());
        List<Field<?>> values = columns(null, dataset.valueColumns());
        Table<?> undo = table(name(UNDO)).as("u");
        // the key's latest revision may be a later one than the undone import's: a later import undone already
        Field<Integer> nextRevision = field(name("u", LATEST_REVISION.getName()), Integer.class).plus(inline(1));
        Field<Boolean> deleted = field(name("u", DELETED.getName()), Boolean.class);
        dsl.insertInto(table(name(dataset.revisionTable())))
                .columns(concat(keys, List.of(REVISION), values, List.of(DELETED, IMPORT_ID, RECORDED_AT)))
                .select(DSL.select(concat(columns("u", dataset.keyColumns()), List.of(nextRevision),
                                columns("u", dataset.valueColumns()), List.of(deleted, val(undoId), val(recordedAt))))
                        .from(undo))
                .execute();
        Table<?> facts = table(name(dataset.table())).as("c");
        dsl.deleteFrom(facts).using(undo).where(joinOnKey(dataset, "c", "u")).and(deleted.isTrue()).execute();
        Map<Field<?>, Field<?>> restored = new LinkedHashMap<>();
        for (String value : dataset.valueColumns()) {
            restored.put(field(name(value)), field(name("u", value)));
        }
        restored.put(REVISION, nextRevision);
        restored.put(IMPORT_ID, val(undoId));
        restored.put(RECORDED_AT, val(recordedAt));
        dsl.update(facts).set(restored).from(undo).where(joinOnKey(dataset, "c", "u")).and(deleted.isFalse()).execute();
        if (dataset.feedsIndicators()) {
            Field<?> month = field(name("month"));
            dsl.select(DSL.function(name("ukp_refresh_scope_month_sums"), SQLDataType.OTHER, DSL.min(month), DSL.max(month)))
                    .from(table(name(UNDO)))
                    .execute();
        }
    }

    /** The staged row's key equals the stored row's ({@code s} and {@code c}). */
    private static Condition joinOnKey(Dataset dataset) {
        return joinOnKey(dataset, "c", "s");
    }

    /** The key of the row {@code a} equals that of the row {@code b}. */
    private static Condition joinOnKey(Dataset dataset, String a, String b) {
        return DSL.and(dataset.keyColumns().stream()
                .map(key -> field(name(a, key)).eq(field(name(b, key))))
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

    /** Keys an undo restores to earlier values and keys it deletes; whether an earlier value came from synthetic data. */
    record UndoCounts(int restored, int deleted, boolean synthetic) {
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
