package no.ukp.monitor.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import limits.
 *
 * @param maxSize     largest accepted file (larger: 413)
 * @param maxMessages most errors (and, separately, warnings) listed per import
 */
@ConfigurationProperties("ukp.import")
public record ImportProperties(DataSize maxSize, int maxMessages) {
}
