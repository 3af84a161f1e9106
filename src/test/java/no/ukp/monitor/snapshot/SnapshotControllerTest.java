package no.ukp.monitor.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@DatabaseTest
class SnapshotControllerTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @Test
    void shouldShowTheLatestSnapshotOfEachMunicipalityInTheScope() {
        TestDatabase.clean(dsl);
        String csv = """
                timestamp,municipality,ukp_patients,waiting_over_1_day
                2025-06-29T08:00+02:00,5021,5,2
                2025-06-30T08:00+02:00,5021,3,1
                2025-06-30T08:00+02:00,5022,2,
                2025-06-30T08:00+02:00,5001,20,9
                """;
        new ImportClient(rest).store("snapshots", csv);

        JsonNode latest = TestUsers.as(rest, "viewer")
                .getForObject("/api/v1/snapshots/latest?scope=region:fjellregionen", JsonNode.class);

        assertThat(latest.get("scopeName").asText()).isEqualTo("Fjellregionen");
        assertThat(latest.get("ukpPatients").asInt()).isEqualTo(3 + 2);
        assertThat(latest.get("waitingOver1Day").asInt()).isEqualTo(1);
        assertThat(latest.get("municipalities")).hasSize(2);
        assertThat(latest.get("municipalities").get(0).get("municipalityName").asText()).isEqualTo("Oppdal");
        assertThat(latest.get("municipalities").get(0).get("ukpPatients").asInt()).isEqualTo(3);
        assertThat(latest.get("municipalities").get(1).get("waitingOver1Day").isNull()).isTrue();

        JsonNode total = TestUsers.as(rest, "viewer").getForObject("/api/v1/snapshots/latest", JsonNode.class);
        assertThat(total.get("ukpPatients").asInt()).isEqualTo(3 + 2 + 20);
        assertThat(TestUsers.as(rest, "viewer").getForEntity("/api/v1/snapshots/latest?scope=region:nowhere", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
