package no.ukp.monitor.spc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import org.springframework.stereotype.Component;

/**
 * The one way from an indicator's monthly series in a scope to the chart the API answers and the
 * dashboards show ({@link SpcStore}): held against the asked target or else the target of record
 * in the series' latest month that has one (a yearly target / 12), with the configured minimum
 * of points per phase.
 */
@Component
public class SpcCharts {

    /** The months a chart covers unless asked otherwise: two years up to the latest month, as the report's. */
    public static final int DEFAULT_MONTHS = 24;

    private final SpcProperties properties;

    SpcCharts(SpcProperties properties) {
        this.properties = properties;
    }

    /**
     * @param series      the monthly series, oldest first, as {@code KpiRepository.series} gives it
     * @param askedTarget the target on the monthly scale, or null for the target of record
     * @param rebases     months that start a new phase
     */
    public SpcChart chart(IndicatorDefinition definition, List<KpiRepository.Point> series, Double askedTarget,
                          List<YearMonth> rebases, boolean screenOutliers) {
        Double target = askedTarget != null ? askedTarget : definition.monthlyTarget(latestTarget(series));
        return XmrEngine.chart(definition, series, target, rebases, screenOutliers, properties.minPoints());
    }

    /** The target of record in the latest month that has one. */
    private static BigDecimal latestTarget(List<KpiRepository.Point> series) {
        for (int i = series.size() - 1; i >= 0; i--) {
            if (series.get(i).target() != null) {
                return series.get(i).target();
            }
        }
        return null;
    }
}
