package no.ukp.monitor.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import no.ukp.monitor.indicator.Status;

/**
 * What an import did or would do: the answer of the import endpoints and what the audit keeps.
 * {@code rows} counts the non-blank data rows read.
 *
 * @param outcome          {@code stored}, {@code validated} (a dry run without errors) or {@code rejected}
 * @param errorsTruncated  whether more errors exist than are listed (the cap was reached)
 * @param statusChanges    dry runs only: the total scope's statuses in the latest month that would change
 * @param implausible      how many of the warnings are about values that are valid but unlikely (far outside the
 *                         municipality's history, or a known value becoming unknown): storing such a file in the
 *                         browser needs a confirmation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(long importId, String dataset, boolean dryRun, String outcome, int rows,
                           Integer inserted, Integer updated, Integer unchanged,
                           List<ImportProblem> warnings, int warningCount,
                           List<ImportProblem> errors, Boolean errorsTruncated, List<StatusChange> statusChanges,
                           int implausible) {

    /** A result without implausible values. */
    public ImportResult(long importId, String dataset, boolean dryRun, String outcome, int rows, Integer inserted, Integer updated,
                        Integer unchanged, List<ImportProblem> warnings, int warningCount, List<ImportProblem> errors,
                        Boolean errorsTruncated, List<StatusChange> statusChanges) {
        this(importId, dataset, dryRun, outcome, rows, inserted, updated, unchanged, warnings, warningCount, errors, errorsTruncated,
                statusChanges, 0);
    }

    /** A dry run's effect on a status of record of the total scope in the latest month. */
    public record StatusChange(String indicator, String month, Status from, Status to) {
    }

    @JsonIgnore
    public boolean accepted() {
        return errors.isEmpty();
    }
}
