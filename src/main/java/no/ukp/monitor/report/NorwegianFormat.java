package no.ukp.monitor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Numbers, months and times as Norwegian readers write them: a no-break space between
 * thousands ("3 154"), a decimal comma, "83,2 %", a real minus sign, month names in bokmål.
 * Rounding is half up, as people round by hand. A missing value is a dash, never 0.
 */
final class NorwegianFormat {

    /** No-break space: thousands separator and the space before "%" or a unit, never a line break. */
    static final char SPACE = '\u00a0';
    static final char MINUS = '\u2212';
    static final String MISSING = "–";
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final List<String> MONTHS = List.of("januar", "februar", "mars", "april", "mai", "juni", "juli",
            "august", "september", "oktober", "november", "desember");
    private static final List<String> SHORT_MONTHS = List.of("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug",
            "sep", "okt", "nov", "des");

    private NorwegianFormat() {
    }

    /** "juni 2025". */
    static String month(YearMonth month) {
        return MONTHS.get(month.getMonthValue() - 1) + " " + month.getYear();
    }

    /** "juni". */
    static String monthName(YearMonth month) {
        return MONTHS.get(month.getMonthValue() - 1);
    }

    /** "jun 25", for chart axes. */
    static String shortMonth(YearMonth month) {
        return SHORT_MONTHS.get(month.getMonthValue() - 1) + " " + String.format("%02d", month.getYear() % 100);
    }

    /** "juli 2024–juni 2025"; "januar–juni 2025" within one year. */
    static String monthRange(YearMonth from, YearMonth to) {
        if (from.getYear() == to.getYear()) {
            return monthName(from) + "–" + month(to);
        }
        return month(from) + "–" + month(to);
    }

    /** "3 154" (rounded to a whole number). */
    static String integer(BigDecimal value) {
        return value == null ? MISSING : number(value, 0);
    }

    /** "2,47" with the given number of decimals. */
    static String decimal(BigDecimal value, int decimals) {
        return value == null ? MISSING : number(value, decimals);
    }

    /** A fraction as percent: 0.832 → "83,2 %". */
    static String percent(BigDecimal fraction, int decimals) {
        return fraction == null ? MISSING : number(fraction.movePointRight(2), decimals) + SPACE + "%";
    }

    /** A fraction as a signed change in percent: −0.18 → "−18,0 %", 0.05 → "+5,0 %". */
    static String change(BigDecimal fraction, int decimals) {
        if (fraction == null) {
            return MISSING;
        }
        String text = percent(fraction, decimals);
        return fraction.setScale(decimals + 2, RoundingMode.HALF_UP).signum() > 0 ? "+" + text : text;
    }

    /** "23. november 2025 kl. 17.51" in Norwegian time. */
    static String dateTime(OffsetDateTime time) {
        if (time == null) {
            return MISSING;
        }
        var local = time.atZoneSameInstant(OSLO);
        return local.getDayOfMonth() + ". " + MONTHS.get(local.getMonthValue() - 1) + " " + local.getYear()
                + " kl. " + String.format("%02d.%02d", local.getHour(), local.getMinute());
    }

    /** "23.11.2025 17.51", for tables. */
    static String shortDateTime(OffsetDateTime time) {
        if (time == null) {
            return MISSING;
        }
        var local = time.atZoneSameInstant(OSLO);
        return String.format("%02d.%02d.%d %02d.%02d", local.getDayOfMonth(), local.getMonthValue(), local.getYear(),
                local.getHour(), local.getMinute());
    }

    /** A list as Norwegian prose: "a, b og c". */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " og " + items.get(items.size() - 1);
    }

    /** A java.text format with the Norwegian symbols, for chart axes. */
    static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, symbols());
    }

    private static String number(BigDecimal value, int decimals) {
        // rounded first, so that −0,04 written with one decimal is "0,0", not "−0,0"
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = rounded.abs();
        }
        return pattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)).format(rounded);
    }

    private static DecimalFormatSymbols symbols() {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(SPACE);
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign(MINUS);
        symbols.setPercent('%');
        return symbols;
    }
}
