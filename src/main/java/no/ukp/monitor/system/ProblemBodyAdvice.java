package no.ukp.monitor.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Makes every JSON error answer of the API a problem detail: a body a controller returns with an
 * error status (the import's 422 with its {@code errors}, its 413 and 415) keeps all its members
 * and gains {@code type}, {@code title}, {@code status} and a Norwegian {@code detail}.
 */
@RestControllerAdvice
class ProblemBodyAdvice implements ResponseBodyAdvice<Object> {

    private final ObjectMapper json;

    ProblemBodyAdvice(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || !(response instanceof ServletServerHttpResponse servlet)
                || !request.getURI().getPath().startsWith("/api/")) {
            return body;
        }
        int status = servlet.getServletResponse().getStatus();
        if (status < 400) {
            return body;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> members = json.convertValue(body, Map.class);
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(status), detail(status, members));
        members.forEach((name, value) -> {
            if (!List.of("type", "title", "status", "detail", "instance").contains(name)) {
                problem.setProperty(name, value);
            }
        });
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return problem;
    }

    /** A refused file (413, 415): the reason; a file with errors (422): how many, and where they are listed. */
    private static String detail(int status, Map<String, Object> members) {
        if (members.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            if (status != 422 && errors.get(0) instanceof Map<?, ?> error && error.get("message") instanceof String message) {
                return message;
            }
            boolean more = Boolean.TRUE.equals(members.get("errorsTruncated"));
            return "Filen har " + (more ? "minst " : "") + errors.size() + " feil og er ikke lagret; se errors";
        }
        return Problems.detail(status, "", false);
    }
}
