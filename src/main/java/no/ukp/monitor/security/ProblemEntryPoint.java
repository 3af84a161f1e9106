package no.ukp.monitor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.ukp.monitor.system.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 with {@code WWW-Authenticate: Basic realm="UKP monitor"} (while HTTP Basic is on), and
 * {@code Bearer} (with {@code error="invalid_token"} for a refused token) where single sign-on
 * takes bearer tokens, and a Norwegian message (written by the error page); a failed login is
 * left for {@link LoginThrottleFilter} to count and log.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "UKP monitor";

    private final boolean basic;
    private final boolean bearer;

    ProblemEntryPoint(boolean basic, boolean bearer) {
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean triedToLogIn = basic && LoginThrottleFilter.basicUser(request) != null;
        boolean refusedToken = bearer && failure instanceof OAuth2AuthenticationException;
        if (triedToLogIn) {
            request.setAttribute(LoginThrottleFilter.FAILURE, failure);
        }
        if (basic) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        if (bearer) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, refusedToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        request.setAttribute(Problems.DETAIL, refusedToken ? "Tokenet er ugyldig eller utløpt. Hent et nytt og prøv igjen."
                : triedToLogIn ? "Feil brukernavn eller passord."
                : basic && !bearer ? "Du må logge inn (HTTP Basic) for å bruke tjenesten."
                : basic ? "Du må logge inn (HTTP Basic eller et token fra felles innlogging) for å bruke tjenesten."
                : "Du må logge inn (et token fra felles innlogging) for å bruke tjenesten.");
        response.sendError(HttpStatus.UNAUTHORIZED.value());
    }
}
