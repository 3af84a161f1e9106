package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The catalogue is data: {@code GET /api/v1/indicators} serves the rows of table {@code indicator}
 * with the contract's names, and {@code /api/v1/kpis} lists one entry per row, a new row included,
 * without a line of code about it.
 */
@DatabaseTest
class IndicatorCatalogueTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @Test
    void shouldServeEveryRowOfTheCatalogueWithTheContractsNames() {
        JsonNode catalogue = TestUsers.as(rest, "viewer").getForObject("/api/v1/indicators", JsonNode.class);
        List<Record> rows = dsl.resultQuery("SELECT id, name, short_name, unit, direction, decimals, description, "
                + "array_to_string(windows, ',') AS windows, status_window FROM indicator ORDER BY sort_order").fetch();

        assertThat(catalogue).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Record row = rows.get(i);
            JsonNode entry = catalogue.get(i);
            assertThat(entry.get("id").asText()).isEqualTo(row.get("id", String.class));
            assertThat(entry.get("name").asText()).isEqualTo(row.get("name", String.class));
            assertThat(entry.get("shortName").asText()).isEqualTo(row.get("short_name", String.class)).isNotBlank();
            assertThat(entry.get("unit").asText()).isEqualTo(row.get("unit", String.class));
            assertThat(entry.get("direction").asText()).isEqualTo(row.get("direction", String.class));
            assertThat(entry.get("decimals").asInt()).isEqualTo(row.get("decimals", Integer.class));
            assertThat(entry.get("description").asText()).isEqualTo(row.get("description", String.class)).isNotBlank();
            List<String> windows = new ArrayList<>();
            entry.get("windows").forEach(w -> windows.add(w.asText()));
            assertThat(String.join(",", windows)).isEqualTo(row.get("windows", String.class));
            assertThat(entry.get("statusWindow").asText()).isEqualTo(row.get("status_window", String.class));
        }
        // what the issue decided: decimals as people see them, the projection only for ukp_days
        JsonNode days = catalogue.get(0);
        assertThat(days.get("id").asText()).isEqualTo("ukp_days");
        assertThat(days.get("windows").toString()).isEqualTo("[\"month\",\"ytd\",\"rolling12\",\"projectedYear\"]");
        assertThat(days.get("targetPeriod").asText()).isEqualTo("year");
        assertThat(catalogue.get(1).get("decimals").asInt()).as("zero_day_share in percent with one decimal").isEqualTo(1);
        assertThat(catalogue.get(2).get("decimals").asInt()).as("avg_ukp_days in days with two decimals").isEqualTo(2);
    }

    @Test
    void shouldListANewCatalogueRowInTheKpisWithoutCode() {
        TestDatabase.clean(dsl);
        new ImportClient(rest).store("monthly-statistics", ImportClient.resource(KpiApiTest.class, "kpi-api-monthly.csv"));
        dsl.execute("INSERT INTO indicator (id, sort_order, name, short_name, direction, unit, decimals, windows, description) "
                + "VALUES ('catalogue_test', 99, 'Prøveindikator', 'Prøve', 'at_least', 'share', 1, '{month}', 'Bare for en test.')");
        try {
            JsonNode kpis = TestUsers.as(rest, "viewer").getForObject("/api/v1/kpis", JsonNode.class);
            JsonNode last = kpis.get("indicators").get(kpis.get("indicators").size() - 1);
            assertThat(last.get("id").asText()).isEqualTo("catalogue_test");
            assertThat(last.get("name").asText()).isEqualTo("Prøveindikator");
            assertThat(last.get("values").toString()).as("its windows, no value: no view computes it")
                    .isEqualTo("{\"month\":null}");
            assertThat(last.get("status").asText()).as("no target row applies to it").isEqualTo("no_target");

            ResponseEntity<String> wrongWindow = TestUsers.as(rest, "viewer")
                    .getForEntity("/api/v1/kpis/series?indicator=catalogue_test&window=ytd", String.class);
            assertThat(wrongWindow.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(wrongWindow.getBody()).contains("Ukjent vindu «ytd» for catalogue_test: bruk month");
        } finally {
            dsl.execute("DELETE FROM indicator WHERE id = 'catalogue_test'");
        }
    }
}
