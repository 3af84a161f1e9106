package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import no.ukp.monitor.national.NationalComparison;
import no.ukp.monitor.national.NationalMeasure;
import no.ukp.monitor.national.NationalRanking;
import org.springframework.stereotype.Component;

/**
 * The report's national comparison: the vision «Blant de beste i landet» as a status (first in the
 * report) and the section «Nasjonal sammenligning» with a ranked bar chart of the communities and one
 * of all municipalities, ours highlighted, for the latest year with national figures up to the
 * report's year. The ranking is {@link NationalComparison}'s (the SQL views); this only words and draws it.
 */
@Component
class NationalSections {

    static final String OURS = "#1f3a5f";
    static final String OTHERS = "#b8c2cf";
    static final String OUR_MUNICIPALITY = "#e07b00";
    static final int WIDTH = 660;

    private final NationalComparison comparison;

    NationalSections(NationalComparison comparison) {
        this.comparison = comparison;
    }

    /** What the report shows, per the report's month: a vision status and a section, or none without national figures. */
    record National(int year, String statusCode, String statusText, String summary, String communityChart,
                    String municipalityChart, List<Place> municipalities, String measureText, String source,
                    boolean synthetic) {
    }

    /** One of our municipalities among all of them. */
    record Place(String name, String value, String rank, String percentile, String statusCode, String statusText) {
    }

    /** The section for a report of {@code month} (a YYYY-MM text), null while no national figures are imported. */
    National section(String month) {
        return comparison.vision(YearMonth.parse(month).getYear()).map(this::national).orElse(null);
    }

    National national(NationalRanking ranking) {
        NationalRanking.Ours ours = ranking.ours();
        String name = ours.name() == null ? "Helsefellesskapet" : ours.name();
        String summary = ours.rank() == null
                ? name + " har ingen verdi for " + ranking.year() + (ours.community() == null
                        ? ": ingen av kommunene våre finnes i de nasjonale tallene."
                        : ": en av kommunene mangler folketall.") + " Helsefellesskap med verdi: " + ours.n() + "."
                : name + " er nr. " + ours.rank() + " av " + ours.n() + " helsefellesskap i " + ranking.year()
                        + " med " + NorwegianFormat.decimal(ours.value(), 1) + " UKP-døgn per 1" + NorwegianFormat.SPACE
                        + "000 innbyggere (persentil " + NorwegianFormat.decimal(ours.percentile(), 0) + "; nr. 1 har færrest).";
        List<Place> places = ranking.ourMunicipalities().stream()
                .map(p -> new Place(p.name() + " (" + p.municipality() + ")", NorwegianFormat.decimal(p.value(), 1),
                        p.rank() == null ? NorwegianFormat.MISSING : p.rank() + " av " + p.n(),
                        NorwegianFormat.decimal(p.percentile(), 0), p.status(), statusText(p.status())))
                .toList();
        NationalRanking.Source source = ranking.source();
        String sourceText = (source != null && source.synthetic()
                ? "SYNTETISKE DEMOTALL, ikke Helsedirektoratets. "
                : "Helsedirektoratet, SAMDATA: Utskrivningsklare pasienter (somatikk) etter bostedskommune. ")
                + "Tall for " + ranking.year() + (source == null ? "" : ", importert " + NorwegianFormat.dateTime(source.importedAt())
                + (source.files() == null ? "" : " (" + source.files() + ")")) + ".";
        return new National(ranking.year(), ours.status(), statusText(ours.status()), summary,
                communityChart(ranking), municipalityChart(ranking), places,
                "UKP-døgn per 1" + NorwegianFormat.SPACE + "000 innbyggere", sourceText, source != null && source.synthetic());
    }

    /** The vision's words for a status. */
    static String statusText(String status) {
        return switch (status) {
            case "green" -> "Blant de beste";
            case "yellow" -> "I den beste halvdelen";
            case "red" -> "Ikke blant de beste";
            default -> "Ingen verdi";
        };
    }

    /** One horizontal bar per community in rank order, ours dark and named in bold; those without a value last, without a bar. */
    static String communityChart(NationalRanking ranking) {
        List<NationalRanking.Community> communities = ranking.communities();
        if (communities.isEmpty()) {
            return null;
        }
        int row = 13;
        int left = 200;
        int height = communities.size() * row + 20;
        double max = max(communities.stream().map(NationalRanking.Community::value).toList());
        StringBuilder svg = open("nasjonal-helsefellesskap", height, "Helsefellesskapene rangert etter UKP-døgn per 1 000 innbyggere i "
                + ranking.year() + (ranking.ours() != null && ranking.ours().rank() != null
                ? "; vårt er nr. " + ranking.ours().rank() + " av " + ranking.ours().n() : ""));
        for (int i = 0; i < communities.size(); i++) {
            NationalRanking.Community c = communities.get(i);
            boolean ours = ranking.ours() != null && c.community() != null && c.community().equals(ranking.ours().community());
            int y = 4 + i * row;
            String label = (c.rank() == null ? "–" : c.rank() + ".") + " " + (c.name() == null ? c.community() : c.name());
            svg.append("<text x='").append(left - 6).append("' y='").append(y + 9).append("' text-anchor='end' font-size='8'")
                    .append(ours ? " font-weight='bold'" : "").append(">").append(MdcIcons.escape(label)).append("</text>");
            if (c.value() != null) {
                double width = (WIDTH - left - 50) * c.value().doubleValue() / max;
                svg.append("<rect x='").append(left).append("' y='").append(y + 1).append("' width='").append(format(width))
                        .append("' height='").append(row - 3).append("' fill='").append(ours ? OURS : OTHERS).append("'/>")
                        .append("<text x='").append(format(left + width + 3)).append("' y='").append(y + 9)
                        .append("' font-size='8'").append(ours ? " font-weight='bold'" : "").append(">")
                        .append(NorwegianFormat.decimal(c.value(), 1)).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** All municipalities with a value as thin vertical bars in rank order (best left), ours in orange. */
    String municipalityChart(NationalRanking ranking) {
        List<NationalRanking.Place> all = comparison.allMunicipalities(ranking.year(), NationalMeasure.UKP_DAYS_PER_1000)
                .stream().filter(p -> p.value() != null).toList();
        if (all.isEmpty()) {
            return null;
        }
        Set<String> ours = new HashSet<>();
        ranking.ourMunicipalities().forEach(p -> ours.add(p.municipality()));
        int height = 130;
        int plot = 110;
        double max = max(all.stream().map(NationalRanking.Place::value).toList());
        double step = (WIDTH - 40.0) / all.size();
        StringBuilder svg = open("nasjonal-kommuner", height, "Alle " + all.size() + " kommuner med verdi rangert etter UKP-døgn per "
                + "1 000 innbyggere i " + ranking.year() + ", våre kommuner uthevet");
        for (int i = 0; i < all.size(); i++) {
            NationalRanking.Place p = all.get(i);
            double h = plot * p.value().doubleValue() / max;
            svg.append("<rect x='").append(format(30 + i * step)).append("' y='").append(format(5 + plot - h))
                    .append("' width='").append(format(Math.max(0.6, step * 0.8))).append("' height='").append(format(h))
                    .append("' fill='").append(ours.contains(p.municipality()) ? OUR_MUNICIPALITY : OTHERS).append("'/>");
        }
        svg.append("<text x='28' y='12' text-anchor='end' font-size='7'>").append(NorwegianFormat.decimal(BigDecimal.valueOf(max), 0))
                .append("</text><text x='28' y='").append(5 + plot).append("' text-anchor='end' font-size='7'>0</text>")
                .append("<text x='30' y='").append(height - 4).append("' font-size='7'>nr. 1 (færrest)</text>")
                .append("<text x='").append(WIDTH - 10).append("' y='").append(height - 4).append("' text-anchor='end' font-size='7'>nr. ")
                .append(all.size()).append("</text>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, int height, String description) {
        String text = MdcIcons.escape(description);
        return new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' id='").append(id).append("' width='").append(WIDTH)
                .append("' height='").append(height).append("' viewBox='0 0 ").append(WIDTH).append(' ').append(height)
                .append("' role='img' aria-label='").append(text).append("' font-family='").append(ReportCharts.FONT_FAMILY)
                .append("' fill='#1a1a1a'><title>").append(text).append("</title>");
    }

    private static double max(List<BigDecimal> values) {
        double max = values.stream().filter(v -> v != null).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        return max <= 0 ? 1 : max;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
