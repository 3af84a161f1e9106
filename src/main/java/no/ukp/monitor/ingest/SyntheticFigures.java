package no.ukp.monitor.ingest;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The one generator of SYNTHETIC figures, shared by the demo data ({@link DemoData}) and the
 * benchmark's national data set: seeded, so every run makes the same figures. The caller gives
 * the sizes (mean counts) and how far along the improving trend a month is ({@code progress}, 0 at
 * the start, 1 at the end); the generator draws the counts, and every row it makes obeys the
 * import's rules (no more 0-day stays than stays, at least one day per stay with days, …).
 */
public final class SyntheticFigures {

    /** Psychiatry and substance abuse has this share of the somatic UKP stays. */
    private static final double PSYCHIATRIC_SHARE = 0.12;

    private final RandomGenerator random;

    /** One stream of draws from {@code seed}: the figures depend on the order they are asked for in. */
    public SyntheticFigures(long seed) {
        this(new Random(seed));
    }

    private SyntheticFigures(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Draws that depend only on the seed and the key, never on the order rows are made in (so
     * rows can be written in any order, as often as needed).
     */
    public static SyntheticFigures keyed(long seed, String municipality, int when, String what) {
        long h = seed;
        h = h * 1_000_003 + municipality.hashCode();
        h = h * 1_000_003 + when;
        h = h * 1_000_003 + what.hashCode();
        return new SyntheticFigures(new SplittableRandom(h));
    }

    /** One month's statistics of one municipality and area; readmissions are -1 when not yet known. */
    public record Month(int ukpStays, int zeroDayStays, int ukpDays, int dischargedHome, int readmissions30d) {

        /** The five figures as CSV cells in the import's column order (readmissions empty when not known). */
        public StringBuilder appendCsv(StringBuilder line) {
            line.append(ukpStays).append(',').append(zeroDayStays).append(',').append(ukpDays).append(',')
                    .append(dischargedHome).append(',');
            return readmissions30d < 0 ? line : line.append(readmissions30d);
        }
    }

    /** One unit's month of short-term ward statistics. */
    public record ShortTerm(int discharges, int losDays) {
    }

    /** Who waits as UKP on a morning. */
    public record Snapshot(int ukpPatients, int waitingOver1Day) {
    }

    /**
     * A month of {@code area}: about {@code somaticStays} UKP stays in somatikk (a share of them in
     * psykisk_helse_rus); 74 % → 88 % of them 0-day stays, 3.8 → 2.3 days per stay with days,
     * 24 % → 32 % discharged home, 21 % → 17 % readmitted within 30 days.
     */
    public Month month(double somaticStays, String area, double progress, boolean readmissionsKnown) {
        int stays = poisson(somaticStays * (area.equals("somatikk") ? 1.0 : PSYCHIATRIC_SHARE));
        int zeroDay = binomial(stays, 0.74 + 0.14 * progress);
        double meanDays = 3.8 - 1.5 * progress;
        int withDays = stays - zeroDay;
        int days = withDays + poisson(withDays * (meanDays - 1));
        int home = binomial(stays, 0.24 + 0.08 * progress);
        int readmissions = readmissionsKnown ? binomial(stays, 0.21 - 0.04 * progress) : -1;
        return new Month(stays, zeroDay, days, home, readmissions);
    }

    /** One year of one municipality in the national figures (Helsedirektoratet's measures). */
    public record NationalYear(int ukpDays, int patients, int stays, double standardisedRate) {
    }

    /**
     * A year of a municipality of {@code population} whose UKP-days are about {@code ratePer1000} per 1 000
     * inhabitants: about six days per patient, 1.2 stays per patient, and a published standardised rate that
     * differs from the crude one by the municipality's age profile (±15 %).
     */
    public NationalYear nationalYear(int population, double ratePer1000) {
        int days = poisson(population * ratePer1000 / 1000);
        int patients = days == 0 ? 0 : Math.max(1, binomial(days, 1 / 6.0));
        int stays = patients + binomial(patients, 0.2);
        double standardised = days * 1000.0 / population * (0.85 + 0.3 * random.nextDouble());
        return new NationalYear(days, patients, stays, Math.round(standardised * 10) / 10.0);
    }

    /** About {@code discharges} discharges a month, each after about {@code meanStay} days. */
    public ShortTerm shortTerm(double discharges, double meanStay) {
        int n = poisson(discharges);
        return new ShortTerm(n, n == 0 ? 0 : n + poisson(n * (meanStay - 1)));
    }

    /** About {@code patients} UKP patients on a morning, half of them waiting over a day. */
    public Snapshot snapshot(double patients) {
        int n = poisson(patients);
        return new Snapshot(n, binomial(n, 0.5));
    }

    /** A uniform draw in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Poisson-distributed; above a mean of 50 by the normal approximation. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
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

    /** Binomial: {@code n} draws, each a success with probability {@code p}. */
    int binomial(int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
