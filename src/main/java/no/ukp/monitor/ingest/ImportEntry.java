package no.ukp.monitor.ingest;

import java.time.OffsetDateTime;
import java.util.List;

/** An entry of the import audit: one attempt to import a file, whatever its outcome. */
public record ImportEntry(long id, String dataset, String fileName, String mediaType, long sizeBytes, String sha256,
                           String importedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, boolean dryRun,
                           String outcome, Integer rows, Integer inserted, Integer updated, Integer unchanged,
                           Integer warningCount, Integer errorCount, boolean synthetic,
                           List<ImportProblem> errors, List<ImportProblem> warnings) {
}
