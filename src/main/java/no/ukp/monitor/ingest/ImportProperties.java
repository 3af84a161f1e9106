package no.ukp.monitor.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import limits (the values and why they were chosen: application.properties and the README).
 *
 * @param maxSize     largest accepted file (larger: 413)
 * @param maxMessages most errors (and, separately, warnings) listed per import
 * @param lockWait    how long an import waits for the one before it (imports run one at a time);
 *                    then 503 with this as Retry-After
 * @param spoolDir    where uploads are spooled while they are imported; a folder of this service
 *                    instance alone: what is in it at start is left over from a killed run and deleted
 * @param csv         what one CSV line may hold (more: 422)
 * @param xlsx        what an XLSX may unpack to (more: 422)
 */
@ConfigurationProperties("ukp.import")
public record ImportProperties(DataSize maxSize, int maxMessages, Duration lockWait, Path spoolDir, Csv csv, Xlsx xlsx) {

    /**
     * @param maxLineLength most characters in one CSV record (a quoted field over several lines counts whole)
     */
    public record Csv(int maxLineLength) {
    }

    /**
     * @param maxUncompressedSize     most bytes all zip entries together inflate to
     * @param maxEntries              most zip entries
     * @param maxSharedStrings        most shared strings ({@code si})
     * @param maxSharedStringsLength  most characters of all shared strings together
     * @param maxCellLength           most characters in one cell, shared string, XML tag or comment
     * @param maxRows                 most rows in one sheet, and the highest row number
     * @param maxColumns              most cells in one row, and the farthest column
     * @param maxListElements         most sheets, relationships, content types, cell or number formats in one part
     * @param maxDistinctNames        most distinct element and attribute names in one part
     * @param maxDepth                most levels elements nest in one part
     */
    public record Xlsx(DataSize maxUncompressedSize, int maxEntries, int maxSharedStrings, long maxSharedStringsLength,
                       int maxCellLength, int maxRows, int maxColumns, int maxListElements, int maxDistinctNames,
                       int maxDepth) {
    }
}
