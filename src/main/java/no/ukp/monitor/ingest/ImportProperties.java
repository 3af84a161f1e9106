package no.ukp.monitor.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import limits.
 *
 * @param maxSize     largest accepted file (larger: 413)
 * @param maxMessages most errors (and, separately, warnings) listed per import
 * @param lockWait    how long an import waits for the one before it (imports run one at a time);
 *                    then 503 with this as Retry-After
 * @param spoolDir    where uploads are spooled while they are imported; a folder of this service
 *                    instance alone: what is in it at start is left over from a killed run and deleted
 */
@ConfigurationProperties("ukp.import")
public record ImportProperties(DataSize maxSize, int maxMessages, Duration lockWait, Path spoolDir) {
}
