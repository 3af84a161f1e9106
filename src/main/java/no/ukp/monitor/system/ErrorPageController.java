package no.ukp.monitor.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * {@code /error}, where the servlet container sends what did not reach a controller: 401 and 403
 * of the security filters, refused addresses, exceptions in filters. Answers a problem detail
 * with a Norwegian message, or for a browser asking for a page the Norwegian page
 * {@code templates/error.html}; never Spring's or Tomcat's texts. Asked for directly: 404.
 */
@Controller
class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    private final ITemplateEngine templates;

    ErrorPageController(ITemplateEngine templates) {
        this.templates = templates;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : request.getRequestURI();
        int status = code instanceof Integer value ? value : 404;
        if (status < 400 || status > 599) {
            status = 500;
        }
        boolean page = Problems.wantsPage(request, path);
        String detail = request.getAttribute(Problems.DETAIL) instanceof String text ? text : Problems.detail(status, path, page);
        if (status >= 500) {
            String id = UUID.randomUUID().toString();
            log.error("Error {} at {}", id, Problems.cut(path), request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            detail = detail + " Feil-id: " + id;
        }
        if (page) {
            Context context = new Context();
            context.setVariable("status", status);
            context.setVariable("title", Problems.title(status));
            context.setVariable("detail", detail);
            return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(templates.process("error", context));
        }
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), detail);
        try {
            problem.setInstance(new URI(null, null, path, null));
        } catch (URISyntaxException e) {
            // no instance then
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
