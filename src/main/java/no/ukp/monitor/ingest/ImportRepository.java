package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.IMPORT;
import static no.ukp.monitor.db.Tables.IMPORT_MESSAGE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ukp.monitor.db.tables.records.ImportMessageRecord;
import no.ukp.monitor.system.Problems;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The import audit: who imported which file when, and what came of it. */
@Repository
class ImportRepository {

    static final int DATASET_SIZE = 40;
    static final int FILE_NAME_SIZE = 255;
    static final int MEDIA_TYPE_SIZE = 120;
    /** The outcome of an undo's own entry. */
    static final String UNDO = "undo";

    /** The audit entry of the undo of an import, if it was undone (index import_undoes_import_id). */
    private static final Field<Long> UNDONE_BY = DSL.select(IMPORT.as("u").ID).from(IMPORT.as("u"))
            .where(IMPORT.as("u").UNDOES_IMPORT_ID.eq(IMPORT.ID)).asField("undone_by_import_id");

    private final DSLContext dsl;

    ImportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records that an import started; returns its id (the facts it stores refer to it). */
    long start(String dataset, Upload upload, boolean dryRun, String user, boolean synthetic, OffsetDateTime startedAt) {
        return dsl.insertInto(IMPORT)
                .set(IMPORT.DATASET, dataset)
                .set(IMPORT.FILE_NAME, Problems.cut(upload.fileName(), FILE_NAME_SIZE))
                .set(IMPORT.MEDIA_TYPE, Problems.cut(upload.mediaType(), MEDIA_TYPE_SIZE))
                .set(IMPORT.SIZE_BYTES, upload.size())
                .set(IMPORT.SHA256, upload.sha256())
                .set(IMPORT.IMPORTED_BY, user)
                .set(IMPORT.STARTED_AT, startedAt)
                .set(IMPORT.DRY_RUN, dryRun)
                .set(IMPORT.OUTCOME, "running")
                .set(IMPORT.SYNTHETIC, synthetic)
                .returning(IMPORT.ID)
                .fetchSingle(IMPORT.ID);
    }

    /** Records the outcome with the first errors and warnings. */
    void finish(long id, ImportResult result, OffsetDateTime finishedAt) {
        dsl.update(IMPORT)
                .set(IMPORT.FINISHED_AT, finishedAt)
                .set(IMPORT.OUTCOME, result.outcome())
                .set(IMPORT.ROWS_READ, result.rows())
                .set(IMPORT.INSERTED, result.inserted())
                .set(IMPORT.UPDATED, result.updated())
                .set(IMPORT.UNCHANGED, result.unchanged())
                .set(IMPORT.WARNING_COUNT, result.warningCount())
                .set(IMPORT.ERROR_COUNT, result.errors().size())
                .where(IMPORT.ID.eq(id))
                .execute();
        List<ImportMessageRecord> messages = new ArrayList<>();
        dsl.deleteFrom(IMPORT_MESSAGE).where(IMPORT_MESSAGE.IMPORT_ID.eq(id)).execute(); // e.g. "interrupted" too early
        for (ImportProblem error : result.errors()) {
            messages.add(message(id, messages.size() + 1, "error", error));
        }
        for (ImportProblem warning : result.warnings()) {
            messages.add(message(id, messages.size() + 1, "warning", warning));
        }
        dsl.batchInsert(messages).execute();
    }

    /**
     * Records a file refused before it could be read (too large, unknown type or dataset, a broken
     * upload). Names and types as sent, cut to their columns' sizes.
     */
    long refused(String dataset, String fileName, String mediaType, long size, String user, boolean dryRun,
                 String message, OffsetDateTime at) {
        long id = dsl.insertInto(IMPORT)
                .set(IMPORT.DATASET, Problems.cut(dataset, DATASET_SIZE))
                .set(IMPORT.FILE_NAME, Problems.cut(fileName, FILE_NAME_SIZE))
                .set(IMPORT.MEDIA_TYPE, Problems.cut(mediaType, MEDIA_TYPE_SIZE))
                .set(IMPORT.SIZE_BYTES, size)
                .set(IMPORT.SHA256, "")
                .set(IMPORT.IMPORTED_BY, user)
                .set(IMPORT.STARTED_AT, at)
                .set(IMPORT.FINISHED_AT, at)
                .set(IMPORT.DRY_RUN, dryRun)
                .set(IMPORT.OUTCOME, "refused")
                .set(IMPORT.ERROR_COUNT, 1)
                .returning(IMPORT.ID)
                .fetchSingle(IMPORT.ID);
        dsl.executeInsert(message(id, 1, "error", new ImportProblem(0, "", "", message)));
        return id;
    }

    /**
     * Records the undo of {@code undone} by {@code user}: an entry of its own (outcome {@code undo}),
     * finished at once, in the transaction that undoes; returns its id (the revisions it writes refer to it).
     */
    long undo(ImportEntry undone, String user, FactStore.UndoCounts counts, OffsetDateTime at) {
        return dsl.insertInto(IMPORT)
                .set(IMPORT.DATASET, undone.dataset())
                // no file: what the report's list of imports and the audit show in its place
                .set(IMPORT.FILE_NAME, Problems.cut("angring av import " + undone.id()
                        + (undone.fileName() == null ? "" : " (" + undone.fileName() + ")"), FILE_NAME_SIZE))
                .set(IMPORT.SIZE_BYTES, 0L)
                .set(IMPORT.SHA256, "")
                .set(IMPORT.IMPORTED_BY, user)
                .set(IMPORT.STARTED_AT, at)
                .set(IMPORT.FINISHED_AT, at)
                .set(IMPORT.DRY_RUN, false)
                .set(IMPORT.OUTCOME, UNDO)
                .set(IMPORT.ROWS_READ, counts.restored() + counts.deleted())
                .set(IMPORT.INSERTED, 0)
                .set(IMPORT.UPDATED, counts.restored())
                .set(IMPORT.UNCHANGED, 0)
                .set(IMPORT.DELETED, counts.deleted())
                .set(IMPORT.WARNING_COUNT, 0)
                .set(IMPORT.ERROR_COUNT, 0)
                .set(IMPORT.SYNTHETIC, counts.synthetic())
                .set(IMPORT.UNDOES_IMPORT_ID, undone.id())
                .returning(IMPORT.ID)
                .fetchSingle(IMPORT.ID);
    }

    void fail(long id, OffsetDateTime finishedAt) {
        dsl.update(IMPORT).set(IMPORT.FINISHED_AT, finishedAt).set(IMPORT.OUTCOME, "failed").where(IMPORT.ID.eq(id)).execute();
    }

    /** Records that an import ended without reading the file ({@code busy}), with why. */
    void end(long id, String outcome, String message, OffsetDateTime finishedAt) {
        dsl.update(IMPORT)
                .set(IMPORT.FINISHED_AT, finishedAt)
                .set(IMPORT.OUTCOME, outcome)
                .set(IMPORT.ERROR_COUNT, 1)
                .where(IMPORT.ID.eq(id))
                .execute();
        dsl.deleteFrom(IMPORT_MESSAGE).where(IMPORT_MESSAGE.IMPORT_ID.eq(id)).execute(); // e.g. "interrupted" too early
        dsl.executeInsert(message(id, 1, "error", new ImportProblem(0, "", "", message)));
    }

    /**
     * Closes the imports still {@code running} that started before {@code startedBefore} as
     * {@code interrupted}: the service stopped while they ran. Returns how many.
     */
    int interrupt(OffsetDateTime startedBefore, OffsetDateTime at) {
        List<Long> ids = dsl.update(IMPORT)
                .set(IMPORT.FINISHED_AT, at)
                .set(IMPORT.OUTCOME, "interrupted")
                .set(IMPORT.ERROR_COUNT, 1)
                .where(IMPORT.OUTCOME.eq("running"))
                .and(IMPORT.STARTED_AT.lt(startedBefore))
                .returning(IMPORT.ID)
                .fetch(IMPORT.ID);
        List<ImportMessageRecord> messages = new ArrayList<>();
        for (long id : ids) {
            // a running import has no messages yet: they are written after its outcome
            messages.add(message(id, 1, "error", new ImportProblem(0, "", "",
                    "Importen ble avbrutt fordi tjenesten stoppet underveis; ingenting er lagret. Send filen på nytt.")));
        }
        dsl.batchInsert(messages).execute();
        return ids.size();
    }

    List<ImportEntry> latest(int limit) {
        return dsl.select(IMPORT.fields()).select(UNDONE_BY).from(IMPORT).orderBy(IMPORT.ID.desc()).limit(limit)
                .fetch(r -> toEntry(r, Map.of()));
    }

    Optional<ImportEntry> find(long id) {
        Map<String, List<ImportProblem>> messages = dsl.selectFrom(IMPORT_MESSAGE)
                .where(IMPORT_MESSAGE.IMPORT_ID.eq(id))
                .orderBy(IMPORT_MESSAGE.SEQ)
                .fetchGroups(IMPORT_MESSAGE.SEVERITY, ImportRepository::problem);
        return dsl.select(IMPORT.fields()).select(UNDONE_BY).from(IMPORT).where(IMPORT.ID.eq(id))
                .fetchOptional(r -> toEntry(r, messages));
    }

    /**
     * A page of the audit, newest first, each entry with its first {@code messages} messages
     * (errors before warnings, as they were written); for the history page.
     */
    List<ImportEntry> page(int offset, int limit, int messages) {
        List<ImportEntry> entries = new ArrayList<>();
        Map<Long, Map<String, List<ImportProblem>>> byImport = new HashMap<>();
        Result<Record> imports = dsl.select(IMPORT.fields()).select(UNDONE_BY).from(IMPORT).orderBy(IMPORT.ID.desc())
                .offset(offset).limit(limit).fetch();
        dsl.selectFrom(IMPORT_MESSAGE)
                .where(IMPORT_MESSAGE.IMPORT_ID.in(imports.getValues(IMPORT.ID)), IMPORT_MESSAGE.SEQ.le(messages))
                .orderBy(IMPORT_MESSAGE.IMPORT_ID, IMPORT_MESSAGE.SEQ)
                .forEach(m -> byImport.computeIfAbsent(m.getImportId(), id -> new HashMap<>())
                        .computeIfAbsent(m.getSeverity(), severity -> new ArrayList<>()).add(problem(m)));
        for (Record r : imports) {
            entries.add(toEntry(r, byImport.getOrDefault(r.get(IMPORT.ID), Map.of())));
        }
        return entries;
    }

    /** How many attempts the audit holds. */
    int count() {
        return dsl.fetchCount(IMPORT);
    }

    /** When the last import of each dataset was stored, for the freshness metric. */
    Map<String, OffsetDateTime> lastStored() {
        return dsl.select(IMPORT.DATASET, DSL.max(IMPORT.FINISHED_AT))
                .from(IMPORT)
                .where(IMPORT.OUTCOME.eq("stored"))
                .groupBy(IMPORT.DATASET)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private static ImportMessageRecord message(long id, int seq, String severity, ImportProblem problem) {
        ImportMessageRecord record = new ImportMessageRecord();
        record.setImportId(id);
        record.setSeq(seq);
        record.setSeverity(severity);
        record.setLine(problem.line());
        record.setColumnName(problem.column());
        record.setValue(problem.value());
        record.setMessage(problem.message());
        return record;
    }

    private static ImportProblem problem(ImportMessageRecord m) {
        return new ImportProblem(m.getLine() == null ? 0 : m.getLine(), m.getColumnName(), m.getValue(), m.getMessage());
    }

    private static ImportEntry toEntry(Record r, Map<String, List<ImportProblem>> messages) {
        return new ImportEntry(r.get(IMPORT.ID), r.get(IMPORT.DATASET), r.get(IMPORT.FILE_NAME), r.get(IMPORT.MEDIA_TYPE),
                r.get(IMPORT.SIZE_BYTES), r.get(IMPORT.SHA256), r.get(IMPORT.IMPORTED_BY), r.get(IMPORT.STARTED_AT),
                r.get(IMPORT.FINISHED_AT), r.get(IMPORT.DRY_RUN), r.get(IMPORT.OUTCOME), r.get(IMPORT.ROWS_READ),
                r.get(IMPORT.INSERTED), r.get(IMPORT.UPDATED), r.get(IMPORT.UNCHANGED), r.get(IMPORT.DELETED),
                r.get(IMPORT.WARNING_COUNT), r.get(IMPORT.ERROR_COUNT), r.get(IMPORT.SYNTHETIC),
                r.get(IMPORT.UNDOES_IMPORT_ID), r.get(UNDONE_BY),
                messages.getOrDefault("error", List.of()), messages.getOrDefault("warning", List.of()));
    }
}
