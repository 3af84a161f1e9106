package no.ukp.monitor.indicator;

import java.time.YearMonth;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the indicator computation, written to {@code indicator_setting} at start so that
 * the SQL views (and analysts' own SQL) see them.
 *
 * @param baselineYear          the year {@code short_term_los_change} compares with
 * @param measurementStartMonth <i>virkningstidspunkt</i>: the month from which the indicators are measured
 */
@ConfigurationProperties("ukp.indicators")
public record IndicatorProperties(int baselineYear, YearMonth measurementStartMonth) {
}
