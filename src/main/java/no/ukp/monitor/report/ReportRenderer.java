package no.ukp.monitor.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import no.ukp.monitor.reference.Scope;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * One Thymeleaf template gives the HTML page and, through openhtmltopdf, the PDF: selectable
 * text, the report's own font embedded (æøå), the SVG charts drawn as vectors.
 */
@Component
class ReportRenderer {

    static final String FONT = "DejaVu Sans";

    static {
        XRLog.setLoggerImpl(new OpenHtmlToPdfLogging());
    }

    private final ITemplateEngine templates;
    private final NationalSections national;

    ReportRenderer(ITemplateEngine templates, NationalSections national) {
        this.templates = templates;
        this.national = national;
    }

    /** The report as a stand-alone HTML page: inline CSS and SVG, no external resources. */
    String html(MonthlyReport report, List<Scope> scopes) {
        return render(report, false, scopes);
    }

    /** The report as PDF (A4). */
    byte[] pdf(MonthlyReport report) {
        String html = render(report, true, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("/fonts/DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("/fonts/DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useUnicodeLineBreaker(new NumberKeepingLineBreaker());
            builder.withHtmlContent(html, ReportRenderer.class.getResource("/templates/report/").toExternalForm());
            builder.withProducer("UKP monitor");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The page shown at / while no monthly statistics are imported. */
    String empty() {
        return templates.process("report/empty", new Context());
    }

    private String render(MonthlyReport report, boolean pdf, List<Scope> scopes) {
        Context context = new Context();
        context.setVariable("r", report);
        context.setVariable("pdf", pdf);
        context.setVariable("scopes", scopes);
        context.setVariable("national", national.section(report.month()));
        return templates.process("report/monthly", context);
    }

    private static InputStream font(String resource) {
        InputStream in = ReportRenderer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the report font " + resource + " is missing from the jar");
        }
        return in;
    }
}
