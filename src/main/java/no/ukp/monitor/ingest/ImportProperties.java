package no.ukp.monitor.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import limits (the values and why they were chosen: application.properties and the README).
 *
 * @param maxSize     largest accepted file (larger: 413)
 * @param maxMessages most errors (and, separately, warnings) listed per import
 * @param csv         what one CSV line may hold (more: 422)
 * @param xlsx        what an XLSX may unpack to (more: 422)
 */
@ConfigurationProperties("ukp.import")
public record ImportProperties(DataSize maxSize, int maxMessages, Csv csv, Xlsx xlsx) {

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
