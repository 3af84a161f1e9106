package no.ukp.monitor.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The national figures go through the import machinery like every file: Norwegian errors naming line,
 * column and value, all or nothing, dry run, revisions; any municipality number, old ones mapped,
 * unknown ones kept with a warning; Helsedirektoratet's headings as aliases.
 */
@DatabaseTest
class NationalImportTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    private ImportClient imports;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
        imports = new ImportClient(rest);
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            år      | 20x4  | fire sifre
            år      | 1999  | før 2000
            år      | 2999  | etter inneværende år
            kommunenr | 12345 | 4 sifre
            kommunenr | 50a1 | 4 sifre
            overliggerdøgn | -3 | negativ
            innbyggere | 0 | større enn 0
            standardisert rate | abc | Må være et tall
            standardisert rate | 1,2345 | tre desimaler
            """)
    void shouldRefuseABadValueNamingLineColumnAndValueAndStoreNothing(String column, String value, String message) {
        List<String> header = List.of("år", "kommunenr", "overliggerdøgn", "innbyggere", "standardisert rate");
        List<String> good = new ArrayList<>(List.of("2024", "5001", "120", "10000", "12.5"));
        List<String> bad = new ArrayList<>(good);
        bad.set(header.indexOf(column), value.contains(",") ? "\"" + value + "\"" : value);
        bad.set(1, column.equals("kommunenr") ? bad.get(1) : "5028");
        String csv = String.join(",", header) + "\n" + String.join(",", good) + "\n" + String.join(",", bad) + "\n";
        ResponseEntity<JsonNode> response = imports.postCsv("national-statistics", csv);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
        JsonNode error = response.getBody().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("column").asText()).isEqualTo(column);
        assertThat(error.path("value").asText()).isEqualTo(value);
        assertThat(error.path("message").asText()).containsIgnoringCase(message);
        assertThat(dsl.fetchCount(dsl.selectFrom("national_statistics"))).as("all or nothing").isZero();
    }

    @Test
    void shouldReadHelsedirektoratetsHeadingsMapOldNumbersAndKeepUnknownOnesWithAWarning() {
        String csv = "År,Bostedskommune,Kommunenavn,Antall overliggerdøgn,Befolkning,Antall pasienter,Antall opphold,"
                + "\"Overliggerdøgn per 1 000 innbyggere, justert\"\n"
                + "2017,1601,Trondheim,900,190000,150,180,\"4,9\"\n"
                + "2017,7777,Ukjentby,12,3000,2,3,\n"
                + "2017,301,Oslo,2000,670000,300,360,\"3,1\"\n";
        ResponseEntity<JsonNode> response = imports.postCsv("national-statistics", csv);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        List<String> warnings = new ArrayList<>();
        response.getBody().path("warnings").forEach(w -> warnings.add(w.path("line").asInt() + " " + w.path("column").asText()
                + " " + w.path("value").asText() + ": " + w.path("message").asText()));
        assertThat(warnings).anyMatch(w -> w.startsWith("2 Bostedskommune 1601: Gammelt kommunenummer 1601 (Trondheim) er regnet om til 5001"));
        assertThat(warnings).anyMatch(w -> w.startsWith("3 Bostedskommune 7777: Ukjent kommunenummer 7777"));
        assertThat(warnings).as("0301 is made known below, not yet").anyMatch(w -> w.startsWith("4 Bostedskommune 301: Ukjent kommunenummer 0301"));
        assertThat(dsl.fetch("SELECT municipality, municipality_name, ukp_days, population, patients, stays, rate_per_1000_standardised "
                        + "FROM national_statistics ORDER BY municipality")
                .map(r -> r.intoList().toString()))
                .containsExactly("[0301, Oslo, 2000, 670000, 300, 360, 3.100]", "[5001, Trondheim, 900, 190000, 150, 180, 4.900]",
                        "[7777, Ukjentby, 12, 3000, 2, 3, null]");

        imports.store("national-municipalities", "kommunenummer,kommunenavn,helsefellesskap\n301,Oslo,Helsefellesskapet Oslo\n");
        ResponseEntity<JsonNode> again = imports.postCsv("national-statistics", "år,kommunenr,overliggerdøgn,innbyggere\n2017,0301,2000,670000\n");
        assertThat(again.getBody().path("warnings")).as("a national municipality is known").isEmpty();
    }

    @Test
    void shouldKeepEveryAcceptedValueAsARevisionAndStoreNothingOnADryRun() {
        String first = "year,municipality,ukp_days,population\n2024,5001,100,10000\n";
        ResponseEntity<JsonNode> dryRun = imports.post("national-statistics", first.getBytes(StandardCharsets.UTF_8), ImportClient.CSV, true);
        assertThat(dryRun.getBody().path("outcome").asText()).isEqualTo("validated");
        assertThat(dsl.fetchCount(dsl.selectFrom("national_statistics"))).isZero();
        imports.store("national-statistics", first);
        imports.store("national-statistics", "year,municipality,ukp_days,population\n2024,5001,110,10000\n");
        assertThat(dsl.fetch("SELECT revision, ukp_days FROM national_statistics_revision ORDER BY revision").map(r -> r.intoList().toString()))
                .containsExactly("[1, 100]", "[2, 110]");
        assertThat(dsl.fetch("SELECT dataset, outcome FROM import ORDER BY id").map(r -> r.intoList().toString()))
                .containsExactly("[national-statistics, validated]", "[national-statistics, stored]", "[national-statistics, stored]");

        // undoing the correction restores the first value as revision 3; nothing accepted is lost
        long correction = dsl.fetchSingle("SELECT max(id) FROM import").get(0, Long.class);
        ResponseEntity<JsonNode> undo = TestUsers.as(rest, "admin").postForEntity("/api/v1/imports/" + correction + "/undo", null,
                JsonNode.class);
        assertThat(undo.getStatusCode().value()).as("%s", undo.getBody()).isEqualTo(200);
        assertThat(dsl.fetch("SELECT revision, ukp_days FROM national_statistics_revision ORDER BY revision").map(r -> r.intoList().toString()))
                .containsExactly("[1, 100]", "[2, 110]", "[3, 100]");
        assertThat(dsl.fetchSingle("SELECT ukp_days FROM national_statistics").get(0, Integer.class)).isEqualTo(100);
    }

    @Test
    void shouldRequireTheCommunityInTheNationalMunicipalities() {
        ResponseEntity<JsonNode> response = imports.postCsv("national-municipalities", "kommunenr,helsefellesskap\n5001,\n");
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        JsonNode error = response.getBody().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(2);
        assertThat(error.path("column").asText()).isEqualTo("helsefellesskap");
        assertThat(error.path("message").asText()).isEqualTo("Mangler verdi");
    }
}
