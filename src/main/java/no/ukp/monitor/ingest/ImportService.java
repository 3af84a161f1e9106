package no.ukp.monitor.ingest;

import static no.ukp.monitor.system.Problems.cut;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.ingest.ImportRefused.Reason;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.system.NorwegianTime;
import no.ukp.monitor.system.NotFound;
import org.jooq.Record3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;

/**
 * Imports one file all or nothing: reads it row by row, validates every cell and every rule,
 * stages the valid rows, and stores them as new values or revisions in one transaction, only
 * when the whole file is valid and it is not a dry run. Every attempt is recorded in the audit,
 * here and nowhere else: also an upload refused before its file is read ({@link #refuse}).
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final FactStore facts;
    private final ApprovedMonths approved;
    private final ImportRepository audit;
    private final ReferenceRepository reference;
    private final ImportLock lock;
    private final ImportMetrics metrics;
    private final ImportProperties properties;
    private final ImportSpool spool;
    private final Clock clock;
    private final StatusImpact statuses;
    private final ApplicationEventPublisher events;
    private final Plausibility plausibility;
    private final PlanImport planImport;

    ImportService(FactStore facts, ImportRepository audit, ReferenceRepository reference, ImportLock lock,
                  ImportMetrics metrics, ImportProperties properties, ImportSpool spool, Clock clock,
                  StatusImpact statuses, ApplicationEventPublisher events, Plausibility plausibility, PlanImport planImport,
                  ApprovedMonths approved) {
        this.facts = facts;
        this.approved = approved;
        this.planImport = planImport;
        this.plausibility = plausibility;
        this.audit = audit;
        this.reference = reference;
        this.lock = lock;
        this.metrics = metrics;
        this.properties = properties;
        this.spool = spool;
        this.clock = clock;
        this.statuses = statuses;
        this.events = events;
    }

    /**
     * Imports a file as it arrives at the API, for the dataset named {@code slug}, as {@code user}.
     * Refused before reading, each with its one row in the audit: an unknown dataset
     * ({@link NotFound}), a body over the limit, a type neither CSV nor XLSX ({@link ImportRefused}),
     * an upload that breaks off (the {@link IOException} itself).
     */
    ImportResult importUpload(String slug, InputStream body, String fileName, String mediaType, long declaredSize,
                              boolean dryRun, String user) throws IOException {
        try (Received received = receive(slug, body, fileName, mediaType, declaredSize, dryRun, user)) {
            return importReceived(received, dryRun, user);
        }
    }

    /**
     * Receives an upload for the dataset named {@code slug}: spools it and tells its format, or
     * refuses it as {@link #importUpload} does. The caller imports it ({@link #importReceived}),
     * as often as it needs (the import page checks a file, then stores the same file), and closes it.
     */
    Received receive(String slug, InputStream body, String fileName, String mediaType, long declaredSize,
                     boolean dryRun, String user) throws IOException {
        ImportKind kind;
        try {
            kind = ImportKind.named(slug);
        } catch (NotFound unknown) {
            record(slug, fileName, mediaType, declaredSize, dryRun, user, unknown.getMessage());
            throw unknown;
        }
        long max = properties.maxSize().toBytes();
        if (declaredSize > max) {
            throw refuse(Reason.TOO_LARGE, slug, fileName, mediaType, declaredSize, dryRun, user);
        }
        Upload upload;
        try {
            upload = Upload.spool(spool.newFile(), body, fileName, mediaType, max);
        } catch (Upload.TooLarge e) {
            throw refuse(Reason.TOO_LARGE, slug, fileName, mediaType, max, dryRun, user);
        } catch (IOException e) {
            // the client broke off the upload, or the spool folder is full: recorded, then as it was
            record(slug, fileName, mediaType, declaredSize, dryRun, user,
                    "Filen kunne ikke tas imot (" + e.getClass().getSimpleName() + "); ingenting er lagret");
            throw e;
        }
        try {
            FileFormat format = FileFormat.detect(mediaType, fileName, upload.head(4)).orElseThrow(() -> refuse(
                    Reason.UNSUPPORTED_MEDIA_TYPE, slug, fileName, mediaType, upload.size(), dryRun, user));
            return new Received(kind, upload, format);
        } catch (IOException | RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    /** Imports a received upload as {@code user}: a dry run, or storing it; a fact dataset or the action plan. */
    ImportResult importReceived(Received received, boolean dryRun, String user) {
        Upload upload = received.upload();
        return received.dataset() instanceof Dataset dataset ? importFile(dataset, upload, received.format(), dryRun, user, false)
                : run(received.dataset().slug(), null, upload, dryRun, user, false,
                (importId, status) -> planImport.read(upload, received.format(), dryRun, importId, user));
    }

    /** An upload spooled for its kind of file (a fact dataset or the action plan), its format known; closing it deletes the file. */
    record Received(ImportKind dataset, Upload upload, FileFormat format) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            upload.close();
        }
    }

    /**
     * Records an upload refused before its file was read, for {@code reason}, with the Norwegian
     * message of that reason; returns the refusal to answer.
     */
    ImportRefused refuse(Reason reason, String dataset, String fileName, String mediaType, long size, boolean dryRun,
                         String user) {
        String message = switch (reason) {
            case TOO_LARGE -> new Upload.TooLarge(properties.maxSize().toBytes()).getMessage();
            case UNSUPPORTED_MEDIA_TYPE -> (mediaType == null ? "Filtypen er ikke oppgitt (ingen Content-Type)"
                    : "Filtypen «" + cut(mediaType, ImportRepository.MEDIA_TYPE_SIZE)
                    + "» støttes ikke") + ": send CSV (text/csv) eller XLSX (" + FileFormat.XLSX_MEDIA_TYPE + ")";
            case UNREADABLE_MULTIPART -> "Multipart-innholdet kan ikke leses: send filen i feltet «file»";
        };
        return new ImportRefused(reason, record(dataset, fileName, mediaType, size, dryRun, user, message), message);
    }

    /**
     * The one way an upload refused before its file was read is recorded: a finished row of the
     * audit, outcome {@code refused}, with the message; returns its id.
     */
    private long record(String dataset, String fileName, String mediaType, long size, boolean dryRun, String user,
                        String message) {
        return audit.refused(dataset, fileName, mediaType, Math.max(size, 0), user, dryRun, message,
                OffsetDateTime.now(clock));
    }

    /** Imports an uploaded file as {@code user}; {@code synthetic} marks generated demo data. */
    ImportResult importFile(Dataset dataset, Upload upload, FileFormat format, boolean dryRun, String user, boolean synthetic) {
        return run(dataset.slug(), dataset, upload, dryRun, user, synthetic,
                (importId, status) -> readValidateStore(dataset, upload, format, dryRun, importId, status));
    }

    /** What an import does with its file inside its transaction, which holds the import lock. */
    @FunctionalInterface
    interface ImportWork {
        ImportResult run(long importId, TransactionStatus status);
    }

    /**
     * Runs {@code work} as the import {@code slug} (the metrics only for a fact {@code dataset}, null for another kind):
     * the audit row, the lock, all or nothing (a dry run or a result with errors is rolled back), the log.
     */
    private ImportResult run(String slug, Dataset dataset, Upload upload, boolean dryRun, String user, boolean synthetic,
                             ImportWork work) {
        long started = System.nanoTime();
        long importId = audit.start(slug, upload, dryRun, user, synthetic, OffsetDateTime.now(clock));
        ImportResult result;
        try {
            // one import at a time; waiting for its turn holds no database connection
            result = lock.inTransaction(status -> {
                ImportResult r = work.run(importId, status);
                if (!r.accepted() || dryRun) {
                    status.setRollbackOnly();
                } else {
                    // stored facts and their audit outcome commit together: never stored but "running"
                    audit.finish(importId, r, OffsetDateTime.now(clock));
                }
                return r;
            });
        } catch (ImportLock.Busy e) {
            audit.end(importId, "busy", e.getMessage(), OffsetDateTime.now(clock));
            if (dataset != null) {
                metrics.recordFailure(dataset, "busy", System.nanoTime() - started);
            }
            log.warn("Import {} of {} by {}: busy, another import held the lock longer than {}", importId, slug,
                    user, lock.waitLimit());
            throw e.of(importId);
        } catch (RuntimeException | Error e) {
            // an Error too (out of memory): the audit must not keep the import running forever
            audit.fail(importId, OffsetDateTime.now(clock));
            if (dataset != null) {
                metrics.recordFailure(dataset, "failed", System.nanoTime() - started);
            }
            throw e;
        }
        if (!result.accepted() || dryRun) {
            audit.finish(importId, result, OffsetDateTime.now(clock));
        } else if (dataset != null) {
            events.publishEvent(new ImportStored(importId, slug));
        }
        if (dataset != null) {
            metrics.record(dataset, result, System.nanoTime() - started, OffsetDateTime.now(clock));
        }
        log.info("Import {} of {} ({} bytes, sha256 {}) by {}: {} rows, {}{}", importId, slug, upload.size(),
                upload.sha256(), user, result.rows(), result.outcome(),
                result.accepted() ? "" : " with " + result.errors().size() + " errors");
        return result;
    }

    private ImportResult readValidateStore(Dataset dataset, Upload upload, FileFormat format, boolean dryRun, long importId,
                                           TransactionStatus transactionStatus) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Problems problems = new Problems(properties.maxMessages());
        int rows = 0;
        RowValidator validator = new RowValidator(dataset,
                dataset.national() ? reference.nationalMunicipalityNumbers() : reference.municipalityNumbers(),
                YearMonth.from(now.atZoneSameInstant(NorwegianTime.OSLO)), now, problems);
        try (FactStore.Staging staging = facts.openStaging(dataset);
             RowSource source = format.open(upload.path(), properties)) {
            FileLayout layout = new FileLayout(source, problems);
            SourceRow header = layout.header(validator::knownNames);
            if (header == null) {
                problems.error(new ImportProblem(1, "", "", "Filen er tom: første linje må være overskriftene"));
            } else if (validator.readHeader(header)) {
                SourceRow row;
                while (!problems.errorsFull() && (row = readRow(layout, problems, importId)) != null) {
                    rows++;
                    Object[] values = validator.validate(row);
                    if (values != null) {
                        staging.add(row.line(), values);
                    }
                }
                if (rows == 0 && problems.errors().isEmpty()) {
                    problems.error(new ImportProblem(header.line() + 1, "", "",
                            "Filen har bare overskriftslinjen: ingen datarader å importere"));
                }
            }
            staging.finish();
        } catch (IOException e) {
            problems.error(unreadable(e, format, 1, importId));
        }
        if (!problems.errorsFull()) {
            for (Record3<Integer, Integer, String> duplicate : facts.duplicates(dataset, properties.maxMessages())) {
                problems.error(new ImportProblem(duplicate.value1(), validator.header(0), duplicate.value3(),
                        "Samme " + dataset.keyDescription() + " som linje " + duplicate.value2()
                                + ": hver finnes bare én gang per fil"));
            }
        }
        if (problems.errors().isEmpty()) {
            // a column the file does not have keeps what is stored; only a blank cell means "not known"
            for (FactStore.Kept kept : facts.keepStored(dataset, validator.absentValueColumns())) {
                validator.checkKept(kept.line(), kept.values());
            }
        }
        List<ImportProblem> errors = problems.sortedErrors();
        if (!errors.isEmpty()) {
            return new ImportResult(importId, dataset.slug(), dryRun, "rejected", rows, null, null, null,
                    problems.warnings(), problems.warningCount(), errors, problems.errorsFull(), null);
        }
        FactStore.Counts counts = facts.compare(dataset);
        // late data are never refused, but a change to figures the committee approved is said first
        List<ApprovedMonths.Revised> revised = approved.revised(dataset, facts.changedPeriods(dataset));
        revised.forEach(r -> problems.warningFirst(r.warning()));
        int implausible = 0;
        for (ImportProblem warning : plausibility.check(dataset, validator.presentColumns(), rows, counts.updated() > 0,
                properties.maxMessages())) {
            problems.warning(warning);
            implausible++;
        }
        List<ImportResult.StatusChange> changes = null;
        if (dryRun) {
            // apply, read the statuses, go back, read them again: the difference is the impact
            Object beforeApply = transactionStatus.createSavepoint();
            facts.apply(dataset, importId, now, counts);
            Optional<LocalDate> month = statuses.latestMonth();
            Map<String, Status> after = month.map(statuses::totalStatuses).orElse(Map.of());
            transactionStatus.rollbackToSavepoint(beforeApply);
            Map<String, Status> before = month.map(statuses::totalStatuses).orElse(Map.of());
            changes = statuses.changes(month.orElse(null), before, after);
        } else {
            facts.apply(dataset, importId, now, counts);
            approved.record(importId, revised);
        }
        return new ImportResult(importId, dataset.slug(), dryRun, dryRun ? "validated" : "stored", rows,
                counts.inserted(), counts.updated(), counts.unchanged(), problems.warnings(), problems.warningCount(),
                List.of(), null, changes, implausible);
    }

    /** The next data row; a file that breaks off (bad quoting, a damaged XLSX) is an error, not a crash. */
    static SourceRow readRow(FileLayout source, Problems problems, long importId) {
        try {
            return source.next();
        } catch (IOException | RuntimeException e) {
            problems.error(unreadable(e, null, problems.lastLine() + 1, importId));
            return null;
        }
    }

    /**
     * The reader's own Norwegian message (with line, column and value where it knows them), or a
     * general one: a parser's message (English, with class names) is logged, never answered.
     */
    static ImportProblem unreadable(Exception e, FileFormat format, int line, long importId) {
        if (e instanceof UnreadableFile unreadable) {
            if (unreadable.getCause() != null) {
                log.info("Import {}: {} ({})", importId, unreadable.getMessage(), unreadable.getCause().toString());
            }
            return unreadable.problem();
        }
        log.warn("Import {}: file unreadable from line {}", importId, line, e);
        return new ImportProblem(line, "", "", format == null ? "Filen kan ikke leses videre fra linje " + line
                : "Filen kan ikke leses som " + format.description());
    }

    /** Errors and warnings of one import, each list capped. */
    static final class Problems {

        private final int cap;
        private final List<ImportProblem> errors = new ArrayList<>();
        private final List<ImportProblem> warnings = new ArrayList<>();
        private int warningCount;
        private int first;
        private int lastLine;

        Problems(int cap) {
            this.cap = cap;
        }

        void error(ImportProblem problem) {
            if (errors.size() < cap) {
                errors.add(problem);
            }
        }

        void warning(ImportProblem problem) {
            warningCount++;
            if (warnings.size() < cap) {
                warnings.add(problem);
            }
        }

        /** A warning that must not be lost to the cap: before every other, after those put first already. */
        void warningFirst(ImportProblem problem) {
            warningCount++;
            warnings.add(first++, problem);
        }

        void seen(int line) {
            lastLine = line;
        }

        int lastLine() {
            return lastLine;
        }

        boolean errorsFull() {
            return errors.size() >= cap;
        }

        List<ImportProblem> sortedErrors() {
            List<ImportProblem> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ImportProblem::line));
            return sorted;
        }

        List<ImportProblem> errors() {
            return errors;
        }

        List<ImportProblem> warnings() {
            return warnings;
        }

        int warningCount() {
            return warningCount;
        }
    }
}
