package no.ukp.monitor.national;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.HashSet;
import java.util.Set;
import no.ukp.monitor.system.CsvExport;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/national/ranking}: the health communities of Norway and our municipalities ranked
 * by Helsedirektoratet's yearly UKP figures, as JSON or, with {@code Accept: text/csv}, as CSV (every
 * community and every municipality).
 */
@RestController
class NationalController {

    static final String PATH = "/api/v1/national/ranking";

    private final NationalComparison comparison;

    NationalController(NationalComparison comparison) {
        this.comparison = comparison;
    }

    @Operation(summary = "Our health community and municipalities ranked among all in Norway in a year and measure",
            description = "Rank 1 = best (lowest UKP-days per 1 000 inhabitants), ties share the better rank; percentile = "
                    + "100 (n − rank) / (n − 1); amongTheBest = rank ≤ max(1, ⌊n × ukp.national.best-fraction⌋); status "
                    + "green there, yellow within the better half, red otherwise. Communities are ranked by the crude rate only.")
    @GetMapping(path = PATH, produces = "application/json")
    NationalRanking ranking(@Parameter(description = "YYYY; default the latest year with national figures") @RequestParam(required = false) String year,
                            @Parameter(description = "ukp_days_per_1000 (default) | ukp_days_per_1000_standardised")
                            @RequestParam(required = false) String measure) {
        NationalMeasure m = NationalComparison.measure(measure);
        return comparison.ranking(comparison.year(year), m);
    }

    @GetMapping(path = PATH, produces = CsvExport.MEDIA_TYPE)
    @PreAuthorize(CsvExport.ROLE)
    ResponseEntity<String> rankingCsv(@RequestParam(required = false) String year, @RequestParam(required = false) String measure) {
        NationalMeasure m = NationalComparison.measure(measure);
        int y = comparison.year(year);
        NationalRanking ranking = comparison.ranking(y, m);
        Set<String> ours = new HashSet<>();
        ranking.ourMunicipalities().forEach(p -> ours.add(p.municipality()));
        return CsvExport.response("nasjonal-rangering-" + y + "-" + m.key() + ".csv", CsvExport.Dialect.RFC4180, csv -> {
            csv.header("level", "year", "measure", "id", "name", "community", "value", "rank", "n", "percentile", "among_the_best",
                    "status", "ours");
            if (m.ranksCommunities()) {
                NationalRanking.Ours our = ranking.ours();
                for (NationalRanking.Community c : ranking.communities()) {
                    boolean isOurs = c.community() != null && c.community().equals(our.community());
                    csv.row("community", y, m.key(), c.community(), c.name(), c.name(), c.value(), c.rank(), our.n(),
                            isOurs ? our.percentile() : null, isOurs ? our.amongTheBest() : null, isOurs ? our.status() : null,
                            isOurs);
                }
            }
            for (NationalRanking.Place p : comparison.allMunicipalities(y, m)) {
                csv.row("municipality", y, m.key(), p.municipality(), p.name(), p.community(), p.value(), p.rank(), p.n(),
                        p.percentile(), p.amongTheBest(), p.status(), ours.contains(p.municipality()));
            }
        });
    }
}
