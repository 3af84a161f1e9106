package no.ukp.monitor.ingest;

import java.util.List;
import no.ukp.monitor.ingest.HistoryRepository.MonthlyStatisticsRevision;
import no.ukp.monitor.reference.MunicipalityNumbers;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.RequestMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/history/monthly-statistics?municipality=&month=}: every value a monthly
 * statistics row has had, oldest first, with the import that brought it and when.
 */
@RestController
@RequestMapping("/api/v1/history")
class HistoryController {

    private final HistoryRepository history;

    HistoryController(HistoryRepository history) {
        this.history = history;
    }

    @GetMapping("/monthly-statistics")
    List<MonthlyStatisticsRevision> monthlyStatistics(@RequestParam String municipality,
                                                      @RequestParam(required = false) String month,
                                                      @RequestParam(required = false) String area) {
        String number = MunicipalityNumbers.normalize(municipality).orElseThrow(() -> new InvalidRequest(
                "Kommunenummer må være 4 sifre: «" + municipality + "»"));
        return history.monthlyStatistics(number, month == null ? null : RequestMonth.parse(month), area);
    }
}
