package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The plausibility warnings of an import (issue 15, DHIS2's outlier check as the model): a value far outside the
 * municipality's last 24 months of the same column by the modified z-score, with the minimum difference, the
 * minimum history and the mean-absolute-deviation fallback computed by hand here; a known value becoming unknown;
 * no check of a file over the row limit (30 in this test).
 */
@DatabaseTest
@TestPropertySource(properties = "ukp.import.plausibility.max-rows=30")
class PlausibilityTest {

    private static final String HEADER = "måned,kommunenr,ukp_opphold,opphold_0_døgn,ukp_døgn,rett_hjem,reinnleggelser_30d\n";
    /** 2025's UKP-days of 5001: median 274.5, median absolute deviation 4.5 (sorted deviations 0.5 … 10.5). */
    private static final int[] DAYS = {270, 280, 275, 265, 285, 274, 276, 268, 282, 279, 271, 273};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    private ImportClient imports;

    @BeforeEach
    void history() {
        TestDatabase.clean(dsl);
        imports = new ImportClient(rest);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int m = 1; m <= 12; m++) {
            csv.append(String.format("2025-%02d,5001,40,30,%d,12,3%n", m, DAYS[m - 1]));
        }
        imports.store("monthly-statistics", csv.toString());
    }

    @Test
    void shouldWarnAboutAValueFarOutsideTheMunicipalitysHistoryWithItsUsualRange() {
        JsonNode answer = dryRun(HEADER + "2026-01,5001,40,30,1210,12,3\n");
        assertThat(answer.path("outcome").asText()).as("a warning does not refuse the file").isEqualTo("validated");
        assertThat(answer.path("implausible").asInt()).isEqualTo(1);
        JsonNode warning = only(answer);
        assertThat(warning.path("line").asInt()).isEqualTo(2);
        assertThat(warning.path("column").asText()).as("the column as the file writes it").isEqualTo("ukp_døgn");
        assertThat(warning.path("value").asText()).isEqualTo("1210");
        // usual range: 274.5 ± 3.5 × 4.5 / 0.6745 = 274.5 ± 23.35 → 252–297
        assertThat(warning.path("message").asText()).contains("Uvanlig høy verdi", "median 274,5", "de siste 12 månedene",
                "vanlig område 252–297");
    }

    @Test
    void shouldWarnOnlyBeyondTheThresholdOfTheModifiedZScore() {
        // 297: 0.6745 × 22.5 / 4.5 = 3.37, not above 3.5; 299: 0.6745 × 24.5 / 4.5 = 3.67
        assertThat(warnings(dryRun(HEADER + "2026-01,5001,40,30,297,12,3\n"))).isEmpty();
        assertThat(warnings(dryRun(HEADER + "2026-01,5001,40,30,299,12,3\n"))).singleElement()
                .satisfies(w -> assertThat(w.path("value").asText()).isEqualTo("299"));
        // low values too: 252 is inside, 250 (0.6745 × 24.5 / 4.5) outside
        assertThat(warnings(dryRun(HEADER + "2026-01,5001,40,30,252,12,3\n"))).isEmpty();
        assertThat(only(dryRun(HEADER + "2026-01,5001,40,30,250,12,3\n")).path("message").asText()).contains("Uvanlig lav verdi");
    }

    @Test
    void shouldUseTheMeanAbsoluteDeviationWhereTheMedianDeviationIsZeroAndNeedTheMinimumDifference() {
        // discharged home: eleven months of 12 and one of 30 → median 12, MAD 0; mean 13.5, mean absolute deviation
        // (11 × 1.5 + 16.5) / 12 = 2.75; M = (x − 12) / (1.2533 × 2.75): 25 → 3.77, 24 → 3.48
        StringBuilder csv = new StringBuilder(HEADER);
        for (int m = 1; m <= 12; m++) {
            csv.append(String.format("2025-%02d,5001,40,30,%d,%d,3%n", m, DAYS[m - 1], m == 6 ? 30 : 12));
        }
        imports.store("monthly-statistics", csv.toString());
        assertThat(only(dryRun(HEADER + "2026-01,5001,40,30,274,25,3\n")).path("column").asText()).isEqualTo("rett_hjem");
        assertThat(warnings(dryRun(HEADER + "2026-01,5001,40,30,274,24,3\n"))).isEmpty();
        // the number of stays never varied (MAD and mean deviation 0): any change warns, but only from 10 on
        assertThat(warnings(dryRun(HEADER + "2026-01,5001,49,30,274,12,3\n"))).isEmpty();
        assertThat(only(dryRun(HEADER + "2026-01,5001,50,30,274,12,3\n")).path("column").asText()).isEqualTo("ukp_opphold");
    }

    @Test
    void shouldNeedSixMonthsOfHistory() {
        TestDatabase.clean(dsl);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int m = 1; m <= 5; m++) {
            csv.append(String.format("2025-%02d,5001,40,30,%d,12,3%n", m, DAYS[m - 1]));
        }
        imports.store("monthly-statistics", csv.toString());
        assertThat(warnings(dryRun(HEADER + "2026-01,5001,40,30,1210,12,3\n"))).as("five months are too few").isEmpty();
        imports.store("monthly-statistics", HEADER + "2025-06,5001,40,30,274,12,3\n");
        assertThat(warnings(dryRun(HEADER + "2026-01,5001,40,30,1210,12,3\n"))).as("six are enough").hasSize(1);
    }

    @Test
    void shouldWarnWhenAKnownValueBecomesUnknown() {
        JsonNode answer = dryRun(HEADER + "2025-12,5001,40,30,273,12,\n");
        assertThat(answer.path("implausible").asInt()).isEqualTo(1);
        JsonNode warning = only(answer);
        assertThat(warning.path("line").asInt()).isEqualTo(2);
        assertThat(warning.path("column").asText()).isEqualTo("reinnleggelser_30d");
        assertThat(warning.path("message").asText()).contains("Kjent verdi blir ukjent", "3");
    }

    @Test
    void shouldSayOnceThatALargeFileIsNotCheckedAgainstTheHistory() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int m = 1; m <= 31; m++) {
            csv.append(String.format("%d-%02d,5001,40,30,%d,12,3%n", 2023 + (m - 1) / 12, (m - 1) % 12 + 1, m == 31 ? 1210 : 274));
        }
        List<JsonNode> warnings = warnings(dryRun(csv.toString()));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.path("line").asInt()).isZero();
            assertThat(w.path("message").asText()).contains("ikke sjekket", "31 rader", "30 rader");
        });
    }

    private JsonNode dryRun(String csv) {
        ResponseEntity<JsonNode> answer = imports.post("monthly-statistics", csv.getBytes(StandardCharsets.UTF_8), ImportClient.CSV, true);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    private static List<JsonNode> warnings(JsonNode answer) {
        List<JsonNode> warnings = new ArrayList<>();
        answer.path("warnings").forEach(warnings::add);
        return warnings;
    }

    private static JsonNode only(JsonNode answer) {
        List<JsonNode> warnings = warnings(answer);
        assertThat(warnings).as("%s", answer).hasSize(1);
        return warnings.get(0);
    }
}
