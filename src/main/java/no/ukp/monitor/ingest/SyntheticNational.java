package no.ukp.monitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;

/**
 * SYNTHETIC national figures, shared by the demo data ({@link DemoData}) and the benchmark's national
 * data set: the health communities of a made-up Norway (ours with our municipalities, the rest
 * «Syntetisk helsefellesskap 02» … with «Syntetisk kommune 9000» …) and a year of UKP-days per
 * municipality drawn by {@link SyntheticFigures}, keyed so that each value depends only on its
 * municipality and year. Each community has a level of its own (0.5–1.7 × about 25 UKP-days per
 * 1 000 inhabitants), each municipality ±25 % around it, 4 % fewer days a year.
 */
public final class SyntheticNational {

    /** The header of {@link #municipalities}: the file kind {@code national-municipalities}. */
    public static final String MUNICIPALITIES_HEADER = "municipality,municipality_name,community";
    /** The header of {@link #figures}: the file kind {@code national-statistics}. */
    public static final String FIGURES_HEADER = "year,municipality,ukp_days,population,patients,stays,rate_per_1000_standardised";
    /** The first number of a synthetic municipality: no Norwegian municipality has it. */
    public static final int FIRST_SYNTHETIC_NUMBER = 9000;

    private static final long SEED = 20_200_020L;
    private static final double RATE_PER_1000 = 25.0;

    /** A municipality and the community it belongs to. */
    public record Member(String municipality, String name, String community) {
    }

    private SyntheticNational() {
    }

    /**
     * {@code communities} communities with {@code municipalities} municipalities in all: ours, named
     * {@code ourCommunity}, with {@code ours} (number → name), and synthetic ones with synthetic
     * municipalities spread evenly over them.
     */
    public static List<Member> members(Map<String, String> ours, String ourCommunity, int communities, int municipalities) {
        List<Member> members = new ArrayList<>();
        ours.forEach((number, name) -> members.add(new Member(number, name, ourCommunity)));
        int others = communities - 1;
        for (int i = 0; members.size() < municipalities && others > 0; i++) {
            String number = Integer.toString(FIRST_SYNTHETIC_NUMBER + i);
            members.add(new Member(number, "Syntetisk kommune " + number,
                    String.format("Syntetisk helsefellesskap %02d", i % others + 2)));
        }
        return members;
    }

    /** The national municipalities with their community, as a CSV file of {@link #MUNICIPALITIES_HEADER}. */
    public static String municipalities(List<Member> members) {
        StringBuilder csv = new StringBuilder(MUNICIPALITIES_HEADER).append('\n');
        for (Member m : members) {
            csv.append(m.municipality()).append(',').append(m.name()).append(',').append(m.community()).append('\n');
        }
        return csv.toString();
    }

    /**
     * The national figures of the years {@code first}..{@code last} as a CSV file of {@link #FIGURES_HEADER},
     * written to {@code out}; {@code population} gives a municipality's population in a year.
     */
    public static void figures(Appendable out, List<Member> members, int first, int last,
                               ToIntBiFunction<String, Integer> population) {
        try {
            out.append(FIGURES_HEADER).append('\n');
            StringBuilder line = new StringBuilder(80);
            for (int year = first; year <= last; year++) {
                for (Member m : members) {
                    int inhabitants = population.applyAsInt(m.municipality(), year);
                    double level = 0.5 + 1.2 * SyntheticFigures.keyed(SEED, m.community(), 0, "level").nextDouble();
                    double own = 0.75 + 0.5 * SyntheticFigures.keyed(SEED, m.municipality(), 0, "level").nextDouble();
                    double rate = RATE_PER_1000 * level * own * Math.pow(0.96, year - first);
                    SyntheticFigures.NationalYear y = SyntheticFigures.keyed(SEED, m.municipality(), year, "national")
                            .nationalYear(inhabitants, rate);
                    line.append(year).append(',').append(m.municipality()).append(',').append(y.ukpDays()).append(',')
                            .append(inhabitants).append(',').append(y.patients()).append(',').append(y.stays()).append(',')
                            .append(y.standardisedRate()).append('\n');
                    out.append(line);
                    line.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A made-up population at 1 January: {@code size} where given (above 0), else between 800 and 40 000
     * drawn by the municipality's number; growing 0.6 % a year from 2000.
     */
    public static int population(long seed, String municipality, int size, int year) {
        double base = size > 0 ? size
                : Math.exp(Math.log(800) + SyntheticFigures.keyed(seed, municipality, 0, "population").nextDouble()
                        * Math.log(40_000 / 800.0));
        return (int) Math.round(base * Math.pow(1.006, year - 2000));
    }
}
