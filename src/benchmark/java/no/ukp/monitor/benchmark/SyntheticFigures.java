package no.ukp.monitor.benchmark;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * SYNTHETIC figures of plausible size, deterministic: each value depends only on its key (a
 * fixed seed mixed with municipality, month or day, area), never on the order rows are written
 * in, so every run and every target gets the same data. Sizes as in the demo data (about 430
 * somatic UKP stays a month for St. Olavs' 360 000 inhabitants, 74 % → 88 % of them 0-day stays
 * over the period); every row obeys the import's rules and the tables' CHECK constraints.
 */
final class SyntheticFigures {

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
    SyntheticFigures(YearMonth first, YearMonth last) {
        this.first = first;
        this.last = last;
    }

    /** Population at 1 January: Trondheim as it is, every other municipality between 800 and 40 000, growing 0.6 % a year. */
    int population(String municipality, int year) {
        double base = municipality.equals("5001") ? 214_000
                : Math.exp(Math.log(800) + random(municipality, 0, "population").nextDouble() * Math.log(40_000 / 800.0));
        return (int) Math.round(base * Math.pow(1.006, year - 2000));
    }

    /** One CSV line of monthly statistics (without the line break), in the column order of {@link #MONTHLY_HEADER}. */
    void monthly(StringBuilder line, String municipality, YearMonth month, String area, int population) {
        SplittableRandom random = random(municipality, month.getYear() * 12 + month.getMonthValue(), area);
        double progress = progress(month);
        double season = 1 + 0.12 * Math.cos((month.getMonthValue() - 1) * Math.PI / 6); // more in winter
        double mean = population * STAYS_PER_INHABITANT * season * (area.equals(SOMATIKK) ? 1.0 : 0.12);
        int stays = poisson(random, mean);
        int zeroDay = binomial(random, stays, 0.74 + 0.14 * progress);
        int withDays = stays - zeroDay;
        int days = withDays + poisson(random, withDays * (2.8 - 1.5 * progress));
        int home = binomial(random, stays, 0.24 + 0.08 * progress);
        line.append(month).append(',').append(municipality).append(',').append(area).append(',')
                .append(stays).append(',').append(zeroDay).append(',').append(days).append(',').append(home).append(',');
        if (!month.equals(last)) { // the last month's readmissions are not yet known
            line.append(binomial(random, stays, 0.21 - 0.04 * progress));
        }
    }

    /** Short-term ward statistics of one unit: discharges and length-of-stay days (CSV, without the line break). */
    void shortTerm(StringBuilder line, String municipality, String unit, YearMonth month, int population) {
        SplittableRandom random = random(municipality, month.getYear() * 12 + month.getMonthValue(), unit);
        int discharges = poisson(random, Math.max(3, population / 1200.0));
        double meanStay = 18 * (1 - 0.2 * progress(month));
        int los = discharges == 0 ? 0 : discharges + poisson(random, discharges * (meanStay - 1));
        line.append(month).append(',').append(municipality).append(',').append(unit).append(',')
                .append(discharges).append(',').append(los);
    }

    /** Who waits as UKP on a morning: patients and those waiting over a day, as two numbers. */
    int[] snapshot(String municipality, LocalDate day, String area, int population) {
        SplittableRandom random = random(municipality, (int) day.toEpochDay(), area);
        double progress = progress(YearMonth.from(day));
        int patients = poisson(random, population * 0.00004 * (1.4 - 0.8 * progress) * (area.equals(SOMATIKK) ? 1 : 0.15));
        return new int[] {patients, binomial(random, patients, 0.5)};
    }

    /** 0 at the first month, 1 at the last. */
    private double progress(YearMonth month) {
        long span = Math.max(1, first.until(last, java.time.temporal.ChronoUnit.MONTHS));
        return Math.max(0, Math.min(1, first.until(month, java.time.temporal.ChronoUnit.MONTHS) / (double) span));
    }

    private static SplittableRandom random(String municipality, int when, String what) {
        long h = SEED;
        h = h * 1_000_003 + municipality.hashCode();
        h = h * 1_000_003 + when;
        h = h * 1_000_003 + what.hashCode();
        return new SplittableRandom(h);
    }

    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    static int binomial(SplittableRandom random, int n, double p) {
        if (n > 40) {
            double mean = n * p;
            int k = (int) Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian(random));
            return Math.max(0, Math.min(n, k));
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** Appends a line and a line break to a writer. */
    static void writeLine(Appendable out, StringBuilder line) throws IOException {
        out.append(line).append('\n');
        line.setLength(0);
    }
}
