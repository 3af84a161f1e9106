package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.APPROVAL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Component;

/**
 * Which months approved for the committee an import revises (issue 18): a month's report rests on
 * the facts of its windows, the 12 months ending with it, and for the short-term ward indicator
 * also the months of the baseline year; the population of the years those months fall in. An
 * import revises an approved month when it adds or changes a row there. Such an import is stored
 * (data are never refused for being late) with a warning for the whole file, one per month.
 */
@Component
class ApprovedMonths {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("nb"));

    private final DSLContext dsl;

    ApprovedMonths(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A warning per approved month that rows of {@code changed} periods (of {@code dataset}'s first key column) revise. */
    List<ImportProblem> revised(Dataset dataset, List<Object> changed) {
        if (changed.isEmpty() || dataset == Dataset.SNAPSHOTS) {
            return List.of();
        }
        List<Record2<LocalDate, OffsetDateTime>> approvals = dsl.select(APPROVAL.MONTH, APPROVAL.APPROVED_AT)
                .from(APPROVAL).orderBy(APPROVAL.MONTH).fetch();
        if (approvals.isEmpty()) {
            return List.of();
        }
        Integer baselineYear = dataset == Dataset.SHORT_TERM_STAYS ? baselineYear() : null;
        List<ImportProblem> warnings = new ArrayList<>();
        for (Record2<LocalDate, OffsetDateTime> approval : approvals) {
            YearMonth month = YearMonth.from(approval.value1());
            YearMonth first = month.minusMonths(11);
            boolean revised = changed.stream().anyMatch(period -> switch (dataset) {
                case POPULATION -> {
                    int year = ((Number) period).intValue();
                    yield year >= first.getYear() && year <= month.getYear();
                }
                case MONTHLY_STATISTICS, SHORT_TERM_STAYS -> {
                    YearMonth m = YearMonth.from(period instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) period);
                    yield !m.isBefore(first) && !m.isAfter(month)
                            || dataset == Dataset.SHORT_TERM_STAYS && baselineYear != null && m.getYear() == baselineYear;
                }
                case SNAPSHOTS -> false;
            });
            if (revised) {
                warnings.add(new ImportProblem(0, "", month.toString(), "Filen endrer tall i rapporten for "
                        + month.format(MONTH) + ", som er godkjent for ASU " + approval.value2().atZoneSameInstant(OSLO).format(DATE)
                        + ". Endringene lagres, og rapporten for måneden viser dem som endret etter godkjenning."));
            }
        }
        return warnings;
    }

    private Integer baselineYear() {
        Object year = dsl.fetchValue("SELECT value FROM indicator_setting WHERE key = 'baseline_year'");
        return year == null ? null : Integer.valueOf(year.toString());
    }
}
