package no.ukp.monitor.system;

import org.springframework.http.ResponseEntity;

/**
 * The CSV answers of the API, for the analysts' own tools: one media type, one role check and
 * one way to send a file. CSV is an export: whatever {@code Accept} header content negotiation
 * chose a CSV handler for, the handler itself carries {@code @PreAuthorize(CsvExport.ROLE)}.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    public static final String ROLE = "hasRole('EXPORT')";

    private CsvExport() {
    }

    /** The CSV text as an attachment named {@code fileName}. */
    public static ResponseEntity<String> response(CharSequence csv, String fileName) {
        return ResponseEntity.ok()
                .header("Content-Type", MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(csv.toString());
    }
}
