package no.ukp.monitor.system;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Months, days and moments as the pages and messages write them for Norwegian readers: a moment in
 * Oslo's time, a month by its bokmål name. (The report has its own, with its numbers:
 * {@code report.NorwegianFormat}.)
 */
public final class NorwegianTime {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("nb"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private NorwegianTime() {
    }

    /** "juni 2025". */
    public static String month(YearMonth month) {
        return month.format(MONTH);
    }

    /** "20.08.2025". */
    public static String day(LocalDate day) {
        return day.format(DAY);
    }

    /** "20.08.2025", the day in Oslo. */
    public static String day(OffsetDateTime moment) {
        return moment.atZoneSameInstant(OSLO).format(DAY);
    }

    /** "20.08.2025 10:00" in Oslo. */
    public static String minute(OffsetDateTime moment) {
        return moment.atZoneSameInstant(OSLO).format(MINUTE);
    }

    /** "20.08.2025 10:00:05" in Oslo. */
    public static String second(OffsetDateTime moment) {
        return moment.atZoneSameInstant(OSLO).format(SECOND);
    }
}
