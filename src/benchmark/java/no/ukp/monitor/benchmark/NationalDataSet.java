package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import no.ukp.monitor.ingest.SyntheticNational;

/**
 * The SYNTHETIC national data set: the reference data's real regions and municipalities plus
 * synthetic ones up to the national count (19 communities, 356 municipalities), and for the
 * years ending with the previous calendar month: population, monthly statistics in both areas
 * (one file per calendar year, like real deliveries), short-term ward statistics (one unit per
 * region; Øya helsehus for Trondheim) through the service's imports, and a snapshot every
 * morning at 08:00 for every municipality and area, through the import or by COPY.
 */
final class NationalDataSet {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** One loading step, timed. */
    /** Measures in the synthetic action plan: the PDF report lists them all for the whole community. */
    static final int MEASURES = 15;
    /** Years of national figures (Helsedirektoratet's yearly UKP figures) for the national comparison. */
    static final int NATIONAL_YEARS = 15;
    /** The description of the benchmark's measures: how {@link DatabaseGuard} tells them from a real plan. */
    static final String PLAN_DESCRIPTION = "Syntetisk (benchmark)";

    record Step(String what, String how, long rows, double seconds, double rowsPerSecond) {
    }

    /** What was built and how long it took. */
    record Result(String first, String last, int regions, int municipalities, String snapshotsLoadedBy, List<Step> steps,
                  double seconds) {
    }

    private final ServiceUnderTest service;
    private final DataSource owner;
    private final BenchmarkSettings settings;
    private final Path folder;
    private final Progress progress;
    private final YearMonth first;
    private final YearMonth last;
    private final NationalFigures figures;
    private final List<Step> steps = new ArrayList<>();

    NationalDataSet(ServiceUnderTest service, BenchmarkSettings settings, Path folder, Progress progress, YearMonth last) {
        this.service = service;
        this.owner = service.ownerDataSource();
        this.settings = settings;
        this.folder = folder;
        this.progress = progress;
        this.last = last;
        this.first = last.minusYears(settings.years()).plusMonths(1);
        this.figures = new NationalFigures(first, last);
    }

    Result load() throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(folder);
        long r0 = System.nanoTime();
        SyntheticReference.addNational(owner, settings.regions(), settings.municipalities());
        List<SyntheticReference.Region> regions = SyntheticReference.regions(owner);
        List<String> municipalities = regions.stream().flatMap(r -> r.municipalities().stream()).sorted().toList();
        if (municipalities.size() != settings.municipalities() || regions.size() != settings.regions()) {
            throw new IllegalStateException("reference data: " + regions.size() + " regions and " + municipalities.size()
                    + " municipalities, expected " + settings.regions() + " and " + settings.municipalities());
        }
        steps.add(new Step("reference data", "SQL", municipalities.size(), seconds(r0), 0));
        progress.step("national data set: %d regions, %d municipalities, %s..%s (synthetic)", regions.size(),
                municipalities.size(), first, last);

        importFile("population", "population", population(municipalities));
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            importFile("monthly statistics " + year, "monthly-statistics", monthlyStatistics(municipalities, year));
        }
        importFile("short-term stays", "short-term-stays", shortTermStays(regions));
        List<SyntheticNational.Member> members = regions.stream().flatMap(r -> r.municipalities().stream()
                .map(m -> new SyntheticNational.Member(m, "Kommune " + m, r.name()))).toList();
        importFile("national municipalities", "national-municipalities", national(members, true));
        importFile("national statistics", "national-statistics", national(members, false));
        if (settings.snapshots() == BenchmarkSettings.SnapshotLoad.HTTP) {
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                importFile("snapshots " + year, "snapshots", snapshots(municipalities, year));
            }
        } else {
            Quiet.waitFor(owner, progress, "the snapshots");
            copySnapshots(municipalities);
        }
        plan(regions);
        Quiet.waitFor(owner, progress, "ANALYZE");
        long a0 = System.nanoTime();
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        steps.add(new Step("ANALYZE", "SQL", 0, seconds(a0), 0));
        progress.step("national data set loaded in %.0f s", seconds(t0));
        return new Result(first.toString(), last.toString(), regions.size(), municipalities.size(),
                settings.snapshots() == BenchmarkSettings.SnapshotLoad.HTTP
                        ? "HTTP import (POST /api/v1/imports/snapshots, one file per year)"
                        : "COPY into snapshot, then INSERT … SELECT into snapshot_revision, with one audit row in import",
                List.copyOf(steps), seconds(t0));
    }

    /**
     * A SYNTHETIC action plan of {@value #MEASURES} measures through the API, as the committee's is about that size:
     * for the whole community, the largest regions and some municipalities (Trondheim among them), each linked to two
     * indicators, with three activities and a status for each of the last six months.
     */
    private void plan(List<SyntheticReference.Region> regions) throws Exception {
        Quiet.waitFor(owner, progress, "the action plan");
        long t0 = System.nanoTime();
        String[] indicators = {"ukp_days", "zero_day_share", "avg_ukp_days", "direct_home_share", "readmission_30d_share"};
        int requests = 0;
        for (int i = 0; i < MEASURES; i++) {
            String scope = i % 3 == 0 ? "total" : i % 3 == 1 ? "region:" + regions.get(i % regions.size()).id()
                    : "municipality:" + (i == 2 ? "5001" : regions.get(i % regions.size()).municipalities().get(0));
            YearMonth start = last.minusMonths(6 + 2L * i);
            StringBuilder activities = new StringBuilder();
            for (int a = 1; a <= 3; a++) {
                activities.append(a == 1 ? "" : ", ").append("{\"title\": \"Aktivitet ").append(a).append("\", \"startMonth\": \"")
                        .append(start.plusMonths(a - 1L)).append("\"}");
            }
            String json = "{\"title\": \"Syntetisk tiltak " + (i + 1) + "\", \"description\": \"" + PLAN_DESCRIPTION + "\", "
                    + "\"owner\": \"Kommunene\", \"priority\": \"middel\", \"size\": \"middels\", \"startMonth\": \"" + start
                    + "\", \"scope\": \"" + scope + "\", \"indicators\": [\"" + indicators[i % indicators.length] + "\", \""
                    + indicators[(i + 1) % indicators.length] + "\"], \"activities\": [" + activities + "]}";
            long id = service.client().postJson("/api/v1/measures", ServiceUnderTest.PLANNER, json).path("id").asLong();
            requests++;
            for (int k = 5; k >= 0; k--) {
                service.client().postJson("/api/v1/measures/" + id + "/status", ServiceUnderTest.PLANNER, "{\"month\": \""
                        + last.minusMonths(k) + "\", \"status\": \"" + (k % 3 == 0 ? "yellow" : "green") + "\", \"comment\": \"Syntetisk\"}");
                requests++;
            }
        }
        double seconds = seconds(t0);
        steps.add(new Step("action plan (" + MEASURES + " measures)", "HTTP API", requests, seconds, requests / seconds));
        progress.step("  %-28s %,9d requests in %6.1f s", "action plan", requests, seconds);
    }

    private void importFile(String what, String dataset, Path file) throws Exception {
        Quiet.waitFor(owner, progress, what);
        long t0 = System.nanoTime();
        JsonNode summary = service.client().importCsv(dataset, file);
        double seconds = seconds(t0);
        long rows = summary.path("rows").asLong();
        if (summary.path("inserted").asLong() != rows) {
            throw new IllegalStateException(what + ": expected every row to be new: " + summary);
        }
        Files.delete(file);
        steps.add(new Step(what, "HTTP import", rows, seconds, rows / seconds));
        progress.step("  %-28s %,9d rows in %6.1f s (%,.0f rows/s)", what, rows, seconds, rows / seconds);
    }

    /**
     * The national comparison's files by the demo's generator ({@link SyntheticNational}): the regions as the
     * health communities of Norway, and {@value #NATIONAL_YEARS} years of national figures before the last month's year.
     */
    private Path national(List<SyntheticNational.Member> members, boolean membership) throws IOException {
        Path file = folder.resolve(DatabaseGuard.FILE_PREFIX + (membership ? "national-municipalities.csv" : "national-statistics.csv"));
        try (Writer out = writer(file)) {
            if (membership) {
                out.write(SyntheticNational.municipalities(members));
            } else {
                SyntheticNational.figures(out, members, last.getYear() - NATIONAL_YEARS, last.getYear() - 1, figures::population);
            }
        }
        return file;
    }

    private Path population(List<String> municipalities) throws IOException {
        Path file = folder.resolve(DatabaseGuard.FILE_PREFIX + "population.csv");
        try (Writer out = writer(file)) {
            out.write("year,municipality,population\n");
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                for (String m : municipalities) {
                    out.write(year + "," + m + "," + figures.population(m, year) + "\n");
                }
            }
        }
        return file;
    }

    private Path monthlyStatistics(List<String> municipalities, int year) throws IOException {
        Path file = folder.resolve(DatabaseGuard.FILE_PREFIX + "monthly-statistics-" + year + ".csv");
        StringBuilder line = new StringBuilder(80);
        try (Writer out = writer(file)) {
            out.write(NationalFigures.MONTHLY_HEADER + "\n");
            for (YearMonth month = max(first, YearMonth.of(year, 1)); !month.isAfter(min(last, YearMonth.of(year, 12)));
                 month = month.plusMonths(1)) {
                for (String m : municipalities) {
                    int population = figures.population(m, year);
                    for (String area : NationalFigures.AREAS) {
                        figures.monthly(line, m, month, area, population);
                        NationalFigures.writeLine(out, line);
                    }
                }
            }
        }
        return file;
    }

    /** One unit per region in its first municipality, sized by the region's population. */
    private Path shortTermStays(List<SyntheticReference.Region> regions) throws IOException {
        Path file = folder.resolve(DatabaseGuard.FILE_PREFIX + "short-term-stays.csv");
        StringBuilder line = new StringBuilder(80);
        try (Writer out = writer(file)) {
            out.write("month,municipality,unit,discharges,los_days\n");
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                for (SyntheticReference.Region region : regions) {
                    String municipality = region.municipalities().get(0);
                    String unit = region.id().equals("trondheim") ? "oya-helsehus" : "korttid-" + region.id();
                    int year = month.getYear();
                    int population = region.municipalities().stream().mapToInt(m -> figures.population(m, year)).sum();
                    figures.shortTerm(line, municipality, unit, month, population);
                    NationalFigures.writeLine(out, line);
                }
            }
        }
        return file;
    }

    private Path snapshots(List<String> municipalities, int year) throws IOException {
        Path file = folder.resolve(DatabaseGuard.FILE_PREFIX + "snapshots-" + year + ".csv");
        try (Writer out = writer(file)) {
            out.write("timestamp,municipality,area,ukp_patients,waiting_over_1_day\n");
            LocalDate from = max(first, YearMonth.of(year, 1)).atDay(1);
            LocalDate to = min(last, YearMonth.of(year, 12)).atEndOfMonth();
            int[] population = populations(municipalities, year);
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                String at = morning(day);
                for (int i = 0; i < municipalities.size(); i++) {
                    String m = municipalities.get(i);
                    for (String area : NationalFigures.AREAS) {
                        int[] s = figures.snapshot(m, day, area, population[i]);
                        out.write(at + "," + m + "," + area + "," + s[0] + "," + s[1] + "\n");
                    }
                }
            }
        }
        return file;
    }

    /** The same snapshots as {@link #snapshots}, all years, by COPY with one audit row. */
    private void copySnapshots(List<String> municipalities) throws SQLException {
        long t0 = System.nanoTime();
        String recordedAt = OffsetDateTime.now(ZoneOffset.UTC).toString();
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            long importId = CopyStream.auditRow(c, "snapshots", "snapshots-copy", 0, 0);
            String suffix = "\t1\t" + importId + "\t" + recordedAt + "\n";
            CopyStream copy = new CopyStream(c, "COPY snapshot (taken_at, municipality, area, ukp_patients, waiting_over_1_day, "
                    + "revision, import_id, recorded_at) FROM STDIN");
            LocalDate end = last.atEndOfMonth();
            int year = -1;
            int[] population = null;
            for (LocalDate day = first.atDay(1); !day.isAfter(end); day = day.plusDays(1)) {
                if (day.getYear() != year) {
                    year = day.getYear();
                    population = populations(municipalities, year);
                }
                String at = morning(day);
                for (int i = 0; i < municipalities.size(); i++) {
                    String m = municipalities.get(i);
                    for (String area : NationalFigures.AREAS) {
                        int[] v = figures.snapshot(m, day, area, population[i]);
                        copy.buffer().append(at).append('\t').append(m).append('\t').append(area).append('\t').append(v[0])
                                .append('\t').append(v[1]).append(suffix);
                    }
                }
                copy.flushIfFull();
            }
            long rows = copy.finish();
            s.execute("INSERT INTO snapshot_revision (taken_at, municipality, area, revision, ukp_patients, waiting_over_1_day, "
                    + "import_id, recorded_at) SELECT taken_at, municipality, area, revision, ukp_patients, waiting_over_1_day, "
                    + "import_id, recorded_at FROM snapshot WHERE import_id = " + importId);
            s.execute("UPDATE import SET finished_at = now(), rows_read = " + rows + ", inserted = " + rows + " WHERE id = " + importId);
            double seconds = seconds(t0);
            steps.add(new Step("snapshots", "COPY", rows, seconds, rows / seconds));
            progress.step("  %-28s %,9d rows in %6.1f s (%,.0f rows/s, COPY + revision table)", "snapshots", rows, seconds,
                    rows / seconds);
        }
    }

    private int[] populations(List<String> municipalities, int year) {
        int[] population = new int[municipalities.size()];
        for (int i = 0; i < population.length; i++) {
            population[i] = figures.population(municipalities.get(i), year);
        }
        return population;
    }

    /** 08:00 in Oslo that day, ISO-8601 with offset. */
    private static String morning(LocalDate day) {
        return day.atTime(8, 0).atZone(OSLO).toOffsetDateTime().toString();
    }

    /** Row counts of the tables and the database's size. */
    static Map<String, Long> rowCounts(DataSource dataSource) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("region", "municipality", "population", "population_revision", "monthly_statistics",
                    "monthly_statistics_revision", "short_term_stays", "short_term_stays_revision", "snapshot",
                    "snapshot_revision", "national_statistics", "import", "import_message")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                counts.put("database_bytes", rs.getLong(1));
            }
        }
        return counts;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
