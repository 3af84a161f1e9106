package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.APPROVAL;
import static no.ukp.monitor.db.Tables.APPROVAL_REVISION;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.system.NorwegianTime;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Component;

/**
 * Which months approved for the committee an import revises (issue 18): a month's report rests on
 * the facts of its windows, the 12 months ending with it, and for the short-term ward indicator
 * also the months of the baseline year; the population of the years those months fall in. An
 * import revises an approved month when it adds or changes a row there. Such an import is stored
 * (data are never refused for being late) with a warning for the whole file, one per month, and
 * recorded in {@code approval_revision} for the data-quality dashboard.
 */
@Component
class ApprovedMonths {


    private final DSLContext dsl;

    ApprovedMonths(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An approved month an import revises. */
    record Revised(YearMonth month, OffsetDateTime approvedAt) {

        /** The import's warning for the whole file. */
        ImportProblem warning() {
            return new ImportProblem(0, "", month.toString(), "Filen endrer tall i rapporten for " + NorwegianTime.month(month)
                    + ", som er godkjent for ASU " + NorwegianTime.day(approvedAt)
                    + ". Endringene lagres, og rapporten for måneden viser dem som endret etter godkjenning.");
        }
    }

    /** The approved months that rows of {@code changed} periods (of {@code dataset}'s first key column) revise. */
    List<Revised> revised(Dataset dataset, List<Object> changed) {
        if (changed.isEmpty() || !revisesIndicators(dataset)) {
            return List.of();
        }
        List<Record2<LocalDate, OffsetDateTime>> approvals = dsl.select(APPROVAL.MONTH, APPROVAL.APPROVED_AT)
                .from(APPROVAL).orderBy(APPROVAL.MONTH).fetch();
        if (approvals.isEmpty()) {
            return List.of();
        }
        Integer baselineYear = dataset == Dataset.SHORT_TERM_STAYS ? baselineYear() : null;
        List<Revised> revised = new ArrayList<>();
        for (Record2<LocalDate, OffsetDateTime> approval : approvals) {
            YearMonth month = YearMonth.from(approval.value1());
            YearMonth first = month.minusMonths(11);
            boolean revises = changed.stream().anyMatch(period -> switch (dataset) {
                case POPULATION -> {
                    int year = ((Number) period).intValue();
                    yield year >= first.getYear() && year <= month.getYear();
                }
                case MONTHLY_STATISTICS, SHORT_TERM_STAYS -> {
                    YearMonth m = YearMonth.from(period instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) period);
                    yield !m.isBefore(first) && !m.isAfter(month)
                            || dataset == Dataset.SHORT_TERM_STAYS && baselineYear != null && m.getYear() == baselineYear;
                }
                default -> false;
            });
            if (revises) {
                revised.add(new Revised(month, approval.value2()));
            }
        }
        return revised;
    }

    /**
     * Whether a dataset's rows are among the figures an approval keeps: snapshots are not, and the
     * national comparison (yearly, published figures) is not either.
     */
    private static boolean revisesIndicators(Dataset dataset) {
        return dataset == Dataset.MONTHLY_STATISTICS || dataset == Dataset.SHORT_TERM_STAYS || dataset == Dataset.POPULATION;
    }

    /** Records that the stored import {@code importId} revised these approved months (in the import's transaction). */
    void record(long importId, List<Revised> revised) {
        for (Revised r : revised) {
            dsl.insertInto(APPROVAL_REVISION).set(APPROVAL_REVISION.MONTH, r.month().atDay(1))
                    .set(APPROVAL_REVISION.IMPORT_ID, importId).execute();
        }
    }

    private Integer baselineYear() {
        Object year = dsl.fetchValue("SELECT value FROM indicator_setting WHERE key = 'baseline_year'");
        return year == null ? null : Integer.valueOf(year.toString());
    }
}
