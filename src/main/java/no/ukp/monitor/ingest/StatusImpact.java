package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.reference.ScopeType;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What a dry run would do to the statuses of record of the total scope in the latest month,
 * read from the {@code indicator_status} view inside the dry run's transaction.
 */
@Component
class StatusImpact {

    private final DSLContext dsl;
    private final KpiRepository kpis;

    StatusImpact(DSLContext dsl, KpiRepository kpis) {
        this.dsl = dsl;
        this.kpis = kpis;
    }

    Optional<LocalDate> latestMonth() {
        return kpis.latestMonth().map(m -> m.atDay(1));
    }

    Map<String, Status> totalStatuses(LocalDate month) {
        return dsl.select(INDICATOR_STATUS.INDICATOR_ID, INDICATOR_STATUS.STATUS)
                .from(INDICATOR_STATUS)
                .where(INDICATOR_STATUS.MONTH.eq(month), INDICATOR_STATUS.SCOPE_TYPE.eq(ScopeType.TOTAL.key()),
                        INDICATOR_STATUS.SCOPE_ID.eq(ScopeType.TOTAL.key()))
                .fetchMap(INDICATOR_STATUS.INDICATOR_ID, r -> Status.of(r.value2()));
    }

    /** The indicators whose status differs; a month without a status before counts as no_data. */
    List<ImportResult.StatusChange> changes(LocalDate month, Map<String, Status> before, Map<String, Status> after) {
        List<ImportResult.StatusChange> changes = new ArrayList<>();
        for (String indicator : new TreeSet<>(after.keySet())) {
            Status from = before.getOrDefault(indicator, Status.NO_DATA);
            Status to = after.get(indicator);
            if (from != to) {
                changes.add(new ImportResult.StatusChange(indicator, month.toString().substring(0, 7), from, to));
            }
        }
        return changes;
    }
}
