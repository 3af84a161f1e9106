package no.ukp.monitor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import no.ukp.monitor.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing down: before HTTP Basic checks a password, a user name and client
 * address with too many recent failures (see {@link LoginThrottle}) is answered 429 with
 * {@code Retry-After}, without checking. Each failed login is logged at WARN with the user name
 * (cut, control characters replaced), the client address and the reason, never the password.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    /** Request attribute in which the entry point leaves the failure of a login. */
    static final String FAILURE = LoginThrottleFilter.class.getName() + ".failure";

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;
    private final ClientAddress clients;

    LoginThrottleFilter(LoginThrottle throttle, ClientAddress clients) {
        this.throttle = throttle;
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = clients.of(request);
        Optional<Duration> wait = throttle.waitFor(user, address);
        if (wait.isPresent()) {
            long seconds = Problems.retryAfterSeconds(wait.get());
            log.debug("Login for '{}' from {} throttled for {} s", Problems.cut(user), address, seconds);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            request.setAttribute(Problems.DETAIL, "For mange mislykkede innlogginger; prøv igjen om " + seconds + " sekunder.");
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        try {
            chain.doFilter(request, response);
            if (request.getAttribute(FAILURE) instanceof AuthenticationException failure) {
                Duration next = throttle.failed(user, address);
                log.warn("Failed login for '{}' from {}: {}{}", Problems.cut(user), address, reason(failure),
                        next.isZero() ? "" : "; further attempts wait " + next.toSeconds() + " s");
            } else if (authenticated()) {
                throttle.succeeded(user, address);
            }
        } finally {
            throttle.done(user, address);
        }
    }

    /** The user name of an HTTP Basic {@code Authorization} header ("" when unreadable); null without one. */
    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon < 0 ? "" : credentials.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static String reason(AuthenticationException failure) {
        if (failure instanceof BadCredentialsException) {
            return "wrong user name or password";
        }
        if (failure instanceof DisabledException) {
            return "user disabled";
        }
        return failure.getClass().getSimpleName();
    }
}
