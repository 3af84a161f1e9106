package no.ukp.monitor.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;

/**
 * The scenario's assumptions as the API and the page {@code /scenario} receive them: read (a
 * decimal point or comma; empty = the baseline's) and checked, every problem in one Norwegian
 * message naming the parameter.
 */
final class ScenarioAssumptions {

    static final String STAYS_CHANGE = "staysChange";
    static final String ZERO_DAY_SHARE = "zeroDayShare";
    static final String MEAN_DAYS = "meanDays";

    private ScenarioAssumptions() {
    }

    /** The three parameters as written; {@link InvalidRequest} for one that is no number or out of range. */
    static Scenario.Assumptions read(String staysChange, String zeroDayShare, String meanDays) {
        List<String> problems = new ArrayList<>();
        Scenario.Assumptions assumptions = new Scenario.Assumptions(number(STAYS_CHANGE, staysChange, problems),
                number(ZERO_DAY_SHARE, zeroDayShare, problems), number(MEAN_DAYS, meanDays, problems));
        problems.addAll(problems(assumptions));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(String.join("; ", problems));
        }
        return assumptions;
    }

    /** {@link InvalidRequest} when an assumption is out of range. */
    static void check(Scenario.Assumptions assumptions) {
        List<String> problems = problems(assumptions);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(String.join("; ", problems));
        }
    }

    private static List<String> problems(Scenario.Assumptions a) {
        List<String> problems = new ArrayList<>();
        outOfRange(a).forEach(name -> problems.add("«" + name + "» " + switch (name) {
            case STAYS_CHANGE -> "må være større enn -1 (en andel: -0.10 er 10 % færre opphold)";
            case ZERO_DAY_SHARE -> "må være mellom 0 og 1 (en andel: 0.9 er 90 %)";
            default -> "kan ikke være negativ";
        }));
        return problems;
    }

    /**
     * The assumptions out of range, by parameter name ({@link #STAYS_CHANGE} above −1,
     * {@link #ZERO_DAY_SHARE} 0..1, {@link #MEAN_DAYS} ≥ 0): the one check of the ranges, worded
     * in fractions for the API and in percent by the page.
     */
    static Set<String> outOfRange(Scenario.Assumptions a) {
        Set<String> out = new LinkedHashSet<>();
        if (a.staysChange() != null && a.staysChange().compareTo(BigDecimal.ONE.negate()) <= 0) {
            out.add(STAYS_CHANGE);
        }
        if (a.zeroDayShare() != null && (a.zeroDayShare().signum() < 0 || a.zeroDayShare().compareTo(BigDecimal.ONE) > 0)) {
            out.add(ZERO_DAY_SHARE);
        }
        if (a.meanDays() != null && a.meanDays().signum() < 0) {
            out.add(MEAN_DAYS);
        }
        return out;
    }

    private static BigDecimal number(String name, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace('−', '-'));
        } catch (NumberFormatException e) {
            problems.add("«" + name + "» må være et tall, ikke «" + Problems.cut(text) + "»");
            return null;
        }
    }
}
