package no.ukp.monitor.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plausibility check of imported monthly values against the municipality's own history
 * (DHIS2's outlier check as the model; {@link Plausibility}).
 *
 * @param threshold     a value warns when its modified z-score on the history is above this (default 3.5)
 * @param minDifference and it differs from the history's median by at least this much (default 10), so
 *                      that small municipalities do not warn on every change
 * @param months        the months of history before the value's month (default 24)
 * @param minMonths     the fewest months of history a score needs (default 6)
 * @param maxRows       files with more rows (loads of history, not monthly deliveries) are not checked;
 *                      one warning says so
 */
@ConfigurationProperties("ukp.import.plausibility")
public record PlausibilityProperties(double threshold, int minDifference, int months, int minMonths, int maxRows) {

    public PlausibilityProperties {
        if (threshold <= 0 || minDifference < 0 || months < 1 || minMonths < 2 || minMonths > months || maxRows < 0) {
            throw new IllegalArgumentException("ukp.import.plausibility: threshold > 0, min-difference ≥ 0, "
                    + "2 ≤ min-months ≤ months, max-rows ≥ 0");
        }
    }
}
