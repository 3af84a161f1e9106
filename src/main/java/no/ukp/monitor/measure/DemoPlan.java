package no.ukp.monitor.measure;

import static no.ukp.monitor.db.Tables.IMPORT;
import static no.ukp.monitor.db.Tables.MEASURE;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import no.ukp.monitor.measure.Measures.MeasureInput;
import no.ukp.monitor.measure.Measures.StatusInput;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small SYNTHETIC action plan beside the synthetic demo figures, so that the plan's pages, the
 * report and the dashboards are not empty on a first start: made-up measures, marked synthetic
 * (and saying so in their description), added as user {@code demo} once the demo figures are in
 * and while the plan is empty. Never beside real figures.
 */
@Component
class DemoPlan {

    private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);
    static final String USER = "demo";
    private static final String SYNTHETIC = "Syntetisk eksempel (demodata): ";

    private final MeasureRepository measures;
    private final DSLContext dsl;
    private final Clock clock;

    DemoPlan(MeasureRepository measures, DSLContext dsl, Clock clock) {
        this.measures = measures;
        this.dsl = dsl;
        this.clock = clock;
    }

    /** After the demo figures (which load at order 0). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void loadBesideTheDemoFigures() {
        boolean demoFigures = dsl.fetchExists(IMPORT, IMPORT.SYNTHETIC.isTrue());
        boolean realFigures = dsl.fetchExists(IMPORT, IMPORT.SYNTHETIC.isFalse(), IMPORT.OUTCOME.eq("stored"));
        if (!demoFigures || realFigures || dsl.fetchExists(MEASURE)) {
            return;
        }
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        for (MeasureInput measure : plan(last)) {
            long id = measures.create(measure, USER, true);
            // a status for each of the last three months: the committee reports monthly
            for (int k = 2; k >= 0; k--) {
                String status = k == 0 && measure.priority().equals("hoy") ? "yellow" : "green";
                measures.setStatus(id, new StatusInput(last.minusMonths(k).toString(), status,
                        status.equals("green") ? "Går etter planen." : "Forsinket rekruttering, tiltak iverksatt."), USER);
            }
        }
        log.warn("Empty action plan beside SYNTHETIC demo figures: loaded a SYNTHETIC demo plan of {} measures", plan(last).size());
    }

    /** The demo plan, its start months relative to the last full month so that some effects can be judged. */
    static List<MeasureInput> plan(YearMonth last) {
        return List.of(
                measure("Forsterket utskrivningsteam", "Tverrfaglig team som planlegger utskrivning fra innleggelsesdagen.",
                        "Trondheim kommune", "hoy", "stort", last.minusMonths(14), null, "municipality:5001",
                        List.of("ukp_days", "avg_ukp_days"),
                        activity("Rekruttere koordinatorer", last.minusMonths(14)),
                        activity("Felles rutine for utskrivningssamtale", last.minusMonths(12))),
                measure("Daglige tavlemøter sykehus–kommune", "Felles oversikt over utskrivningsklare pasienter hver morgen.",
                        "St. Olavs hospital og kommunene", "hoy", "middels", last.minusMonths(10), null, "total",
                        List.of("ukp_days", "zero_day_share"),
                        activity("Felles tavle i meldingsløsningen", last.minusMonths(10))),
                measure("Hjemmebesøk innen 24 timer", "Hjemmetjenesten besøker pasienten dagen etter utskrivning.",
                        "Hjemmetjenesten", "middel", "middels", last.minusMonths(8), last.plusMonths(4), "region:trondheimsomradet",
                        List.of("direct_home_share", "readmission_30d_share")),
                measure("Flere korttidsplasser på Øya helsehus", "Midlertidig økt kapasitet i vinterhalvåret.",
                        "Trondheim kommune", "middel", "stort", last.minusMonths(5), last.plusMonths(1), "municipality:5001",
                        List.of("short_term_los_change")),
                measure("Kompetanseheving i hjemmetjenesten", "Opplæring i oppfølging av skrøpelige eldre.",
                        "Kommunene", "lav", "lite", last.minusMonths(3), null, "total", List.of("readmission_30d_share")));
    }

    private static MeasureInput measure(String title, String description, String owner, String priority, String size,
                                        YearMonth start, YearMonth end, String scope, List<String> indicators,
                                        MeasureInput... activities) {
        return new MeasureInput(null, title, SYNTHETIC + description, owner, priority, size, start.toString(),
                end == null ? null : end.toString(), scope, indicators, List.of(activities));
    }

    private static MeasureInput activity(String title, YearMonth start) {
        return new MeasureInput(null, title, null, null, null, null, start.toString(), null, null, List.of(), List.of());
    }
}
