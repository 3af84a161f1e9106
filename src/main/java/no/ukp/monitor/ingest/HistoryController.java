package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.IMPORT;
import static no.ukp.monitor.db.Tables.MONTHLY_STATISTICS_REVISION;

import java.time.OffsetDateTime;
import java.util.List;
import no.ukp.monitor.reference.MunicipalityNumbers;
import no.ukp.monitor.system.RequestMonth;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/history/monthly-statistics?municipality=&month=}: every value a monthly
 * statistics row has had, oldest first, with the import that brought it and when.
 */
@RestController
@RequestMapping("/api/v1/history")
class HistoryController {

    private final DSLContext dsl;

    HistoryController(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One accepted version of a monthly statistics row. */
    record MonthlyStatisticsRevision(String month, String municipality, String area, int revision, int ukpStays,
                                     int zeroDayStays, int ukpDays, int dischargedHome, Integer readmissions30d,
                                     long importId, String fileName, String importedBy, OffsetDateTime recordedAt) {
    }

    @GetMapping("/monthly-statistics")
    List<MonthlyStatisticsRevision> monthlyStatistics(@RequestParam String municipality,
                                                      @RequestParam(required = false) String month,
                                                      @RequestParam(required = false) String area) {
        String number = MunicipalityNumbers.normalize(municipality).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "Kommunenummer må være 4 sifre: «" + municipality + "»"));
        var condition = MONTHLY_STATISTICS_REVISION.MUNICIPALITY.eq(number);
        if (month != null) {
            condition = condition.and(MONTHLY_STATISTICS_REVISION.MONTH.eq(RequestMonth.parse(month).atDay(1)));
        }
        if (area != null) {
            condition = condition.and(MONTHLY_STATISTICS_REVISION.AREA.eq(area));
        }
        var r = MONTHLY_STATISTICS_REVISION;
        return dsl.select(DSL.toChar(r.MONTH, "YYYY-MM"), r.MUNICIPALITY, r.AREA, r.REVISION, r.UKP_STAYS,
                        r.ZERO_DAY_STAYS, r.UKP_DAYS, r.DISCHARGED_HOME, r.READMISSIONS_30D, r.IMPORT_ID, IMPORT.FILE_NAME,
                        IMPORT.IMPORTED_BY, r.RECORDED_AT)
                .from(r)
                .join(IMPORT).on(IMPORT.ID.eq(r.IMPORT_ID))
                .where(condition)
                .orderBy(r.MONTH, r.AREA, r.REVISION)
                .fetch(Records.mapping(MonthlyStatisticsRevision::new));
    }
}
