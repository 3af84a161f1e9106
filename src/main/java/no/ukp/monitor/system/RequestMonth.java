package no.ukp.monitor.system;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * A month as the API's {@code month}, {@code from}, {@code to} and {@code validFrom} write it:
 * {@code YYYY-MM}, in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. The service keeps no
 * figures before 2000 (the first target version is valid from 2000-01), and a year far out of
 * that range is a typing error that PostgreSQL's dates cannot always even hold.
 */
public final class RequestMonth {

    /** The first year a request may name. */
    public static final int FIRST_YEAR = 2000;
    /** The last year a request may name. */
    public static final int LAST_YEAR = 2100;

    private RequestMonth() {
    }

    /** The month, or {@link InvalidRequest} with a Norwegian message. */
    public static YearMonth parse(String text) {
        return parse(null, text);
    }

    /** The month in the parameter or field {@code name}, or {@link InvalidRequest} with a Norwegian message naming it. */
    public static YearMonth parse(String name, String text) {
        String shown = "«" + Problems.cut(text) + "»" + (name == null ? "" : " i «" + name + "»");
        YearMonth month;
        try {
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("Måneden " + shown + " må skrives ÅÅÅÅ-MM");
        }
        if (month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR) {
            throw new InvalidRequest("Måneden " + shown + " er utenfor "
                    + FIRST_YEAR + "-01 til " + LAST_YEAR + "-12");
        }
        return month;
    }
}
