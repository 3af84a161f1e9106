package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import no.ukp.monitor.db.tables.records.IndicatorRecord;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The indicator catalogue: the rows of table {@code indicator}, in their order. */
@Repository
public class IndicatorCatalogue {

    private final DSLContext dsl;

    IndicatorCatalogue(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<IndicatorDefinition> all() {
        return dsl.selectFrom(INDICATOR).orderBy(INDICATOR.SORT_ORDER, INDICATOR.ID).fetch(IndicatorCatalogue::definition);
    }

    /**
     * The indicator a request names in its parameter {@code indicator}; {@link InvalidRequest}, with the
     * catalogue's ids, where it is missing or unknown.
     */
    public IndicatorDefinition requireParameter(String indicator) {
        List<IndicatorDefinition> all = all();
        String ids = all.stream().map(IndicatorDefinition::id).collect(Collectors.joining(", "));
        if (indicator == null || indicator.isBlank()) {
            throw new InvalidRequest("Parameteren «indicator» mangler: bruk " + ids);
        }
        return all.stream().filter(d -> d.id().equals(indicator)).findFirst()
                .orElseThrow(() -> new InvalidRequest("Ukjent indikator «" + Problems.cut(indicator) + "» i «indicator»: bruk " + ids));
    }

    public Optional<IndicatorDefinition> find(String id) {
        return dsl.selectFrom(INDICATOR).where(INDICATOR.ID.eq(id)).fetchOptional(IndicatorCatalogue::definition);
    }

    private static IndicatorDefinition definition(IndicatorRecord r) {
        return new IndicatorDefinition(r.getId(), r.getName(), r.getShortName(), r.getUnit(), r.getDirection(),
                r.getDecimals(), r.getDescription(), Arrays.stream(r.getWindows()).map(Window::known).toList(),
                Window.known(r.getStatusWindow()), IndicatorDefinition.TargetPeriod.of(r.getTargetPeriod()), r.getNote());
    }
}
