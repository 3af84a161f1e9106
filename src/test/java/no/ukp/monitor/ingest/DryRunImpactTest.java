package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** A dry run lists the total scope's statuses of the latest month that the file would change. */
@DatabaseTest
class DryRunImpactTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @Test
    void shouldListTheStatusChangesOfTheTotalAndStoreNothing() {
        TestDatabase.clean(dsl);
        ImportClient client = new ImportClient(rest);
        // rolling12 of 2025-05: 0-day share 95 / 100 = 0.95 (green), home 40 / 100 (green)
        client.postCsv("monthly-statistics", """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2025-05,5001,100,95,5,40,10
                """);
        // adding Melhus: 0-day (95 + 5) / 120 = 0.833 (red); home 45 / 120 = 0.375 (green);
        // readmissions (10 + 10) / 120 = 0.1667 (yellow: above 0.16, within 0.176)
        String file = """
                month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home,readmissions_30d
                2025-05,5028,20,5,15,5,10
                """;
        JsonNode result = client.post("monthly-statistics", file.getBytes(StandardCharsets.UTF_8), ImportClient.CSV, true).getBody();

        assertThat(result.get("statusChanges").toString()).isEqualTo("["
                + "{\"indicator\":\"readmission_30d_share\",\"month\":\"2025-05\",\"from\":\"green\",\"to\":\"yellow\"},"
                + "{\"indicator\":\"zero_day_share\",\"month\":\"2025-05\",\"from\":\"green\",\"to\":\"red\"}]");
        assertThat(dsl.fetchCount(dsl.selectFrom("monthly_statistics"))).isEqualTo(1);
        assertThat(dsl.fetchCount(dsl.selectFrom("monthly_statistics_revision"))).isEqualTo(1);
    }
}
