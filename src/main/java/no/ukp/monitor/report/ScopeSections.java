package no.ukp.monitor.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.ukp.monitor.indicator.Kpis;
import no.ukp.monitor.reference.Municipality;
import no.ukp.monitor.reference.Scope;

/**
 * Builds the report's sections about the scope's parts: the statuses per region or municipality,
 * and which municipalities have not reported.
 */
final class ScopeSections {

    private ScopeSections() {
    }

    /** The statuses of the parts of a scope, one row per part, one cell per catalogue indicator. */
    static MonthlyReport.Breakdown breakdown(String title, String firstHeader, Kpis scope, Map<Scope, Kpis> parts) {
        List<String> headers = scope.indicators().stream().map(i -> i.definition().shortName()).toList();
        List<MonthlyReport.BreakdownRow> rows = new ArrayList<>();
        parts.forEach((part, k) -> rows.add(new MonthlyReport.BreakdownRow(part.name(),
                k.coverage().reported() + " av " + k.coverage().expected(),
                k.indicators().stream()
                        .map(i -> new MonthlyReport.Cell(IndicatorSections.value(i, i.statusWindow()), MonthlyReport.Status.of(i.status())))
                        .toList())));
        return new MonthlyReport.Breakdown(title, firstHeader, headers, rows);
    }

    static MonthlyReport.CoverageSection coverage(Kpis k, Scope scope, YearMonth month, YearMonth windowStart,
                                                  Set<ReportRepository.Reported> reported,
                                                  Map<String, Municipality> municipalities) {
        List<String> missingInMonth = new ArrayList<>();
        List<MonthlyReport.Gap> gaps = new ArrayList<>();
        List<String> missingAll = new ArrayList<>();
        List<YearMonth> window = Stream.iterate(windowStart, m -> m.plusMonths(1)).limit(12).toList();
        for (String number : scope.municipalities().stream().sorted(Comparator.comparing(n -> name(n, municipalities))).toList()) {
            Set<YearMonth> have = ReportRepository.months(reported, number);
            // a municipality is expected from the month it is a member from
            YearMonth memberFrom = municipalities.containsKey(number)
                    ? YearMonth.parse(municipalities.get(number).memberFrom()) : windowStart;
            List<YearMonth> expected = window.stream().filter(m -> !m.isBefore(memberFrom)).toList();
            if (expected.isEmpty()) {
                continue;
            }
            if (!month.isBefore(memberFrom) && !have.contains(month)) {
                missingInMonth.add(name(number, municipalities));
            }
            List<YearMonth> missing = expected.stream().filter(m -> !have.contains(m)).toList();
            if (missing.size() == expected.size()) {
                missingAll.add(name(number, municipalities));
            } else if (!missing.isEmpty()) {
                gaps.add(new MonthlyReport.Gap(name(number, municipalities), runs(missing)));
            }
        }
        String summary = k.coverage().reported() + " av " + k.coverage().expected() + " kommune-måneder er rapportert for "
                + NorwegianFormat.monthRange(windowStart, month)
                + (k.coverage().expected() == scope.municipalities().size() * 12
                        ? " (" + scope.municipalities().size() + " kommuner × 12 måneder)" : " (hver kommune fra måneden den ble med)")
                + (k.coverage().complete() ? "; dekningen er komplett." : "; dekningen er ufullstendig.");
        return new MonthlyReport.CoverageSection(summary, k.coverage().complete(), missingInMonth, gaps, missingAll);
    }

    /** Missing months as runs: "september–desember 2024 og mars 2025". */
    static String runs(List<YearMonth> months) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= months.size(); i++) {
            if (i == months.size() || !months.get(i).equals(months.get(i - 1).plusMonths(1))) {
                YearMonth a = months.get(start);
                YearMonth b = months.get(i - 1);
                parts.add(a.equals(b) ? NorwegianFormat.month(a) : NorwegianFormat.monthRange(a, b));
                start = i;
            }
        }
        return NorwegianFormat.list(parts);
    }

    /** "Oppdal (5021)". */
    static String name(String number, Map<String, Municipality> municipalities) {
        Municipality m = municipalities.get(number);
        return (m == null ? number : m.name()) + " (" + number + ")";
    }
}
