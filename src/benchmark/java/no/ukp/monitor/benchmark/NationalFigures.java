package no.ukp.monitor.benchmark;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import no.ukp.monitor.ingest.SyntheticFigures;
import no.ukp.monitor.ingest.SyntheticNational;

/**
 * SYNTHETIC figures of plausible size for the national data set, drawn by the demo data's seeded
 * generator ({@link SyntheticFigures}) keyed by a fixed seed with municipality, month or day and
 * area: each value depends only on its key, never on the order rows are written in, so every run
 * and every target gets the same data. Sizes as in the demo data (about 430 somatic UKP stays a
 * month for St. Olavs' 360 000 inhabitants, the same improving trend over the period).
 */
final class NationalFigures {

    static final String SOMATIKK = "somatikk";
    static final String PSYKISK_HELSE_RUS = "psykisk_helse_rus";
    static final String[] AREAS = {SOMATIKK, PSYKISK_HELSE_RUS};
    static final String MONTHLY_HEADER =
            "month,municipality,area,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d";

    private static final long SEED = 20_070_007L;
    /** Somatic UKP stays per inhabitant and month. */
    private static final double STAYS_PER_INHABITANT = 430.0 / 360_000;

    private final YearMonth first;
    private final YearMonth last;

    /** Figures for the period {@code first}..{@code last}; the trend improves over it, readmissions of {@code last} are unknown. */
    NationalFigures(YearMonth first, YearMonth last) {
        this.first = first;
        this.last = last;
    }

    /** Population at 1 January: Trondheim as it is, every other municipality between 800 and 40 000, growing 0.6 % a year. */
    int population(String municipality, int year) {
        return SyntheticNational.population(SEED, municipality, municipality.equals("5001") ? 214_000 : 0, year);
    }

    /** One CSV line of monthly statistics (without the line break), in the column order of {@link #MONTHLY_HEADER}. */
    void monthly(StringBuilder line, String municipality, YearMonth month, String area, int population) {
        double season = 1 + 0.12 * Math.cos((month.getMonthValue() - 1) * Math.PI / 6); // more in winter
        // the last month's readmissions are not yet known
        SyntheticFigures.Month figures = random(municipality, month.getYear() * 12 + month.getMonthValue(), area)
                .month(population * STAYS_PER_INHABITANT * season, area, progress(month), !month.equals(last));
        line.append(month).append(',').append(municipality).append(',').append(area).append(',');
        figures.appendCsv(line);
    }

    /** Short-term ward statistics of one unit: discharges and length-of-stay days (CSV, without the line break). */
    void shortTerm(StringBuilder line, String municipality, String unit, YearMonth month, int population) {
        SyntheticFigures.ShortTerm figures = random(municipality, month.getYear() * 12 + month.getMonthValue(), unit)
                .shortTerm(Math.max(3, population / 1200.0), 18 * (1 - 0.2 * progress(month)));
        line.append(month).append(',').append(municipality).append(',').append(unit).append(',')
                .append(figures.discharges()).append(',').append(figures.losDays());
    }

    /** Who waits as UKP on a morning: patients and those waiting over a day, as two numbers. */
    int[] snapshot(String municipality, LocalDate day, String area, int population) {
        double progress = progress(YearMonth.from(day));
        SyntheticFigures.Snapshot figures = random(municipality, (int) day.toEpochDay(), area)
                .snapshot(population * 0.00004 * (1.4 - 0.8 * progress) * (area.equals(SOMATIKK) ? 1 : 0.15));
        return new int[] {figures.ukpPatients(), figures.waitingOver1Day()};
    }

    /** 0 at the first month, 1 at the last. */
    private double progress(YearMonth month) {
        long span = Math.max(1, first.until(last, ChronoUnit.MONTHS));
        return Math.max(0, Math.min(1, first.until(month, ChronoUnit.MONTHS) / (double) span));
    }

    private static SyntheticFigures random(String municipality, int when, String what) {
        return SyntheticFigures.keyed(SEED, municipality, when, what);
    }

    /** Appends a line and a line break to a writer. */
    static void writeLine(Appendable out, StringBuilder line) throws IOException {
        out.append(line).append('\n');
        line.setLength(0);
    }
}
