package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.util.List;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.Status;
import no.ukp.monitor.indicator.Window;
import no.ukp.monitor.reference.ReferenceRepository;

/** The figures changed since an approval in words, for the page {@code /godkjenning/{month}} and the report. */
final class ApprovalChanges {

    private ApprovalChanges() {
    }

    /** A kept figure that differs now: where, what, the value and status approved and now. */
    record Row(String scope, String indicator, String window, String approved, String now, String approvedStatus,
               String status) {
    }

    static List<Row> rows(List<ApprovalRepository.Change> changes, IndicatorCatalogue catalogue, ReferenceRepository reference) {
        return changes.stream().map(c -> row(c, catalogue, reference)).toList();
    }

    private static Row row(ApprovalRepository.Change c, IndicatorCatalogue catalogue, ReferenceRepository reference) {
        IndicatorDefinition indicator = catalogue.find(c.indicator()).orElse(null);
        // a region and a municipality may share a name (Trondheim): the kind goes with it
        String scope = reference.scope(c.scope()).map(s -> switch (s.type()) {
            case TOTAL -> s.name();
            case REGION -> s.name() + " (region)";
            case MUNICIPALITY -> s.name() + " (kommune)";
        }).orElse(c.scope());
        String window = Window.of(c.window()).map(IndicatorFormat::window).orElse(c.window());
        return new Row(scope, indicator == null ? c.indicator() : indicator.name(), window,
                value(indicator, c.approvedValue()), value(indicator, c.value()), status(c.approvedStatus()), status(c.status()));
    }

    private static String value(IndicatorDefinition indicator, BigDecimal value) {
        return value == null ? "–" : indicator == null ? value.toPlainString() : IndicatorFormat.value(indicator, value);
    }

    private static String status(String key) {
        return key == null ? "–" : Status.of(key).text();
    }
}
