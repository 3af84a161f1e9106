package no.ukp.monitor.ingest;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NotFound;
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
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The import endpoints of the contract, {@code POST /api/v1/imports/{dataset}} with the file as
 * the body or as the multipart field {@code file}, and the audit at {@code GET /api/v1/imports}.
 * 200 when the file is (or, in a dry run, would be) stored, 422 with every error otherwise; 503
 * with Retry-After when another import kept it waiting longer than {@code ukp.import.lock-wait}.
 * Every attempt, also one refused before it is read, gets a row in the audit; {@link ImportService}
 * writes it, this class only reads the audit. {@code POST /api/v1/imports/{id}/undo} (admin) undoes
 * a stored import ({@link ImportUndo}).
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportService imports;
    private final ImportRepository audit;
    private final ImportUndo undo;

    ImportController(ImportService imports, ImportRepository audit, ImportUndo undo) {
        this.imports = imports;
        this.audit = audit;
        this.undo = undo;
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

    /**
     * An empty template of a dataset's file, {@code format} {@code xlsx} (the default; with the
     * sheet «Forklaring») or {@code csv}: 404 for an unknown dataset, 400 for another format.
     */
    @GetMapping("/{dataset}/template")
    ResponseEntity<byte[]> template(@PathVariable String dataset, @RequestParam(defaultValue = "xlsx") String format) {
        ImportKind named = ImportKind.named(dataset);
        FileFormat fileFormat = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "xlsx" -> FileFormat.XLSX;
            case "csv" -> FileFormat.CSV;
            default -> throw new InvalidRequest("Ukjent format «" + Problems.cut(format) + "»: bruk xlsx eller csv");
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(fileFormat == FileFormat.XLSX ? FileFormat.XLSX_MEDIA_TYPE
                        : "text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ImportTemplate.fileName(named, fileFormat)).build().toString())
                .body(ImportTemplate.write(named, fileFormat));
    }

    /** A kind of file the import takes, for the import page's list: its name in the URL and its Norwegian title. */
    record Kind(String slug, String title) {
    }

    /** Every kind of file {@code POST /api/v1/imports/{dataset}} takes: the fact datasets and «Tiltaksplan» ({@code measures}). */
    @GetMapping("/kinds")
    List<Kind> kinds() {
        return ImportKind.all().stream().map(k -> new Kind(k.slug(), k.title())).toList();
    }

    @GetMapping
    List<ImportEntry> list(@RequestParam(defaultValue = "100") int limit) {
        return audit.latest(Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id:[0-9]+}")
    ImportEntry get(@PathVariable long id) {
        return audit.find(id).orElseThrow(() -> new NotFound("Ingen import med id " + id));
    }

    @Operation(summary = "Undo a stored import (admin)",
            description = "Every key the import changed gets a new revision with its earlier value, or a deletion revision "
                    + "where the import inserted it; answers the undo's own audit entry (outcome undo). 409 with the keys "
                    + "when a later import changed any of them, and for an import that stored nothing, was undone already "
                    + "or is an undo itself.")
    @PostMapping("/{id:[0-9]+}/undo")
    ImportEntry undo(@PathVariable long id, Principal user) {
        return undo.undo(id, user.getName());
    }

    /** An import that cannot be undone: 409 with why and, where a later import changed them, the keys. */
    @ExceptionHandler(UndoRefused.class)
    ResponseEntity<ProblemDetail> undoRefused(UndoRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Importen kan ikke angres");
        problem.setProperty("importId", e.importId());
        problem.setProperty("keys", e.keys());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
        ImportResult result = imports.importUpload(slug, body, fileName, mediaType, declaredSize, dryRun, user.getName());
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }

    /** An upload refused before its file was read: its status, its id in the audit and why. */
    @ExceptionHandler(ImportRefused.class)
    ResponseEntity<Map<String, Object>> refused(ImportRefused e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNREADABLE_MULTIPART -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(Map.of("importId", e.importId(), "status", status.value(),
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
        ImportRefused.Reason reason = e instanceof MaxUploadSizeExceededException
                ? ImportRefused.Reason.TOO_LARGE : ImportRefused.Reason.UNREADABLE_MULTIPART;
        return refused(imports.refuse(reason, dataset, null, null, request.getContentLengthLong(), dryRun, user.getName()));
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
}
