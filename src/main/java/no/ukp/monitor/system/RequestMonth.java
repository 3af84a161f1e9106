package no.ukp.monitor.system;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A month as the API's {@code month}, {@code from} and {@code to} parameters write it: {@code YYYY-MM}. */
public final class RequestMonth {

    private RequestMonth() {
    }

    /** The month, or a 400 with a Norwegian message. */
    public static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Måneden må skrives ÅÅÅÅ-MM: «" + text + "»");
        }
    }
}
