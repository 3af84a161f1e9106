package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.analysis.Decomposition;
import no.ukp.monitor.analysis.LargestRemainder;

/**
 * The report's «Hva driver endringen?»: the change of UKP-days so far this year against the same
 * months a year earlier, split into stays, share of stays with days and mean days (the
 * decomposition of {@code analysis}), as a waterfall, a table of the three factors and the
 * municipalities that changed most. Contributions are shown rounded by {@link LargestRemainder},
 * so that they add up to the change shown.
 */
final class ChangeSections {

    /** The municipalities listed, the largest change either way first. */
    static final int MEMBERS = 10;
    private static final int DECIMALS = 0;

    private ChangeSections() {
    }

    static MonthlyReport.ChangeSection section(Decomposition d) {
        Decomposition.Period now = d.current();
        Decomposition.Period before = d.previous();
        String nowText = NorwegianFormat.monthRange(YearMonth.parse(now.from()), YearMonth.parse(now.to()));
        String beforeText = NorwegianFormat.monthRange(YearMonth.parse(before.from()), YearMonth.parse(before.to()));
        if (!d.hasChange()) {
            return new MonthlyReport.ChangeSection(false, "Ingen sammenligning: det mangler tall for " + nowText + " eller for "
                    + beforeText + ".", null, List.of(), List.of(), null, false);
        }
        List<BigDecimal> shown = LargestRemainder.round(d.contributions().values(), d.change(), DECIMALS);
        String summary = "UKP-døgn hittil i år (" + nowText + "): " + NorwegianFormat.integer(BigDecimal.valueOf(now.ukpDays()))
                + ", mot " + NorwegianFormat.integer(BigDecimal.valueOf(before.ukpDays())) + " i samme periode i fjor ("
                + beforeText + "): " + changeWords(d.change()) + ". Endringen er delt på tre forklaringer (Shapley-dekomponering): "
                + "flere eller færre opphold, andelen opphold med UKP-døgn (færre utskrivninger samme dag gir lavere andel) "
                + "og gjennomsnittlig antall UKP-døgn blant dem. Bidragene er avrundet slik at de summerer seg til endringen.";
        List<MonthlyReport.FactorRow> factors = List.of(
                new MonthlyReport.FactorRow("Antall UKP-opphold", integer(before.stays()), integer(now.stays()), signed(shown.get(0))),
                new MonthlyReport.FactorRow("Andel opphold med UKP-døgn", NorwegianFormat.percent(before.shareWithDays(), 1),
                        NorwegianFormat.percent(now.shareWithDays(), 1), signed(shown.get(1))),
                new MonthlyReport.FactorRow("UKP-døgn per opphold med døgn", NorwegianFormat.decimal(before.meanDays(), 2),
                        NorwegianFormat.decimal(now.meanDays(), 2), signed(shown.get(2))));
        String svg = WaterfallChart.svg("endring-" + d.scope().id(),
                new WaterfallChart.Bar("I fjor", BigDecimal.valueOf(before.ukpDays()), NorwegianFormat.integer(BigDecimal.valueOf(before.ukpDays()))),
                List.of(new WaterfallChart.Bar("Opphold", shown.get(0), signed(shown.get(0))),
                        new WaterfallChart.Bar("Andel med døgn", shown.get(1), signed(shown.get(1))),
                        new WaterfallChart.Bar("Døgn per opphold", shown.get(2), signed(shown.get(2)))),
                new WaterfallChart.Bar("I år", BigDecimal.valueOf(now.ukpDays()), NorwegianFormat.integer(BigDecimal.valueOf(now.ukpDays()))),
                "Fossefall: UKP-døgn " + beforeText + " " + NorwegianFormat.integer(BigDecimal.valueOf(before.ukpDays()))
                        + ", bidrag fra antall opphold " + signed(shown.get(0)) + ", fra andelen med døgn " + signed(shown.get(1))
                        + ", fra døgn per opphold " + signed(shown.get(2)) + ", UKP-døgn " + nowText + " "
                        + NorwegianFormat.integer(BigDecimal.valueOf(now.ukpDays())) + ".");
        List<MonthlyReport.MemberRow> members = new ArrayList<>();
        if (d.members().size() > 1) {
            for (Decomposition.Member m : d.members().subList(0, Math.min(MEMBERS, d.members().size()))) {
                List<BigDecimal> own = LargestRemainder.round(m.contributions().values(), m.change(), DECIMALS);
                members.add(new MonthlyReport.MemberRow(m.scope().name(), integer(m.previous().ukpDays()), integer(m.current().ukpDays()),
                        signed(m.change().setScale(DECIMALS, java.math.RoundingMode.HALF_UP)),
                        signed(own.get(0)), signed(own.get(1)), signed(own.get(2))));
            }
        }
        String memberNote = members.isEmpty() ? null
                : (d.members().size() > MEMBERS ? "De " + MEMBERS + " av " + d.members().size() + " kommunene som endret seg mest. " : "")
                + "Kommunenes endringer summerer seg til endringen for hele utvalget; bidragene per forklaring gjør ikke "
                + "nødvendigvis det, fordi andelen og gjennomsnittet regnes innen hver kommune. Alle kommuner: "
                + "/api/v1/analysis/decomposition (også som CSV).";
        return new MonthlyReport.ChangeSection(true, summary, svg, factors, members, memberNote, !d.complete());
    }

    private static String changeWords(BigDecimal change) {
        String amount = NorwegianFormat.integer(change.abs());
        return change.signum() > 0 ? "en økning på " + amount : change.signum() < 0 ? "en nedgang på " + amount : "uendret";
    }

    private static String integer(Long value) {
        return value == null ? NorwegianFormat.MISSING : NorwegianFormat.integer(BigDecimal.valueOf(value));
    }

    /** "+15", "−2", "0". */
    private static String signed(BigDecimal value) {
        String text = NorwegianFormat.decimal(value, DECIMALS);
        return value.setScale(DECIMALS, java.math.RoundingMode.HALF_UP).signum() > 0 ? "+" + text : text;
    }
}
