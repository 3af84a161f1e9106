package no.ukp.monitor.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.ukp.monitor.system.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 with {@code WWW-Authenticate: Basic realm="UKP monitor"} and a Norwegian message (written
 * by the error page); a failed login is left for {@link LoginThrottleFilter} to count and log.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "UKP monitor";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean triedToLogIn = LoginThrottleFilter.basicUser(request) != null;
        if (triedToLogIn) {
            request.setAttribute(LoginThrottleFilter.FAILURE, failure);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        request.setAttribute(Problems.DETAIL, triedToLogIn ? "Feil brukernavn eller passord."
                : "Du må logge inn (HTTP Basic) for å bruke tjenesten.");
        response.sendError(HttpStatus.UNAUTHORIZED.value());
    }
}
