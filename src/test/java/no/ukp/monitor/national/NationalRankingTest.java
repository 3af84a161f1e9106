package no.ukp.monitor.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The national ranking, hand-computed. 2024, five communities:
 * <pre>
 *   St. Olav (ours)  5001 100 days / 10 000 + 5028 50 / 5 000 = 150 / 15 000 = 10.0  rank 1
 *   Beta             2222  40 / 4 000                          = 10.0              rank 1 (tie)
 *   Alfa (one member) 1111 20 / 1 000                          = 20.0              rank 3
 *   Delta            4444  30 / 1 000                          = 30.0              rank 4
 *   Gamma            3333   5 / 1 000 + 3334 10 / (blank)      = no value, not in n
 * </pre>
 * n = 4; ours: percentile 100 · (4 − 1) / 3 = 100, among the best (1 ≤ max(1, ⌊4/4⌋) = 1), green; Alfa
 * rank 3 > ⌊4/2⌋: red. Municipalities, crude: 3333 5 (1); 5001, 5028, 2222 10 (2); 1111 20 (5); 4444 30 (6);
 * 3334 none; n = 6: 5001 rank 2, percentile 100 · 4 / 5 = 80, not among the best (2 > max(1, ⌊6/4⌋)),
 * yellow (2 ≤ 3). Standardised as published: 4444 7.0 (1), 5028 8.0 (2), 1111 9.0 (3), 5001 12.5 (4),
 * 3334 20.0 (5), n = 5: 5028 percentile 75, yellow; 5001 percentile 25, red. The community of 5028 comes
 * from the file, the others' from the national municipalities.
 */
@DatabaseTest
class NationalRankingTest {

    static final String MUNICIPALITIES = """
            kommunenr,kommunenavn,helsefellesskap
            5001,Trondheim,Helsefellesskapet St. Olav
            1111,Alfaby,Alfa
            2222,Betaby,Beta
            3333,Gammaby,Gamma
            3334,Gammavik,Gamma
            4444,Deltaby,Delta
            """;
    static final String FIGURES = """
            year,municipality,community,ukp_days,population,rate_per_1000_standardised
            2024,5001,,100,10000,"12,5"
            2024,5028,Helsefellesskapet St. Olav,50,5000,8.0
            2024,1111,,20,1000,9
            2024,2222,,40,4000,
            2024,3333,,5,1000,
            2024,3334,,10,,20
            2024,4444,,30,1000,7
            """;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @BeforeEach
    void load() {
        TestDatabase.clean(dsl);
        ImportClient imports = new ImportClient(rest);
        imports.store("national-municipalities", MUNICIPALITIES);
        imports.store("national-statistics", FIGURES);
    }

    @Test
    void shouldRankTheCommunitiesByTheirCrudeRateWithTiesSharingTheBetterRank() {
        JsonNode ranking = get("viewer", "?year=2024&measure=ukp_days_per_1000");
        assertThat(ranking.path("year").asInt()).isEqualTo(2024);
        assertThat(ranking.path("measure").asText()).isEqualTo("ukp_days_per_1000");
        JsonNode ours = ranking.path("ours");
        assertThat(ours.path("community").asText()).isEqualTo("helsefellesskapet-st-olav");
        assertThat(ours.path("value").asDouble()).isEqualTo(10.0);
        assertThat(ours.path("rank").asInt()).isEqualTo(1);
        assertThat(ours.path("n").asInt()).isEqualTo(4);
        assertThat(ours.path("percentile").asDouble()).isEqualTo(100.0);
        assertThat(ours.path("amongTheBest").asBoolean()).isTrue();
        assertThat(ours.path("status").asText()).isEqualTo("green");

        List<String> rows = new ArrayList<>();
        ranking.path("communities").forEach(c -> rows.add(c.path("community").asText() + " " + c.path("name").asText() + " "
                + (c.path("value").isNull() ? "-" : c.path("value").asDouble()) + " " + (c.path("rank").isNull() ? "-" : c.path("rank").asInt())));
        assertThat(rows).containsExactly("beta Beta 10.0 1", "helsefellesskapet-st-olav Helsefellesskapet St. Olav 10.0 1",
                "alfa Alfa 20.0 3", "delta Delta 30.0 4", "gamma Gamma - -");
    }

    @Test
    void shouldRankOurMunicipalitiesAmongAllMunicipalitiesCrudeAndStandardised() {
        JsonNode crude = get("viewer", "?year=2024");
        assertThat(places(crude)).containsExactly("5001 2/6 80.0 false yellow", "5028 2/6 80.0 false yellow");
        JsonNode standardised = get("viewer", "?year=2024&measure=ukp_days_per_1000_standardised");
        assertThat(standardised.path("measure").asText()).isEqualTo("ukp_days_per_1000_standardised");
        assertThat(standardised.path("ours").isNull()).as("a standardised rate ranks municipalities only").isTrue();
        assertThat(standardised.path("communities")).isEmpty();
        assertThat(places(standardised)).containsExactly("5028 2/5 75.0 false yellow", "5001 4/5 25.0 false red");
        assertThat(standardised.path("ourMunicipalities").get(1).path("value").asDouble()).isEqualTo(12.5);
    }

    @Test
    void shouldJudgeAmongTheBestByTheConfiguredFraction() {
        String before = dsl.fetchSingle("SELECT value FROM national_setting WHERE key = 'best_fraction'").get(0, String.class);
        try {
            dsl.execute("UPDATE national_setting SET value = '0.5' WHERE key = 'best_fraction'");
            // ⌊6 × 0.5⌋ = 3: 5001's rank 2 is now among the best, and green
            assertThat(places(get("viewer", "?year=2024"))).containsExactly("5001 2/6 80.0 true green", "5028 2/6 80.0 true green");
        } finally {
            dsl.execute("UPDATE national_setting SET value = {0} WHERE key = 'best_fraction'", before);
        }
    }

    @Test
    void shouldGiveTheOnlyCommunityWithAValuePercentile100AndOurCommunityNoValueWhenAMemberLacksPopulation() {
        new ImportClient(rest).store("national-statistics", """
                year,municipality,community,ukp_days,population
                2023,5001,Helsefellesskapet St. Olav,10,1000
                2023,5028,Helsefellesskapet St. Olav,10,
                2023,1111,Alfa,30,1000
                """);
        JsonNode ranking = get("viewer", "?year=2023");
        JsonNode ours = ranking.path("ours");
        assertThat(ours.path("community").asText()).isEqualTo("helsefellesskapet-st-olav");
        assertThat(ours.path("value").isNull()).isTrue();
        assertThat(ours.path("rank").isNull()).isTrue();
        assertThat(ours.path("n").asInt()).as("only Alfa has a value").isEqualTo(1);
        assertThat(ours.path("status").asText()).isEqualTo("no_data");
        assertThat(ours.path("amongTheBest").asBoolean()).isFalse();
        JsonNode alfa = ranking.path("communities").get(0);
        assertThat(alfa.path("community").asText()).isEqualTo("alfa");
        assertThat(alfa.path("rank").asInt()).isEqualTo(1);
        assertThat(dsl.fetchSingle("SELECT percentile FROM national_community_ranking WHERE year = 2023 AND community = 'alfa'")
                .get(0, Double.class)).as("100 when n = 1").isEqualTo(100.0);
        // without a year: the latest with figures
        assertThat(get("viewer", "").path("year").asInt()).isEqualTo(2024);
    }

    @Test
    void shouldRefuseABadYearOrMeasureInNorwegian() {
        ResponseEntity<JsonNode> badYear = exchange("viewer", "?year=24", "application/json");
        assertThat(badYear.getStatusCode().value()).isEqualTo(400);
        assertThat(badYear.getBody().path("detail").asText()).contains("«year»").contains("fire sifre");
        ResponseEntity<JsonNode> noFigures = exchange("viewer", "?year=2019", "application/json");
        assertThat(noFigures.getStatusCode().value()).isEqualTo(404);
        assertThat(noFigures.getBody().path("detail").asText()).contains("Ingen nasjonale tall for 2019").contains("2024");
        ResponseEntity<JsonNode> badMeasure = exchange("viewer", "?year=2024&measure=days", "application/json");
        assertThat(badMeasure.getStatusCode().value()).isEqualTo(400);
        assertThat(badMeasure.getBody().path("detail").asText()).contains("Ukjent mål «days»").contains("ukp_days_per_1000_standardised");
    }

    @Test
    void shouldExportEveryCommunityAndMunicipalityAsCsvForTheExportRoleOnly() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", "text/csv");
        ResponseEntity<String> csv = TestUsers.as(rest, "analyst").exchange(NationalController.PATH + "?year=2024",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getFirst("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("level,year,measure,id,name,community,value,rank,n,percentile,among_the_best,status,ours");
        assertThat(lines).contains("community,2024,ukp_days_per_1000,helsefellesskapet-st-olav,Helsefellesskapet St. Olav,"
                        + "Helsefellesskapet St. Olav,10.00,1,4,100.0,true,green,true",
                "community,2024,ukp_days_per_1000,gamma,Gamma,Gamma,,,4,,,,false",
                "municipality,2024,ukp_days_per_1000,3333,Gammaby,Gamma,5.00,1,6,100.0,true,green,false",
                "municipality,2024,ukp_days_per_1000,5001,Trondheim,Helsefellesskapet St. Olav,10.00,2,6,80.0,false,yellow,true",
                "municipality,2024,ukp_days_per_1000,3334,Gammavik,Gamma,,,6,,false,no_data,false");
        assertThat(lines).hasSize(1 + 5 + 7);
        ResponseEntity<String> refused = TestUsers.as(rest, "viewer").exchange(NationalController.PATH + "?year=2024",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(refused.getStatusCode().value()).as("CSV is an export").isEqualTo(403);
    }

    @Test
    void shouldLetOnlyImportersImportNationalFigures() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Type", ImportClient.CSV);
        for (String user : List.of("viewer", "analyst", "planner")) {
            ResponseEntity<String> refused = TestUsers.as(rest, user).postForEntity("/api/v1/imports/national-statistics",
                    new HttpEntity<>(FIGURES, headers), String.class);
            assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
        }
        ResponseEntity<String> admin = TestUsers.as(rest, "admin").postForEntity("/api/v1/imports/national-statistics?dryRun=true",
                new HttpEntity<>(FIGURES, headers), String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
    }

    private static List<String> places(JsonNode ranking) {
        List<String> places = new ArrayList<>();
        ranking.path("ourMunicipalities").forEach(p -> places.add(p.path("municipality").asText() + " " + p.path("rank").asInt() + "/"
                + p.path("n").asInt() + " " + p.path("percentile").asDouble() + " " + p.path("amongTheBest").asBoolean() + " "
                + p.path("status").asText()));
        return places;
    }

    private JsonNode get(String user, String query) {
        ResponseEntity<JsonNode> response = exchange(user, query, "application/json");
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> exchange(String user, String query, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", accept);
        return TestUsers.as(rest, user).exchange(NationalController.PATH + query, HttpMethod.GET, new HttpEntity<>(headers),
                JsonNode.class);
    }
}
