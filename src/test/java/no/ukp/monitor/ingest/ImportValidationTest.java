package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** One failing fixture per validation rule: the line and column are named, nothing is stored. */
@DatabaseTest
class ImportValidationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    @ParameterizedTest(name = "{0}: line {2}, column {3}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-municipality.csv              | monthly-statistics | 3 | municipality       | Ukjent kommunenummer
            malformed-month.csv                   | monthly-statistics | 3 | month              | ÅÅÅÅ-MM, MM.ÅÅÅÅ eller ÅÅÅÅ-MM-01
            impossible-month.csv                  | monthly-statistics | 3 | month              | Måneden finnes ikke
            future-month.csv                      | monthly-statistics | 3 | month              | etter inneværende måned
            non-integer-count.csv                 | monthly-statistics | 3 | ukp_stays          | heltall
            negative-count.csv                    | monthly-statistics | 3 | discharged_home    | negativ
            missing-value.csv                     | monthly-statistics | 3 | ukp_days           | Mangler verdi
            zero-day-stays-exceed-stays.csv       | monthly-statistics | 3 | zero_day_stays     | kan ikke være flere enn UKP-opphold
            discharged-home-exceeds-stays.csv     | monthly-statistics | 3 | discharged_home    | kan ikke være flere enn UKP-opphold
            readmissions-exceed-stays.csv         | monthly-statistics | 3 | readmissions_30d   | kan ikke være flere enn UKP-opphold
            too-few-ukp-days.csv                  | monthly-statistics | 3 | ukp_days           | kan ikke være færre
            duplicate-key.csv                     | monthly-statistics | 4 | month              | som linje 2
            duplicate-key-after-mapping.csv       | monthly-statistics | 3 | month              | som linje 2
            missing-column.csv                    | monthly-statistics | 1 | ukp_days           | mangler i overskriften
            unknown-area.csv                      | monthly-statistics | 3 | area               | Ukjent område
            header-only.csv                       | monthly-statistics | 2 | ''                 | bare overskriftslinjen
            empty.csv                             | monthly-statistics | 1 | ''                 | Filen er tom
            extra-cells.csv                       | monthly-statistics | 3 | kolonne 9          | flere verdier
            short-term-bad-unit.csv               | short-term-stays   | 3 | unit               | Enheten
            snapshot-waiting-exceeds-patients.csv | snapshots          | 3 | waiting_over_1_day | kan ikke være flere enn UKP-pasienter
            snapshot-future-timestamp.csv         | snapshots          | 3 | timestamp          | fram i tid
            population-zero.csv                   | population         | 3 | population         | større enn 0
            population-future-year.csv            | population         | 3 | year               | etter inneværende år
            """)
    void shouldRejectTheFileNamingLineAndColumnAndStoreNothing(String fixture, String dataset, int line, String column,
                                                               String message) {
        ResponseEntity<JsonNode> response = new ImportClient(rest).post(dataset,
                ImportClient.resource(ImportValidationTest.class, "invalid/" + fixture), ImportClient.CSV, false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors).as("errors of %s: %s", fixture, errors).hasSize(1);
        JsonNode error = errors.get(0);
        assertThat(error.get("line").asInt()).isEqualTo(line);
        assertThat(error.get("column").asText()).isEqualTo(column);
        assertThat(error.get("message").asText()).contains(message);
        assertThat(storedRows()).as("nothing stored").isZero();
        assertThat(dsl.fetchSingle("SELECT outcome FROM import WHERE id = ?", response.getBody().get("importId").asLong())
                .get(0, String.class)).isEqualTo("rejected");
    }

    @Test
    void shouldShowTheKeyADuplicateLineRepeatsAsItIsStored() {
        ResponseEntity<JsonNode> response = new ImportClient(rest).post("monthly-statistics",
                ImportClient.resource(ImportValidationTest.class, "invalid/duplicate-key-after-mapping.csv"), ImportClient.CSV,
                false);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        // 1601 (old Trondheim) is 5001 once mapped: the key as stored, month as a date
        assertThat(response.getBody().get("errors").get(0).get("value").asText()).isEqualTo("2025-01-01 / 5001 / somatikk");
    }

    @Test
    void shouldReportEveryBadRowOfTheFileAtOnce() {
        String csv = """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home
                2025-01,5001,10,8,5,3
                2025-01,9999,10,8,5,3
                2025-02,5001,ti,8,5,3
                2025-03,5001,10,8,5,30
                """;
        ResponseEntity<JsonNode> response = new ImportClient(rest).postCsv("monthly-statistics", csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<String> places = new ArrayList<>();
        response.getBody().get("errors").forEach(e -> places.add(e.get("line").asInt() + ":" + e.get("column").asText()));
        assertThat(places).containsExactly("3:municipality", "4:ukp_stays", "5:discharged_home");
        assertThat(storedRows()).isZero();
    }

    @Test
    void shouldCapTheListedErrorsAndSayThatThereAreMore() {
        StringBuilder csv = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home\n");
        for (int i = 0; i < 1500; i++) {
            csv.append("2025-01,9999,10,8,5,3\n");
        }
        ResponseEntity<JsonNode> response = new ImportClient(rest).postCsv("monthly-statistics", csv.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors")).hasSize(1000);
        assertThat(response.getBody().get("errorsTruncated").asBoolean()).isTrue();
    }

    @Test
    void shouldRejectAWholeFileWhenOnlyItsLastRowIsBad() {
        StringBuilder csv = new StringBuilder("month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home\n");
        for (int m = 1; m <= 12; m++) {
            csv.append(String.format("2024-%02d,5001,10,8,5,3%n", m));
        }
        csv.append("2024-12,5028,10,8,5,-1\n");
        ResponseEntity<JsonNode> response = new ImportClient(rest).postCsv("monthly-statistics", csv.toString());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("errors").get(0).get("line").asInt()).isEqualTo(14);
        assertThat(storedRows()).isZero();
    }

    private long storedRows() {
        return dsl.fetchSingle("SELECT (SELECT count(*) FROM monthly_statistics) + (SELECT count(*) FROM monthly_statistics_revision)"
                + " + (SELECT count(*) FROM short_term_stays) + (SELECT count(*) FROM snapshot)"
                + " + (SELECT count(*) FROM population)").get(0, Long.class);
    }
}
