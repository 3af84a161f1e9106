package no.ukp.monitor.national;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the national comparison, written into {@code national_setting} at start so that the
 * ranking views (and Grafana with them) use them too.
 *
 * @param bestFraction "among the best" is rank ≤ max(1, ⌊n × bestFraction⌋); 0.25 = the best quartile
 * @param community    our health community, by name or id; blank = the community our reference
 *                     municipalities belong to in the imported figures
 */
@ConfigurationProperties("ukp.national")
public record NationalProperties(double bestFraction, String community) {

    public NationalProperties {
        if (!(bestFraction > 0 && bestFraction <= 1)) {
            throw new IllegalArgumentException("ukp.national.best-fraction must be above 0 and at most 1, was " + bestFraction);
        }
    }
}
