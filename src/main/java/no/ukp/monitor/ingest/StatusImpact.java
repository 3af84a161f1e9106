package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.INDICATOR_LATEST_MONTH;
import static no.ukp.monitor.db.Tables.INDICATOR_STATUS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What a dry run would do to the statuses of record of the total scope in the latest month,
 * read from the {@code indicator_status} view inside the dry run's transaction.
 */
@Component
class StatusImpact {

    private final DSLContext dsl;

    StatusImpact(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<LocalDate> latestMonth() {
        return Optional.ofNullable(dsl.select(INDICATOR_LATEST_MONTH.MONTH).from(INDICATOR_LATEST_MONTH)
                .fetchOne(INDICATOR_LATEST_MONTH.MONTH));
    }

    Map<String, String> totalStatuses(LocalDate month) {
        return dsl.select(INDICATOR_STATUS.INDICATOR_ID, INDICATOR_STATUS.STATUS)
                .from(INDICATOR_STATUS)
                .where(INDICATOR_STATUS.MONTH.eq(month), INDICATOR_STATUS.SCOPE_TYPE.eq("total"),
                        INDICATOR_STATUS.SCOPE_ID.eq("total"))
                .fetchMap(INDICATOR_STATUS.INDICATOR_ID, INDICATOR_STATUS.STATUS);
    }

    /** The indicators whose status differs; a month without a status before counts as no_data. */
    List<ImportResult.StatusChange> changes(LocalDate month, Map<String, String> before, Map<String, String> after) {
        List<ImportResult.StatusChange> changes = new ArrayList<>();
        for (String indicator : new TreeSet<>(after.keySet())) {
            String from = before.getOrDefault(indicator, "no_data");
            String to = after.get(indicator);
            if (!from.equals(to)) {
                changes.add(new ImportResult.StatusChange(indicator, month.toString().substring(0, 7), from, to));
            }
        }
        return changes;
    }
}
