package no.ukp.monitor.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Error answers of the API as problem details ({@code application/problem+json}) with a
 * Norwegian {@code detail}: Spring's own mapping of request errors to statuses with our words,
 * the (already Norwegian) reason of a {@link ResponseStatusException}, the domain exceptions
 * {@link InvalidRequest} (400), {@link NotFound} (404) and {@link AlreadyExists} (409) with their
 * Norwegian messages, and for anything unexpected a 500 that names an error id found in the log
 * instead of leaking SQL or stack traces. A browser asking for a page gets the Norwegian error
 * page of {@link ErrorPageController}.
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = detail(e, status, request);
        if (status.is5xxServerError()) {
            String id = UUID.randomUUID().toString();
            log.error("Unexpected error {}", id, e);
            detail = "Intern feil i tjenesten; ingenting er lagret. Feil-id: " + id;
        }
        return answer(status, detail, headers, request);
    }

    /** A value a feature refused ({@link InvalidRequest}): 400 with its Norwegian message. */
    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Object> invalid(InvalidRequest e, WebRequest request) {
        return handleExceptionInternal(e, null, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Something a feature does not have ({@link NotFound}): 404 with its Norwegian message. */
    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e, WebRequest request) {
        return handleExceptionInternal(e, null, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    /** Something a feature keeps and never overwrites ({@link AlreadyExists}): 409 with its Norwegian message. */
    @ExceptionHandler(AlreadyExists.class)
    ResponseEntity<Object> alreadyExists(AlreadyExists e, WebRequest request) {
        return handleExceptionInternal(e, null, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    /** Spring Security decides these: 401 and 403 come from its filters, not from here. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrow(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        // the 5xx path of handleExceptionInternal: logged under an error id, answered without internals
        return handleExceptionInternal(e, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static ResponseEntity<Object> answer(HttpStatusCode status, String detail, HttpHeaders headers, WebRequest request) {
        if (request instanceof NativeWebRequest web
                && web.getNativeRequest() instanceof HttpServletRequest servletRequest
                && web.getNativeResponse() instanceof HttpServletResponse servletResponse
                && Problems.wantsPage(servletRequest, servletRequest.getRequestURI())
                && !servletResponse.isCommitted()) {
            try {
                servletRequest.setAttribute(Problems.DETAIL, detail);
                servletResponse.sendError(status.value());
                return null;   // the error page answers
            } catch (IOException e) {
                log.debug("Could not send the error page", e);
            }
        }
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.putAll(headers);
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = Problems.of(status, detail);
        return new ResponseEntity<>(problem, answerHeaders, status);
    }

    /** What went wrong in Norwegian, naming the parameter or field and (cut) the value sent. */
    private static String detail(Exception e, HttpStatusCode status, WebRequest request) {
        if (e instanceof ResponseStatusException r && r.getReason() != null) {
            return r.getReason();
        }
        if (e instanceof InvalidRequest || e instanceof NotFound || e instanceof AlreadyExists) {
            return e.getMessage();
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return "Filen er større enn grensen for import (ukp.import.max-size)";
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return "Parameteren «" + Problems.cut(m.getParameterName()) + "» mangler";
        }
        if (e instanceof MissingServletRequestPartException m) {
            return "Delen «" + Problems.cut(m.getRequestPartName()) + "» mangler i forespørselen";
        }
        if (e instanceof MissingRequestHeaderException m) {
            return "Headeren «" + Problems.cut(m.getHeaderName()) + "» mangler";
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return "Ugyldig verdi for «" + Problems.cut(m.getName()) + "»: «" + Problems.cut(m.getValue()) + "»";
        }
        if (e instanceof TypeMismatchException m) {
            return "Ugyldig verdi for «" + Problems.cut(m.getPropertyName()) + "»: «" + Problems.cut(m.getValue()) + "»";
        }
        if (e instanceof MethodArgumentNotValidException m) {
            return "Ugyldig innhold: " + m.getBindingResult().getFieldErrors().stream()
                    .sorted(Comparator.comparing(FieldError::getField))
                    .map(f -> "«" + Problems.cut(f.getField()) + "» " + f.getDefaultMessage())
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof HttpMessageNotReadableException m) {
            return unreadable(m);
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return "Metoden " + Problems.cut(m.getMethod()) + " støttes ikke for denne adressen"
                    + (m.getSupportedMethods() == null ? "" : "; bruk " + String.join(" eller ", m.getSupportedMethods()));
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return "Innholdstypen «" + Problems.cut(m.getContentType()) + "» støttes ikke her" + use(m.getSupportedMediaTypes());
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return "Ingen av formatene i Accept kan leveres her" + use(m.getSupportedMediaTypes());
        }
        HttpServletRequest servletRequest = request instanceof NativeWebRequest web
                && web.getNativeRequest() instanceof HttpServletRequest r ? r : null;
        String path = servletRequest == null ? "" : servletRequest.getRequestURI();
        boolean page = servletRequest != null && Problems.wantsPage(servletRequest, path);
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return Problems.detail(404, path, page);
        }
        return Problems.detail(status.value(), path, page);
    }

    private static String use(Collection<MediaType> supported) {
        List<String> types = supported.stream().map(type -> type.removeQualityValue().toString()).distinct().toList();
        return types.isEmpty() ? "" : "; bruk " + String.join(" eller ", types);
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException) {
            return "Innholdet er ikke gyldig JSON";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "Ugyldig verdi for feltet «" + Problems.cut(field) + "»";
        }
        if (cause == null) {
            return "Forespørselen mangler innhold, eller innholdet kan ikke leses";
        }
        return "Innholdet kan ikke leses som JSON med de riktige feltene";
    }
}
