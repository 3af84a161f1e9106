package no.ukp.monitor.ingest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.ukp.monitor.system.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The import endpoints of the contract, {@code POST /api/v1/imports/{dataset}} with the file as
 * the body or as the multipart field {@code file}, and the audit at {@code GET /api/v1/imports}.
 * 200 when the file is (or, in a dry run, would be) stored, 422 with every error otherwise; 503
 * with Retry-After when another import kept it waiting longer than {@code ukp.import.lock-wait}.
 * Every attempt, also one refused before it is read, gets a row in the audit.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportService imports;
    private final ImportRepository audit;
    private final ImportProperties properties;
    private final ImportSpool spool;
    private final Clock clock;

    ImportController(ImportService imports, ImportRepository audit, ImportProperties properties, ImportSpool spool,
                     Clock clock) {
        this.imports = imports;
        this.audit = audit;
        this.properties = properties;
        this.spool = spool;
        this.clock = clock;
    }

    @PostMapping(path = "/{dataset}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportResult> importMultipart(@PathVariable String dataset, @RequestPart("file") MultipartFile file,
                                                 @RequestParam(defaultValue = "false") boolean dryRun, Principal user)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return importFile(dataset, in, file.getOriginalFilename(), file.getContentType(), file.getSize(), dryRun, user);
        }
    }

    @PostMapping(path = "/{dataset}")
    ResponseEntity<ImportResult> importBody(@PathVariable String dataset,
                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                            @RequestHeader(value = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition,
                                            HttpServletRequest request, Principal user) throws IOException {
        return importFile(dataset, request.getInputStream(), fileName(disposition), contentType,
                request.getContentLengthLong(), dryRun, user);
    }

    @GetMapping
    List<ImportEntry> list(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id:[0-9]+}")
    ImportEntry get(@PathVariable long id) {
        return audit.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Ingen import med id " + id));
    }

    /**
     * The file name of a {@code Content-Disposition}; where it cannot be parsed (an invalid RFC 5987
     * {@code filename*}), the header as sent, so that the audit still shows what came.
     */
    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        try {
            return ContentDisposition.parse(disposition).getFilename();
        } catch (RuntimeException e) {
            return disposition;
        }
    }

    private ResponseEntity<ImportResult> importFile(String slug, InputStream body, String fileName, String mediaType,
                                                    long declaredSize, boolean dryRun, Principal user) throws IOException {
        Dataset dataset = Dataset.bySlug(slug).orElse(null);
        if (dataset == null) {
            String message = "Ukjent datasett «" + Problems.cut(slug, ImportRepository.DATASET_SIZE) + "»: "
                    + "bruk monthly-statistics, short-term-stays, snapshots eller population";
            record(slug, fileName, mediaType, declaredSize, dryRun, user, message);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, message);
        }
        long max = properties.maxSize().toBytes();
        if (declaredSize > max) {
            throw refuse(HttpStatus.PAYLOAD_TOO_LARGE, slug, fileName, mediaType, declaredSize, dryRun, user,
                    new Upload.TooLarge(max).getMessage());
        }
        Upload upload;
        try {
            upload = Upload.spool(spool.newFile(), body, fileName, mediaType, max);
        } catch (Upload.TooLarge e) {
            throw refuse(HttpStatus.PAYLOAD_TOO_LARGE, slug, fileName, mediaType, max, dryRun, user, e.getMessage());
        } catch (IOException e) {
            // the client broke off the upload, or the spool folder is full: recorded, then as it was
            record(slug, fileName, mediaType, declaredSize, dryRun, user,
                    "Filen kunne ikke tas imot (" + e.getClass().getSimpleName() + "); ingenting er lagret");
            throw e;
        }
        try (upload) {
            FileFormat format = FileFormat.detect(mediaType, fileName, upload.head(4)).orElseThrow(() -> refuse(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, slug, fileName, mediaType, upload.size(), dryRun, user,
                    (mediaType == null ? "Filtypen er ikke oppgitt (ingen Content-Type)"
                            : "Filtypen «" + Problems.cut(mediaType, ImportRepository.MEDIA_TYPE_SIZE) + "» støttes ikke")
                            + ": send CSV (text/csv) eller XLSX (" + FileFormat.XLSX_MEDIA_TYPE + ")"));
            ImportResult result = imports.importFile(dataset, upload, format, dryRun, user.getName(), false);
            return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
        }
    }

    /** Records an attempt refused before its file was read; returns its id in the audit. */
    private long record(String dataset, String fileName, String mediaType, long size, boolean dryRun, Principal user,
                        String message) {
        return audit.refused(dataset, fileName, mediaType, Math.max(size, 0), user.getName(), dryRun, message,
                OffsetDateTime.now(clock));
    }

    /** Records the refusal and gives the answer ({@link #refused(Refused)}). */
    private Refused refuse(HttpStatus status, String dataset, String fileName, String mediaType, long size, boolean dryRun,
                           Principal user, String message) {
        return new Refused(status, record(dataset, fileName, mediaType, size, dryRun, user, message), message);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused e) {
        return ResponseEntity.status(e.status).body(Map.of("importId", e.importId, "status", e.status.value(),
                "errors", List.of(new ImportProblem(0, "", "", e.getMessage()))));
    }

    /**
     * A multipart body that cannot be read: over the size limit (413), broken or without the field
     * {@code file} (400). Multipart bodies are parsed lazily ({@code spring.servlet.multipart.resolve-lazily}),
     * when the file argument is resolved, so this handler sees it and the attempt is recorded like any other.
     */
    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<Map<String, Object>> unreadableMultipart(Exception e, HttpServletRequest request,
                                                            Principal user) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String dataset = path == null ? "" : path.getOrDefault("dataset", "");
        boolean dryRun = "true".equalsIgnoreCase(UriComponentsBuilder.fromUriString("/?" + Objects.toString(
                request.getQueryString(), "")).build().getQueryParams().getFirst("dryRun"));
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        return refused(refuse(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, dataset, null, null,
                request.getContentLengthLong(), dryRun, user, tooLarge
                        ? new Upload.TooLarge(properties.maxSize().toBytes()).getMessage()
                        : "Multipart-innholdet kan ikke leses: send filen i feltet «file»"));
    }

    /** Another import held the lock longer than an import waits: 503 with Retry-After, nothing stored. */
    @ExceptionHandler(ImportLock.Busy.class)
    ResponseEntity<ProblemDetail> busy(ImportLock.Busy e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("En annen import pågår");
        problem.setProperty("importId", e.importId());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    /** An upload refused before reading, already recorded in the audit. */
    static final class Refused extends RuntimeException {
        private final HttpStatus status;
        private final long importId;

        Refused(HttpStatus status, long importId, String message) {
            super(message, null, false, false);
            this.status = status;
            this.importId = importId;
        }
    }
}
