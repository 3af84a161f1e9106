package no.ukp.monitor.report;

import java.util.Locale;
import java.util.Optional;

/** The report's file formats. */
enum ReportFormat {
    PDF("application/pdf"),
    HTML("text/html;charset=UTF-8");

    final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    static Optional<ReportFormat> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "pdf" -> Optional.of(PDF);
            case "html", "htm" -> Optional.of(HTML);
            default -> Optional.empty();
        };
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
