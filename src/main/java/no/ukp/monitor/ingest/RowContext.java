package no.ukp.monitor.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.function.Consumer;
import no.ukp.monitor.reference.MunicipalityNumbers;

/**
 * What parsing a cell needs to know beyond the cell: the municipalities, today's date, and
 * where to put a warning (such as an old municipality number that was mapped).
 */
record RowContext(MunicipalityNumbers municipalities, YearMonth currentMonth, OffsetDateTime now,
                  Consumer<String> warnings) {

    LocalDate today() {
        return now.toLocalDate();
    }
}
