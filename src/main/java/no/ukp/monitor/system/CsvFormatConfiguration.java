package no.ukp.monitor.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code ?format=csv} as a link's {@code Accept: text/csv} (and {@code ?format=json} as
 * {@code application/json}) on the CSV-capable addresses ({@link CsvExport#FORMAT_PATHS}): the
 * parameter takes part in content negotiation, so the same handler, role check and file answer
 * whichever way CSV was asked for. An unknown {@code format} or {@code dialect} there is a 400.
 */
@Configuration
class CsvFormatConfiguration implements WebMvcConfigurer {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(CsvFormatConfiguration::fromFormat, new HeaderContentNegotiationStrategy()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (CsvExport.formatApplies(path(request))) {
                    CsvExport.checkFormat(request.getParameter(CsvExport.FORMAT));
                    CsvExport.Dialect.of(request.getParameter(CsvExport.DIALECT));
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    /** The types {@code format} asks for; all (let the header decide) without it, elsewhere, or for a value the handler refuses. */
    private static List<MediaType> fromFormat(NativeWebRequest webRequest) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String format = webRequest.getParameter(CsvExport.FORMAT);
        if (request == null || format == null || !CsvExport.formatApplies(path(request))) {
            return ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> List.of(CSV);
            case "json" -> List.of(MediaType.APPLICATION_JSON);
            default -> ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST;
        };
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
