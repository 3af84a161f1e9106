package no.ukp.monitor.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error answered without a body (the actuator's 404 for an unknown health group, say) is
 * sent to the error page, so it too gets a problem detail with a Norwegian message.
 */
@Component
class EmptyErrorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyWatch watch = new BodyWatch(response);
        chain.doFilter(request, watch);
        if (!watch.body && watch.getStatus() >= 400 && !response.isCommitted()) {
            response.sendError(watch.getStatus());
        }
    }

    /** Notes whether anything started a body (or an error page). */
    private static final class BodyWatch extends HttpServletResponseWrapper {
        boolean body;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            body = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            body = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            body = true;
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            body = true;
            super.sendError(status);
        }
    }
}
