package no.ukp.monitor.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import no.ukp.monitor.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

/**
 * A page asked for without a login: a browser goes to the login form; an htmx request (whose
 * session ran out) is told to load the login form as a whole page ({@code HX-Redirect}); any
 * other client gets the API's 401 ({@link ProblemEntryPoint}). A form posted after its session
 * ended has no CSRF token to match: that too is a missing login, not a refusal (403).
 */
final class PageEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final LoginUrlAuthenticationEntryPoint loginForm = new LoginUrlAuthenticationEntryPoint("/login");
    private final AccessDeniedHandler refusal = new AccessDeniedHandlerImpl();
    private final AuthenticationEntryPoint others;

    PageEntryPoint(AuthenticationEntryPoint others) {
        this.others = others;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        } else if (LoginThrottleFilter.basicUser(request) == null && Problems.wantsPage(request, request.getRequestURI())) {
            loginForm.commence(request, response, failure);
        } else {
            others.commence(request, response, failure);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (denied instanceof MissingCsrfTokenException && LoginThrottleFilter.basicUser(request) == null) {
            commence(request, response, new InsufficientAuthenticationException("the session has ended"));
        } else {
            refusal.handle(request, response, denied);
        }
    }
}
