package no.ukp.monitor.measure;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words of the committee's action-plan template and what they mean in the API: priority
 * ({@code Høy} = {@code hoy}), size ({@code Middels} = {@code middels}) and the status legend
 * ({@code grønn}, «Ingen avvik» or {@code green} = {@code green}). Case, surrounding spaces and a
 * final full stop do not matter.
 */
public final class PlanWords {

    /** The legend text of each status, as in the template and the report. */
    public static final Map<String, String> LEGEND = Map.of("green", "Ingen avvik", "yellow", "Mindre avvik, men håndteres",
            "red", "Kritiske avvik, når ikke målsetning");

    public static final String PRIORITY_WORDS = "Høy, Middels eller Lav";
    public static final String SIZE_WORDS = "Stort, Middels eller Lite";
    public static final String STATUS_WORDS = "grønn, gul eller rød (eller forklaringen «Ingen avvik», «Mindre avvik, men "
            + "håndteres» eller «Kritiske avvik, når ikke målsetning»)";

    private static final Map<String, String> PRIORITIES = Map.of("høy", "hoy", "hoy", "hoy", "middels", "middel", "middel", "middel",
            "lav", "lav");
    private static final Map<String, String> SIZES = Map.of("stort", "stort", "stor", "stort", "middels", "middels", "lite", "lite",
            "liten", "lite");
    private static final Map<String, String> STATUSES = Map.of("grønn", "green", "gronn", "green", "green", "green", "gul", "yellow",
            "yellow", "yellow", "rød", "red", "rod", "red", "red", "red");

    private PlanWords() {
    }

    /** {@code hoy}, {@code middel} or {@code lav}; empty for another word. */
    /** A month as the committee's template writes it: "03.2025". */
    public static String month(YearMonth month) {
        return String.format(Locale.ROOT, "%02d.%d", month.getMonthValue(), month.getYear());
    }

    /** A measure's period as the template writes it: "03.2025–12.2025", or "fra 03.2025" while open. */
    public static String period(YearMonth from, YearMonth to) {
        return to == null ? "fra " + month(from) : month(from) + "–" + month(to);
    }

    public static Optional<String> priority(String written) {
        return Optional.ofNullable(PRIORITIES.get(word(written)));
    }

    /** {@code stort}, {@code middels} or {@code lite}; empty for another word. */
    public static Optional<String> size(String written) {
        return Optional.ofNullable(SIZES.get(word(written)));
    }

    /** {@code green}, {@code yellow} or {@code red}, from the colour or the legend text; empty for another word. */
    public static Optional<String> status(String written) {
        String word = word(written);
        return Optional.ofNullable(STATUSES.get(word)).or(() -> LEGEND.entrySet().stream()
                .filter(e -> word(e.getValue()).equals(word)).map(Map.Entry::getKey).findFirst());
    }

    /** How the template writes a priority ({@code hoy} = «Høy»); null for none. */
    public static String priorityWord(String key) {
        return key == null ? null : switch (key) {
            case "hoy" -> "Høy";
            case "middel" -> "Middels";
            case "lav" -> "Lav";
            default -> key;
        };
    }

    /** How the template writes a size ({@code stort} = «Stort»); null for none. */
    public static String sizeWord(String key) {
        return key == null ? null : switch (key) {
            case "stort" -> "Stort";
            case "middels" -> "Middels";
            case "lite" -> "Lite";
            default -> key;
        };
    }

    private static String word(String written) {
        String word = written == null ? "" : written.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return word.endsWith(".") ? word.substring(0, word.length() - 1).strip() : word;
    }
}
