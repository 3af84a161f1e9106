package no.ukp.monitor.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The synthetic demo plan: only beside synthetic demo figures, only into an empty plan, and saying it is synthetic. */
@DatabaseTest
class DemoPlanTest {

    @Autowired
    DemoPlan demo;
    @Autowired
    DSLContext dsl;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
        dsl.execute("TRUNCATE measure, measure_revision, measure_status");
    }

    @Test
    void shouldLoadASyntheticPlanBesideDemoFiguresOnly() {
        demo.loadBesideTheDemoFigures();
        assertThat(dsl.fetchCount(dsl.selectFrom("measure"))).as("no figures at all: no plan").isZero();

        new ImportClient(rest).store("monthly-statistics", "month,municipality,ukp_stays,zero_day_stays,ukp_days,discharged_home\n"
                + "2025-01,5001,10,8,3,2\n");
        demo.loadBesideTheDemoFigures();
        assertThat(dsl.fetchCount(dsl.selectFrom("measure"))).as("real figures: no made-up plan beside them").isZero();

        dsl.execute("UPDATE import SET synthetic = TRUE"); // as if the demo figures had loaded them
        demo.loadBesideTheDemoFigures();
        JsonNode plan = TestUsers.as(rest, "viewer").getForObject("/api/v1/measures", JsonNode.class);
        assertThat(plan).hasSize(DemoPlan.plan(java.time.YearMonth.now()).size());
        for (JsonNode measure : plan) {
            assertThat(measure.path("synthetic").asBoolean()).isTrue();
            assertThat(measure.path("description").asText()).startsWith("Syntetisk eksempel");
            assertThat(measure.path("statuses")).as("the last three months").hasSize(3);
            assertThat(measure.path("indicators")).isNotEmpty();
            measure.path("activities").forEach(a -> assertThat(a.path("scope").asText()).as("an activity in its measure's scope")
                    .isEqualTo(measure.path("scope").asText()));
        }
        demo.loadBesideTheDemoFigures();
        assertThat(TestUsers.as(rest, "viewer").getForObject("/api/v1/measures", JsonNode.class)).as("only into an empty plan")
                .hasSize(plan.size());
    }
}
