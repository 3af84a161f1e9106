package no.ukp.monitor.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The synthetic demo data.
 *
 * @param enabled load it on first start into an empty database; unset means "in the embedded
 *                mode only", so a production database never gets it unless asked for
 */
@ConfigurationProperties("ukp.demo")
public record DemoProperties(Boolean enabled) {
}
