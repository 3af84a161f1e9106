package no.ukp.monitor.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The Norwegian words of the error answers: titles and default messages per status, and the
 * choice between a problem detail (API clients) and an HTML page (browsers).
 */
public final class Problems {

    /**
     * Request attribute with a Norwegian message for the error page of a {@code sendError}
     * (the only message the error page shows besides its own defaults).
     */
    public static final String DETAIL = Problems.class.getName() + ".detail";

    private static final int MAX_SHOWN = 60;

    private Problems() {
    }

    /** A problem detail with a Norwegian title. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status.value()));
        return problem;
    }

    /** The Norwegian title of a status. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Ugyldig forespørsel";
            case 401 -> "Innlogging kreves";
            case 403 -> "Ingen tilgang";
            case 404 -> "Ikke funnet";
            case 405 -> "Metoden støttes ikke";
            case 406 -> "Formatet kan ikke leveres";
            case 409 -> "Konflikt";
            case 413 -> "For stor forespørsel";
            case 415 -> "Innholdstypen støttes ikke";
            case 422 -> "Innholdet kan ikke behandles";
            case 429 -> "For mange forsøk";
            case 503 -> "Tjenesten er ikke tilgjengelig";
            default -> status >= 500 ? "Intern feil" : "Feil i forespørselen";
        };
    }

    /** The Norwegian message of a status when nothing more is known. */
    public static String detail(int status, String path, boolean page) {
        return switch (status) {
            case 400 -> "Forespørselen er ugyldig.";
            case 401 -> "Du må logge inn (HTTP Basic) for å bruke tjenesten.";
            case 403 -> "Brukeren din har ikke tilgang til dette.";
            case 404 -> (page ? "Fant ikke siden «" : "Fant ikke adressen «") + cut(path) + "».";
            case 405 -> "Metoden støttes ikke for denne adressen.";
            case 406 -> "Ingen av formatene i Accept kan leveres her.";
            case 413 -> "Forespørselen er større enn tjenesten tar imot.";
            case 415 -> "Innholdstypen støttes ikke her.";
            case 429 -> "For mange forsøk; vent litt og prøv igjen.";
            case 503 -> "Tjenesten er midlertidig ikke tilgjengelig; prøv igjen senere.";
            default -> status >= 500 ? "Intern feil i tjenesten." : "Forespørselen kunne ikke behandles.";
        };
    }

    /** A wait as {@code Retry-After} gives it: whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** A value from the request as an error message shows it: {@link #cut(String, int)} to {@value #MAX_SHOWN}. */
    public static String cut(Object value) {
        return value == null ? "" : cut(String.valueOf(value), MAX_SHOWN);
    }

    /**
     * The one definition of how text from a request or a file is echoed in an answer, a log line
     * or the audit: at most {@code max} characters, the last one an ellipsis when cut (never half
     * a surrogate pair); control characters (NUL, which PostgreSQL text cannot hold, line breaks,
     * which could forge log lines, and the others, which JSON escapes six-fold) shown as U+FFFD.
     */
    public static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String shortened = text;
        if (text.length() > max) {
            int end = max - 1;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            shortened = text.substring(0, end) + "…";
        }
        for (int i = 0; i < shortened.length(); i++) {
            if (Character.isISOControl(shortened.charAt(i))) {
                StringBuilder visible = new StringBuilder(shortened);
                for (int j = i; j < visible.length(); j++) {
                    if (Character.isISOControl(visible.charAt(j))) {
                        visible.setCharAt(j, '\uFFFD');
                    }
                }
                return visible.toString();
            }
        }
        return shortened;
    }

    /**
     * Whether the error should be an HTML page: a browser (Accept names {@code text/html}) asking
     * for a page, not for an address under {@code /api} or {@code /actuator}.
     */
    public static boolean wantsPage(HttpServletRequest request, String path) {
        if (path == null || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.getQualityValue() > 0 && !type.isWildcardType()
                    && !type.isWildcardSubtype() && type.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
