package no.ukp.monitor.spc;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the SPC charts (API and report).
 *
 * @param minPoints the fewest monthly values a phase needs for a mean, limits and signals
 */
@ConfigurationProperties("ukp.spc")
public record SpcProperties(int minPoints) {

    public SpcProperties {
        if (minPoints < 2) {
            throw new IllegalArgumentException("ukp.spc.min-points must be at least 2 (a moving range needs two points), was " + minPoints);
        }
    }
}
