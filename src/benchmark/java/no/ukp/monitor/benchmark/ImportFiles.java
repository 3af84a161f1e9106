package no.ukp.monitor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The import benchmark's two files on disk, written once per run and used on every target: the
 * warm-up file and the big one, for the municipalities 6000… of the region bench-import.
 */
record ImportFiles(Path warmup, int warmupRows, Path big, int bigRows, int municipalities) {

    static ImportFiles write(Path folder, int warmupRows, int bigRows, YearMonth last) throws IOException {
        int count = MonthlyStatisticsFile.municipalitiesFor(Math.max(warmupRows, bigRows), last);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(Integer.toString(SyntheticReference.FIRST_IMPORT_NUMBER + i));
        }
        Path warmup = MonthlyStatisticsFile.write(folder.resolve(DatabaseGuard.FILE_PREFIX + "monthly-statistics-" + warmupRows + ".csv"),
                warmupRows, numbers, last);
        Path big = MonthlyStatisticsFile.write(folder.resolve(DatabaseGuard.FILE_PREFIX + "monthly-statistics-" + bigRows + ".csv"),
                bigRows, numbers, last);
        return new ImportFiles(warmup, warmupRows, big, bigRows, count);
    }

    void delete() throws IOException {
        Files.deleteIfExists(warmup);
        Files.deleteIfExists(big);
    }
}
