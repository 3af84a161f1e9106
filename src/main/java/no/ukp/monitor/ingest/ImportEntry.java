package no.ukp.monitor.ingest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An entry of the import audit: one attempt to import a file, whatever its outcome, or an undo
 * of an import (outcome {@code undo}, {@code undoesImportId} set; {@code updated} the keys it
 * restored, {@code deleted} the keys it gave a deletion revision). {@code undoneByImportId}: the
 * undo of this import, if it was undone.
 */
public record ImportEntry(long id, String dataset, String fileName, String mediaType, long sizeBytes, String sha256,
                           String importedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt, boolean dryRun,
                           String outcome, Integer rows, Integer inserted, Integer updated, Integer unchanged,
                           Integer deleted, Integer warningCount, Integer errorCount, boolean synthetic,
                           Long undoesImportId, Long undoneByImportId,
                           List<ImportProblem> errors, List<ImportProblem> warnings) {
}
