package no.ukp.monitor.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code GET /api/v1/reports/monthly} as a PDF (latest month, whole health community), as user viewer. */
final class ReportLatency {

    static final String PATH = "/api/v1/reports/monthly?scope=total&format=pdf";

    /** Time to the last byte of the PDF. */
    record Figure(String request, Stats millis, int planned, boolean cutShort, int pdfBytes) {
    }

    private ReportLatency() {
    }

    static Figure measure(ServiceClient client, Repetitions repetitions, Progress progress) throws Exception {
        AtomicInteger size = new AtomicInteger();
        Repetitions.Timings t = repetitions.time(() -> {
            byte[] pdf = client.get(PATH, ServiceUnderTest.VIEWER, "application/pdf");
            if (pdf.length < 1000 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
                throw new IllegalStateException("the report is not a PDF (" + pdf.length + " bytes)");
            }
            size.set(pdf.length);
        });
        progress.step("PDF report: median %.0f ms (%.0f-%.0f ms, n=%d, %,d bytes)", t.millis().p50(), t.millis().min(),
                t.millis().max(), t.millis().n(), size.get());
        return new Figure("GET " + PATH + " (Accept: application/pdf)", t.millis(), t.planned(), t.cutShort(), size.get());
    }
}
