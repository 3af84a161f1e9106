package no.ukp.monitor.ingest;

import java.util.List;

/** One line of an import file as text cells, with its line number as a spreadsheet counts it. */
record SourceRow(int line, List<String> cells) {

    boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
