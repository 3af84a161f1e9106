package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Header names as people write them, and the near misses that are refused with a suggestion. */
class HeaderNamesTest {

    @ParameterizedTest(name = "«{0}» names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kommunenr.               | municipality
            Kommune nr               | municipality
            KOMMUNE-NR               | municipality
            kommune_nummer           | municipality
            Måned                    | month
            MÅNED                    | month
            Maaned                   | month
            Mnd.                     | month
            Utskrevet rett hjem      | discharged_home
            Rett hjem                | discharged_home
            UKP-døgn                 | ukp_days
            ukp dogn                 | ukp_days
            Ukp Døgn                 | ukp_days
            Opphold 0 døgn           | zero_day_stays
            Reinnleggelser 30 døgn   | readmissions_30d
            Reinnleggelser (30d)     | readmissions_30d
            Område                   | area
            omraade                  | area
            zero-day stays           | zero_day_stays
            """)
    void shouldMatchAHeaderWrittenAsPeopleWriteIt(String header, String column) {
        List<String> named = Dataset.MONTHLY_STATISTICS.columns().stream().filter(c -> c.isNamed(header))
                .map(Column::name).toList();

        assertThat(named).containsExactly(column);
    }

    @ParameterizedTest(name = "«{0}»: mente du «{1}»?")
    @CsvSource(delimiter = '|', textBlock = """
            Reinleggelser 30d          | reinnleggelser_30d
            Reinnleggelser 30 dager    | reinnleggelser_30d
            Reinnleggelser             | reinnleggelser_30d
            UKP-døgnn                  | ukp_døgn
            ukp oppphold               | ukp_opphold
            Kommunenumer               | kommunenummer
            Utskrevet rett hjemm       | utskrevet_rett_hjem
            readmisions_30d            | readmissions_30d
            ukp_stay                   | ukp_stays
            ukp_dayss                  | ukp_days
            """)
    void shouldSuggestTheNameANearMissProbablyMeant(String header, String suggested) {
        HeaderNames.Suggestion suggestion = HeaderNames.nearest(header, Dataset.MONTHLY_STATISTICS.columns(), i -> true);

        assertThat(suggestion).isNotNull();
        assertThat(suggestion.name()).isEqualTo(suggested);
    }

    @ParameterizedTest(name = "«{0}» is no near miss")
    @CsvSource(delimiter = '|', textBlock = """
            Nr
            Id
            Kommentar
            Kilde
            Fylke
            Region
            Pasienter totalt
            """)
    void shouldNotSuggestAColumnForAnUnrelatedHeader(String header) {
        for (Dataset dataset : Dataset.values()) {
            if (dataset == Dataset.NATIONAL_STATISTICS && header.startsWith("Pasienter")) {
                continue; // Helsedirektoratet's figures have a patients column: there «Pasienter totalt» probably is it
            }
            assertThat(HeaderNames.nearest(header, dataset.columns(), i -> true)).as(dataset.slug()).isNull();
        }
    }

    @Test
    void shouldNotSuggestAColumnTheFileAlreadyHas() {
        List<Column> columns = Dataset.MONTHLY_STATISTICS.columns();
        int readmissions = columns.indexOf(columns.stream().filter(c -> c.name().equals("readmissions_30d")).findFirst()
                .orElseThrow());

        assertThat(HeaderNames.nearest("Reinleggelser 30d", columns, i -> i != readmissions)).isNull();
    }

    @Test
    void shouldCountEditsWithASwapAsOne() {
        assertThat(HeaderNames.distance("rettjhem", "retthjem")).isEqualTo(1);
        assertThat(HeaderNames.distance("ukpdogn", "ukpdognn")).isEqualTo(1);
        assertThat(HeaderNames.distance("kommune", "kommunenr")).isEqualTo(2);
        assertThat(HeaderNames.distance("", "ar")).isEqualTo(2);
    }

    /** Every name of a column names that column only, and the ignored names none. */
    @ParameterizedTest
    @EnumSource(Dataset.class)
    void shouldGiveEveryColumnNamesOfItsOwn(Dataset dataset) {
        for (Column column : dataset.columns()) {
            for (String name : column.names()) {
                assertThat(dataset.columns().stream().filter(c -> c.isNamed(name)).map(Column::name))
                        .as("%s: %s", dataset.slug(), name).containsExactly(column.name());
            }
        }
        for (String ignored : Dataset.IGNORED_HEADERS) {
            // the national files read the municipality's name (the contract's municipality_name); the others ignore it
            assertThat(dataset.columns().stream().filter(c -> c.isNamed(ignored)).map(Column::name)).as(ignored)
                    .isSubsetOf(dataset.national() ? List.of("municipality_name") : List.of());
        }
    }
}
