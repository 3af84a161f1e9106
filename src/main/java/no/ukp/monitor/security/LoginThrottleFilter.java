package no.ukp.monitor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import no.ukp.monitor.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing down: before HTTP Basic or the login form checks a password, a user
 * name and client address with too many recent failures (see {@link LoginThrottle}) is answered
 * without checking: HTTP Basic with 429 and {@code Retry-After}, the form by sending the browser
 * back to it with the wait ({@code /login?vent=seconds}). Each failed login is logged at WARN
 * with the user name (cut, control characters replaced), the client address and the reason,
 * never the password.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    /** Request attribute in which the entry point leaves the failure of a login. */
    static final String FAILURE = LoginThrottleFilter.class.getName() + ".failure";
    /** The login form's field for the user name (Spring Security's default). */
    static final String FORM_USER = "username";

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
        boolean form = user == null && isFormLogin(request);
        if (form) {
            user = Objects.toString(request.getParameter(FORM_USER), "");
        }
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = clients.of(request);
        Optional<Duration> wait = throttle.waitFor(user, address);
        if (wait.isPresent()) {
            long seconds = Problems.retryAfterSeconds(wait.get());
            log.debug("Login for '{}' from {} throttled for {} s", Problems.cut(user), address, seconds);
            if (form) {
                response.sendRedirect(request.getContextPath() + "/login?vent=" + seconds);
                return;
            }
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

    /** A post of the login form (Spring Security's form login at {@code /login}). */
    private static boolean isFormLogin(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod()) && "/login".equals(request.getServletPath());
    }

    /**
     * The form login's failure: left for this filter to count and log, and the browser sent back to
     * the form, which says that the user name or password was wrong.
     */
    static void formLoginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        request.setAttribute(FAILURE, failure);
        response.sendRedirect(request.getContextPath() + "/login?feil");
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
