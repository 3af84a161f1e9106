package no.ukp.monitor.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * A monthly-statistics import file of any size, written to disk as it is generated (never held
 * in memory): month by month, every municipality, both areas, as a delivery would be ordered.
 * One million unique keys (month, municipality, area) need more municipalities than the country
 * has, so the big file uses the import benchmark's own synthetic municipalities.
 */
final class MonthlyStatisticsFile {

    /** The first month the importer accepts. */
    static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);

    private MonthlyStatisticsFile() {
    }

    /** How many municipalities {@code rows} unique rows need, from 2000-01 to {@code last}. */
    static int municipalitiesFor(int rows, YearMonth last) {
        long perMunicipality = 2L * (FIRST_MONTH.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
        return (int) ((rows + perMunicipality - 1) / perMunicipality);
    }

    /** Writes the first {@code rows} rows (month-major, from 2000-01) for these municipalities; returns the file. */
    static Path write(Path file, int rows, List<String> municipalities, YearMonth last) throws IOException {
        NationalFigures figures = new NationalFigures(FIRST_MONTH, last);
        Files.createDirectories(file.getParent());
        int written = 0;
        StringBuilder line = new StringBuilder(80);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            out.write(NationalFigures.MONTHLY_HEADER);
            out.write('\n');
            for (YearMonth month = FIRST_MONTH; !month.isAfter(last) && written < rows; month = month.plusMonths(1)) {
                for (String municipality : municipalities) {
                    int population = figures.population(municipality, month.getYear());
                    for (String area : NationalFigures.AREAS) {
                        if (written == rows) {
                            break;
                        }
                        figures.monthly(line, municipality, month, area, population);
                        NationalFigures.writeLine(out, line);
                        written++;
                    }
                }
            }
        }
        if (written != rows) {
            throw new IllegalStateException("only " + written + " unique rows fit " + municipalities.size() + " municipalities");
        }
        return file;
    }
}
