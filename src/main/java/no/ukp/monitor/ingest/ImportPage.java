package no.ukp.monitor.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.system.NorwegianTime;
import no.ukp.monitor.system.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The import pages. {@code /import}: choose the kind of data, upload a file, **Kontroller** runs
 * the dry run ({@link ImportService}, as the API's {@code ?dryRun=true}) and shows its errors,
 * warnings, counts and status changes; a file without errors is kept server-side
 * ({@link CheckedUpload}) and **Lagre** stores exactly that file, once the user has confirmed
 * the implausible values the check warned about, if any. {@code /import/historikk}: the
 * audit, newest first. htmx posts get the result fragment, plain form posts the whole page.
 */
@Controller
@RequestMapping("/import")
class ImportPage {

    static final int HISTORY_PAGE_SIZE = 20;
    /** Messages shown per import in the history; the audit keeps up to {@code ukp.import.max-messages}. */
    static final int HISTORY_MESSAGES = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportService imports;
    private final ImportRepository audit;
    private final ImportProperties properties;
    private final IndicatorCatalogue catalogue;
    private final ImportUndo undo;

    ImportPage(ImportService imports, ImportRepository audit, ImportProperties properties, IndicatorCatalogue catalogue,
               ImportUndo undo) {
        this.imports = imports;
        this.undo = undo;
        this.audit = audit;
        this.properties = properties;
        this.catalogue = catalogue;
    }

    /** The result of a check or a store as the page shows it. */
    record ResultView(boolean stored, String dataset, String fileName, ImportResult result, List<StatusRow> statusChanges,
                      String token) {
    }

    /** A status of the whole health community that the checked file would change. */
    record StatusRow(String indicator, String month, String from, String to) {
    }

    /** One attempt of the audit as the history shows it; {@code undoable}: a stored import not undone yet. */
    record HistoryRow(ImportEntry entry, String dataset, String when, String outcome, boolean undoable) {
    }

    @GetMapping
    String page(Authentication user, Model model) {
        form(model, user, null);
        return "import/page";
    }

    @PostMapping("/kontroller")
    String check(@RequestParam("datasett") String dataset, @RequestParam("fil") MultipartFile file, Authentication user,
                 HttpSession session, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx)
            throws IOException {
        form(model, user, dataset);
        if (ImportKind.find(dataset).filter(kind -> mayImport(user, kind)).isEmpty()) {
            throw new AccessDeniedException("may not import " + dataset);
        }
        String fileName = file.getOriginalFilename();
        if (file.isEmpty() && (fileName == null || fileName.isBlank())) {
            model.addAttribute("message", "Velg en fil før du trykker Kontroller.");
            return view(htmx);
        }
        ImportService.Received received;
        try (InputStream in = file.getInputStream()) {
            received = imports.receive(dataset, in, fileName, file.getContentType(), file.getSize(), true, user.getName());
        }
        // a new check replaces the one before: its file is deleted as it leaves the session
        session.removeAttribute(CheckedUpload.ATTRIBUTE);
        ImportResult result;
        try {
            result = imports.importReceived(received, true, user.getName());
        } catch (RuntimeException e) {
            received.close();
            throw e;
        }
        String token = null;
        if (result.accepted()) {
            token = HexFormat.of().formatHex(randomBytes());
            session.setAttribute(CheckedUpload.ATTRIBUTE, new CheckedUpload(token, received, result));
        } else {
            received.close();
        }
        model.addAttribute("view", view(false, received, result, token));
        return view(htmx);
    }

    @PostMapping("/lagre")
    String store(@RequestParam("token") String token, @RequestParam(name = "bekreftet", defaultValue = "false") boolean confirmed,
                 Authentication user, HttpSession session, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) throws IOException {
        form(model, user, null);
        CheckedUpload checked = session.getAttribute(CheckedUpload.ATTRIBUTE) instanceof CheckedUpload c
                && c.token().equals(token) ? c : null;
        if (checked == null || !checked.take()) {
            model.addAttribute("message", "Fant ikke filen du kontrollerte: den er allerede lagret, en annen fil er "
                    + "kontrollert siden, eller du har vært logget ut. Last opp filen og kontroller den på nytt.");
            return view(htmx);
        }
        boolean done = false;
        try {
            ImportService.Received received = checked.received();
            if (checked.check().implausible() > 0 && !confirmed) {
                // values far outside the municipality's history: stored only when the user says they are right
                model.addAttribute("selected", received.dataset().slug());
            model.addAttribute("templateFor", received.dataset());
                model.addAttribute("view", view(false, received, checked.check(), token));
                model.addAttribute("confirmMissing", true);
                return view(htmx);
            }
            if (!received.upload().intact()) {
                done = true;
                model.addAttribute("message", "Den kontrollerte filen er endret på tjeneren og lagres ikke. "
                        + "Last opp filen og kontroller den på nytt.");
                return view(htmx);
            }
            model.addAttribute("selected", received.dataset().slug());
            model.addAttribute("templateFor", received.dataset());
            ImportResult result = imports.importReceived(received, false, user.getName());
            done = true;
            model.addAttribute("view", view(true, received, result, null));
            return view(htmx);
        } finally {
            if (done) {
                session.removeAttribute(CheckedUpload.ATTRIBUTE);
            } else {
                checked.release();
            }
        }
    }

    /** The empty template of a kind of data, as the API's {@code /api/v1/imports/{dataset}/template}. */
    @GetMapping("/mal/{dataset}")
    ResponseEntity<byte[]> template(@PathVariable String dataset, @RequestParam(defaultValue = "xlsx") String format,
                                    Authentication user) {
        if (ImportKind.find(dataset).filter(kind -> !mayImport(user, kind)).isPresent()) {
            throw new AccessDeniedException("may not import " + dataset);
        }
        return ImportController.templateFile(dataset, format);
    }

    /** The confirmation of an undo (admin): what the undo will do, from the import's audit counts. */
    @GetMapping("/historikk/angre/{id:[0-9]+}")
    String confirmUndo(@PathVariable long id, Model model) {
        ImportEntry entry = audit.find(id).orElseThrow(() -> new NotFound("Ingen import med id " + id));
        model.addAttribute("row", historyRow(entry));
        return "import/undo";
    }

    /** Undoes an import (admin) with {@link ImportUndo}, as the API's undo; the outcome or the refusal in Norwegian. */
    @PostMapping("/historikk/angre/{id:[0-9]+}")
    String undo(@PathVariable long id, Principal user, Model model) {
        ImportEntry entry = audit.find(id).orElseThrow(() -> new NotFound("Ingen import med id " + id));
        try {
            ImportEntry done = undo.undo(id, user.getName());
            model.addAttribute("done", done);
        } catch (UndoRefused e) {
            model.addAttribute("refused", e.getMessage());
            model.addAttribute("keys", e.keys());
        }
        model.addAttribute("row", historyRow(audit.find(id).orElse(entry)));
        return "import/undo";
    }

    @GetMapping("/historikk")
    String history(@RequestParam(name = "side", defaultValue = "1") int side, Model model) {
        int pages = Math.max(1, (audit.count() + HISTORY_PAGE_SIZE - 1) / HISTORY_PAGE_SIZE);
        int page = Math.max(1, Math.min(side, pages));
        model.addAttribute("rows", audit.page((page - 1) * HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZE, HISTORY_MESSAGES).stream()
                .map(ImportPage::historyRow).toList());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("messagesShown", HISTORY_MESSAGES);
        return "import/history";
    }

    /** An upload refused before it was read (too large, not CSV or XLSX): already in the audit; the page says why. */
    @ExceptionHandler(ImportRefused.class)
    ModelAndView refused(ImportRefused e, HttpServletRequest request, Authentication user) {
        return message(e.getMessage(), request, user);
    }

    /** A multipart body that cannot be read, most often one over the size limit: recorded, then said. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView unreadable(MultipartException e, HttpServletRequest request, Authentication user) {
        ImportRefused.Reason reason = e instanceof MaxUploadSizeExceededException
                ? ImportRefused.Reason.TOO_LARGE : ImportRefused.Reason.UNREADABLE_MULTIPART;
        ImportRefused refused = imports.refuse(reason, "", null, null, request.getContentLengthLong(), true, user.getName());
        return message(reason == ImportRefused.Reason.TOO_LARGE ? refused.getMessage()
                : "Filen kom ikke fram i sin helhet. Prøv igjen.", request, user);
    }

    /** Another import kept this one waiting too long: nothing was read or stored. */
    @ExceptionHandler(ImportLock.Busy.class)
    ModelAndView busy(ImportLock.Busy e, HttpServletRequest request, Authentication user) {
        return message("En annen import pågår. Vent litt og prøv igjen; ingenting er lagret.", request, user);
    }

    private ModelAndView message(String message, HttpServletRequest request, Authentication user) {
        ModelAndView page = new ModelAndView(view(request.getHeader("HX-Request")));
        List<ImportKind> kinds = kinds(user);
        page.addObject("datasets", kinds);
        page.addObject("templateFor", kinds.get(0));
        page.addObject("maxSizeMb", properties.maxSize().toMegabytes());
        page.addObject("message", message);
        return page;
    }

    private void form(Model model, Authentication user, String selected) {
        List<ImportKind> kinds = kinds(user);
        model.addAttribute("datasets", kinds);
        model.addAttribute("selected", selected);
        model.addAttribute("templateFor", kinds.stream().filter(k -> k.slug().equals(selected)).findFirst().orElse(kinds.get(0)));
        model.addAttribute("maxSizeMb", properties.maxSize().toMegabytes());
    }

    /**
     * The kinds of data this user may import, as the API allows them: the fact datasets for
     * importers, the action plan for planners and admins. A new {@link ImportKind} appears on the
     * page by itself.
     */
    private static List<ImportKind> kinds(Authentication user) {
        return ImportKind.all().stream().filter(kind -> mayImport(user, kind)).toList();
    }

    private static boolean mayImport(Authentication user, ImportKind kind) {
        List<String> roles = kind == PlanFile.INSTANCE ? List.of("ROLE_PLAN", "ROLE_ADMIN") : List.of("ROLE_IMPORT");
        return user.getAuthorities().stream().anyMatch(a -> roles.contains(a.getAuthority()));
    }

    /** The result fragment for htmx, the whole page for a plain form post. */
    private static String view(String htmx) {
        return "true".equals(htmx) ? "import/page :: resultat" : "import/page";
    }

    private ResultView view(boolean stored, ImportService.Received received, ImportResult result, String token) {
        List<StatusRow> changes = result.statusChanges() == null ? List.of() : result.statusChanges().stream()
                .map(c -> new StatusRow(catalogue.find(c.indicator()).map(IndicatorDefinition::name).orElse(c.indicator()),
                        NorwegianTime.month(YearMonth.parse(c.month())), c.from().text(), c.to().text()))
                .toList();
        return new ResultView(stored, received.dataset().title(), received.upload().fileName(), result, changes, token);
    }

    private static HistoryRow historyRow(ImportEntry entry) {
        String dataset = ImportKind.find(entry.dataset()).map(ImportKind::title).orElse(entry.dataset());
        String when = NorwegianTime.second(entry.startedAt());
        String outcome = outcome(entry.outcome());
        boolean undoable = !entry.dryRun() && "stored".equals(entry.outcome()) && entry.undoneByImportId() == null;
        return new HistoryRow(entry, dataset, when, entry.dryRun() ? "Kontroll: " + outcome
                : Character.toUpperCase(outcome.charAt(0)) + outcome.substring(1), undoable);
    }

    /** The audit's outcomes in Norwegian (docs/file-formats.md lists them); a dry run's get «Kontroll: » before. */
    private static String outcome(String outcome) {
        return switch (outcome) {
            case "stored" -> "Lagret";
            case "validated" -> "uten feil";
            case "rejected" -> "feil i filen";
            case "refused" -> "avvist før lesing";
            case "busy" -> "ikke kjørt, en annen import pågikk";
            case "failed" -> "feilet";
            case "interrupted" -> "avbrutt";
            case "running" -> "pågår";
            case "undo" -> "angring av en import";
            default -> outcome;
        };
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
