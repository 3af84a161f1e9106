package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR;
import static no.ukp.monitor.db.Tables.INDICATOR_SETTING;
import static no.ukp.monitor.db.Tables.MUNICIPALITY;
import static no.ukp.monitor.db.Tables.SCOPE_MUNICIPALITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.database.JooqModelTest;
import no.ukp.monitor.db.DefaultSchema;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tables, seeds and the analysts' read-only role of V3__indicators.sql, and the scopes of R__indicator_views.sql. */
@DatabaseTest
class IndicatorSchemaTest {

    static final List<String> VIEWS = List.of("scope_municipality", "indicator_scope", "scope_population",
            "indicator_month", "indicator_window_sums", "indicator_value", "indicator_coverage",
            "indicator_target_period", "indicator_target_at", "indicator_status");

    @Autowired
    DSLContext dsl;

    @Test
    void shouldSeedTheSixIndicatorsOfTheCommitteeAndTheRatePerThousand() {
        Map<String, String> directions = dsl.selectFrom(INDICATOR).orderBy(INDICATOR.SORT_ORDER)
                .fetchMap(INDICATOR.ID, INDICATOR.DIRECTION);
        assertThat(directions).containsExactly(
                Map.entry("ukp_days", "at_most"),
                Map.entry("zero_day_share", "at_least"),
                Map.entry("avg_ukp_days", "at_most"),
                Map.entry("direct_home_share", "at_least"),
                Map.entry("readmission_30d_share", "at_most"),
                Map.entry("short_term_los_change", "at_most"),
                Map.entry("ukp_days_per_1000", "at_most"));
        assertThat(dsl.fetchValue(dsl.select(INDICATOR.NAME).from(INDICATOR).where(INDICATOR.ID.eq("zero_day_share"))))
                .isEqualTo("Andel UKP med opphold 0 døgn");
        assertThat(dsl.fetchValue(dsl.select(INDICATOR.UNIT).from(INDICATOR).where(INDICATOR.ID.eq("direct_home_share"))))
                .isEqualTo("share");
    }

    @Test
    void shouldKeepTheBaselineYearAndTheStartOfMeasurementAsData() {
        Map<String, String> settings = dsl.selectFrom(INDICATOR_SETTING).fetchMap(INDICATOR_SETTING.KEY, INDICATOR_SETTING.VALUE);
        assertThat(settings).containsKeys("baseline_year", "measurement_start_month");
        assertThat(settings.get("baseline_year")).matches("[0-9]{4}");
        assertThat(settings.get("measurement_start_month")).matches("[0-9]{4}-[0-9]{2}");
    }

    @Test
    void shouldMakeScopesOfTheTotalTheRegionsAndTheMunicipalities() {
        List<String> all = dsl.fetch(MUNICIPALITY).getValues(MUNICIPALITY.NUMBER);
        assertThat(municipalitiesOf("total", "total")).containsExactlyInAnyOrderElementsOf(all);
        assertThat(municipalitiesOf("region", "fjellregionen")).containsExactlyInAnyOrder("5021", "5022", "5025", "5026");
        assertThat(municipalitiesOf("municipality", "5001")).containsExactly("5001");
        assertThat(dsl.fetchValue(dsl.selectDistinct(SCOPE_MUNICIPALITY.SCOPE_NAME).from(SCOPE_MUNICIPALITY)
                .where(SCOPE_MUNICIPALITY.SCOPE_TYPE.eq("total")))).isEqualTo("Helsefellesskapet");
    }

    @Test
    void shouldGiveAnalystsAReadOnlyRole() {
        assertThat(dsl.fetchSingle("SELECT count(*) FROM pg_roles WHERE rolname = 'ukp_reader'").get(0, Long.class)).isEqualTo(1);
        for (String relation : List.of("indicator_value", "indicator_status", "monthly_statistics", "indicator_target")) {
            assertThat(dsl.fetchSingle("SELECT has_table_privilege('ukp_reader', ?, 'SELECT')", relation).get(0, Boolean.class))
                    .as("SELECT on %s", relation).isTrue();
            assertThat(dsl.fetchSingle("SELECT has_table_privilege('ukp_reader', ?, 'INSERT, UPDATE, DELETE, TRUNCATE')",
                    relation).get(0, Boolean.class)).as("writing %s", relation).isFalse();
        }
        // granted nothing but SELECT anywhere
        assertThat(dsl.fetch("SELECT table_name, privilege_type FROM information_schema.role_table_grants "
                + "WHERE grantee = 'ukp_reader' AND privilege_type <> 'SELECT'")).isEmpty();
        // and SELECT on what later migrations create
        assertThat(dsl.fetchSingle("SELECT count(*) FROM pg_default_acl d, aclexplode(d.defaclacl) a "
                + "WHERE d.defaclnamespace = 'public'::regnamespace AND d.defaclobjtype = 'r' "
                + "AND a.grantee = 'ukp_reader'::regrole AND a.privilege_type = 'SELECT'").get(0, Long.class)).isEqualTo(1);
    }

    /**
     * The views are in the generated jOOQ model with the types the database gives them (compared as
     * {@link JooqModelTest#describe} says them).
     */
    @Test
    void shouldGenerateTheIndicatorTablesAndViewsWithTheTypesOfTheDatabase() {
        Map<String, Map<String, String>> generated = JooqModelTest.describe(DefaultSchema.DEFAULT_SCHEMA.getTables());
        Map<String, Map<String, String>> migrated = JooqModelTest.describe(dsl.meta().getSchemas("public").get(0).getTables().stream()
                .filter(t -> !t.getName().equals("flyway_schema_history"))
                .toList());
        assertThat(generated).containsKeys(VIEWS.toArray(String[]::new));
        assertThat(generated).containsKeys("indicator", "indicator_setting", "indicator_target");
        assertThat(generated).isEqualTo(migrated);
    }

    private List<String> municipalitiesOf(String scopeType, String scopeId) {
        return dsl.select(SCOPE_MUNICIPALITY.MUNICIPALITY).from(SCOPE_MUNICIPALITY)
                .where(SCOPE_MUNICIPALITY.SCOPE_TYPE.eq(scopeType), SCOPE_MUNICIPALITY.SCOPE_ID.eq(scopeId))
                .fetch(SCOPE_MUNICIPALITY.MUNICIPALITY);
    }
}
