package no.ukp.monitor.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
        if (a.staysChange() != null && a.staysChange().compareTo(BigDecimal.ONE.negate()) <= 0) {
            problems.add("«" + STAYS_CHANGE + "» må være større enn -1 (en andel: -0.10 er 10 % færre opphold)");
        }
        if (a.zeroDayShare() != null && (a.zeroDayShare().signum() < 0 || a.zeroDayShare().compareTo(BigDecimal.ONE) > 0)) {
            problems.add("«" + ZERO_DAY_SHARE + "» må være mellom 0 og 1 (en andel: 0.9 er 90 %)");
        }
        if (a.meanDays() != null && a.meanDays().signum() < 0) {
            problems.add("«" + MEAN_DAYS + "» kan ikke være negativ");
        }
        return problems;
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
