package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.IMPORT;
import static no.ukp.monitor.db.Tables.MUNICIPALITY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.database.DatabaseMode;
import no.ukp.monitor.system.NorwegianTime;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * SYNTHETIC demo data, so that a fresh installation shows something: every figure is made up by
 * the seeded generator {@link SyntheticFigures} (the benchmark's too), sized to be plausible
 * (St. Olavs had 5 363 UKP-days in 2018; about 80 % of UKP stays have 0 days nationally) with an
 * improving trend from January 2023 to the last full month. It is imported through the ordinary import path as user {@code demo} and
 * marked synthetic in the audit, so that everything showing it can say so.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final YearMonth FIRST_MONTH = YearMonth.of(2023, 1);
    /** The name of our health community in the synthetic national figures. */
    static final String OUR_COMMUNITY = "Helsefellesskapet St. Olav";

    /**
     * Rough population sizes (rounded, for plausible proportions only; the demo's population
     * figures are synthetic like the rest).
     */
    private static final Map<String, Integer> SIZE = new LinkedHashMap<>();

    static {
        SIZE.put("5001", 214_000);
        SIZE.put("5028", 17_000);
        SIZE.put("5029", 8_500);
        SIZE.put("5031", 14_500);
        SIZE.put("5027", 6_300);
        SIZE.put("5059", 19_000);
        SIZE.put("5055", 6_000);
        SIZE.put("5056", 5_200);
        SIZE.put("5014", 5_300);
        SIZE.put("5061", 2_000);
        SIZE.put("5021", 7_000);
        SIZE.put("5022", 2_500);
        SIZE.put("5025", 5_600);
        SIZE.put("5026", 2_000);
        SIZE.put("5057", 10_500);
        SIZE.put("5058", 4_200);
        SIZE.put("5054", 10_000);
        SIZE.put("5020", 950);
        SIZE.put("5032", 4_200);
        SIZE.put("5033", 750);
    }

    private final ImportService imports;
    private final DemoProperties properties;
    private final Environment environment;
    private final DSLContext dsl;
    private final Clock clock;
    private final ImportSpool spool;

    DemoData(ImportService imports, DemoProperties properties, Environment environment, DSLContext dsl, Clock clock,
             ImportSpool spool) {
        this.imports = imports;
        this.spool = spool;
        this.properties = properties;
        this.environment = environment;
        this.dsl = dsl;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void loadOnFirstStart() throws IOException {
        boolean enabled = properties.enabled() != null ? properties.enabled() : DatabaseMode.isEmbedded(environment);
        if (!enabled || dsl.fetchExists(IMPORT)) {
            return;
        }
        log.warn("Empty database: loading SYNTHETIC demo data (made-up figures; turn off with UKP_DEMO_ENABLED=false)");
        YearMonth lastFullMonth = YearMonth.now(clock).minusMonths(1);
        load(Dataset.POPULATION, "demo-population.csv", population(lastFullMonth));
        load(Dataset.MONTHLY_STATISTICS, "demo-monthly-statistics.csv", monthlyStatistics(lastFullMonth));
        load(Dataset.SHORT_TERM_STAYS, "demo-short-term-stays.csv", shortTermStays(lastFullMonth));
        load(Dataset.SNAPSHOTS, "demo-snapshots.csv", snapshots(lastFullMonth));
        List<SyntheticNational.Member> members = nationalMembers(dsl.select(MUNICIPALITY.NUMBER, MUNICIPALITY.NAME)
                .from(MUNICIPALITY).orderBy(MUNICIPALITY.NUMBER).fetchMap(MUNICIPALITY.NUMBER, MUNICIPALITY.NAME));
        load(Dataset.NATIONAL_MUNICIPALITIES, "demo-nasjonale-kommuner.csv", SyntheticNational.municipalities(members));
        load(Dataset.NATIONAL_STATISTICS, "demo-nasjonale-tall.csv", nationalFigures(members, lastFullMonth));
    }

    /** Our community with our municipalities and 18 synthetic ones: 19 communities, 356 municipalities, as Norway has. */
    static List<SyntheticNational.Member> nationalMembers(Map<String, String> ours) {
        return SyntheticNational.members(ours, OUR_COMMUNITY, 19, 356);
    }

    /** Five years of national figures, the last one the year before that of {@code last}. */
    static String nationalFigures(List<SyntheticNational.Member> members, YearMonth last) {
        StringBuilder csv = new StringBuilder();
        int lastYear = last.getYear() - 1;
        SyntheticNational.figures(csv, members, lastYear - 4, lastYear, (municipality, year) -> SIZE.containsKey(municipality)
                ? population(municipality, year) : SyntheticNational.population(2026, municipality, 0, year));
        return csv.toString();
    }

    private void load(Dataset dataset, String fileName, String csv) throws IOException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        try (Upload upload = Upload.spool(spool.newFile(), new ByteArrayInputStream(bytes), fileName, "text/csv", Long.MAX_VALUE)) {
            ImportResult result = imports.importFile(dataset, upload, FileFormat.CSV, false, "demo", true);
            if (!result.accepted()) {
                throw new IllegalStateException("demo data for " + dataset.slug() + " was refused: " + result.errors());
            }
        }
    }

    /** The demo's population of one of our municipalities: its size, growing 0.6 % a year from the first demo year. */
    private static int population(String municipality, int year) {
        int size = SIZE.get(municipality);
        return size + (int) Math.round(size * 0.006 * (year - FIRST_MONTH.getYear()));
    }

    static String population(YearMonth last) {
        StringBuilder csv = new StringBuilder("year,municipality,population\n");
        for (int year = FIRST_MONTH.getYear(); year <= last.getYear(); year++) {
            for (Map.Entry<String, Integer> m : SIZE.entrySet()) {
                csv.append(year).append(',').append(m.getKey()).append(',').append(population(m.getKey(), year)).append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * Both areas, every municipality and month; the last month's readmissions are not yet known,
     * and the smallest municipality has not reported the last month yet.
     */
    static String monthlyStatistics(YearMonth last) {
        SyntheticFigures figures = new SyntheticFigures(2023);
        int total = SIZE.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder csv = new StringBuilder(
                "month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d\n");
        for (YearMonth month = FIRST_MONTH; !month.isAfter(last); month = month.plusMonths(1)) {
            double progress = Math.min(1.0, ((month.getYear() - 2023) * 12 + month.getMonthValue() - 1) / 36.0);
            for (Map.Entry<String, Integer> m : SIZE.entrySet()) {
                if (month.equals(last) && m.getKey().equals("5033")) {
                    continue; // reported late: shows as missing coverage
                }
                double share = m.getValue() / (double) total;
                for (String area : new String[] {"somatikk", "psykisk_helse_rus"}) {
                    // about 430 somatic UKP stays a month in the whole community
                    SyntheticFigures.Month figure = figures.month(430 * share, area, progress, !month.equals(last));
                    csv.append(month).append(',').append(m.getKey()).append(',').append(area).append(',');
                    figure.appendCsv(csv).append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** Øya helsehus for Trondheim, one short-term ward for each other municipality. */
    static String shortTermStays(YearMonth last) {
        SyntheticFigures figures = new SyntheticFigures(2024);
        StringBuilder csv = new StringBuilder("month,municipality,unit,discharges,los_days\n");
        for (YearMonth month = FIRST_MONTH; !month.isAfter(last); month = month.plusMonths(1)) {
            double progress = Math.min(1.0, ((month.getYear() - 2023) * 12 + month.getMonthValue() - 1) / 36.0);
            for (Map.Entry<String, Integer> m : SIZE.entrySet()) {
                boolean oya = m.getKey().equals("5001");
                double meanStay = oya ? 21.0 * (1 - 0.22 * progress) : 14.0 * (1 - 0.06 * progress);
                SyntheticFigures.ShortTerm figure = figures.shortTerm(oya ? 300 : Math.max(2, m.getValue() / 1000.0), meanStay);
                csv.append(month).append(',').append(m.getKey()).append(',')
                        .append(oya ? "oya-helsehus" : "korttid-" + m.getKey()).append(',')
                        .append(figure.discharges()).append(',').append(figure.losDays()).append('\n');
            }
        }
        return csv.toString();
    }

    /** A snapshot every morning at 08:00 of who is waiting as UKP. */
    static String snapshots(YearMonth last) {
        SyntheticFigures figures = new SyntheticFigures(2025);
        int total = SIZE.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder csv = new StringBuilder("timestamp,municipality,area,ukp_patients,waiting_over_1_day\n");
        LocalDate end = last.atEndOfMonth();
        for (LocalDate day = FIRST_MONTH.atDay(1); !day.isAfter(end); day = day.plusDays(1)) {
            double progress = Math.min(1.0, (day.toEpochDay() - FIRST_MONTH.atDay(1).toEpochDay()) / (36 * 30.4));
            String at = ZonedDateTime.of(day.atTime(8, 0), NorwegianTime.OSLO).toOffsetDateTime().toString();
            for (Map.Entry<String, Integer> m : SIZE.entrySet()) {
                SyntheticFigures.Snapshot figure = figures.snapshot((14 - 8 * progress) * m.getValue() / total);
                csv.append(at).append(',').append(m.getKey()).append(",somatikk,")
                        .append(figure.ukpPatients()).append(',').append(figure.waitingOver1Day()).append('\n');
            }
        }
        return csv.toString();
    }
}
