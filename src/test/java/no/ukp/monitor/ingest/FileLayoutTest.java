package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Title rows above the header, sum and note rows below the data: recognised, one message each. */
class FileLayoutTest {

    private final ImportService.Problems problems = new ImportService.Problems(100);

    @Test
    void shouldSkipTitleRowsAboveTheHeaderWithAWarningEach() throws IOException {
        FileLayout layout = layout(
                "UKP-statistikk juni 2025",
                "",
                "Helse Midt;;Foreløpige tall",
                "måned;kommunenr;ukp_opphold",
                "2025-06;5001;4");

        SourceRow header = layout.header(this::knownNames);

        assertThat(header.line()).isEqualTo(4);
        assertThat(layout.next().line()).isEqualTo(5);
        assertThat(layout.next()).isNull();
        assertThat(problems.warnings()).extracting(ImportProblem::line, ImportProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "UKP-statistikk juni 2025"),
                        org.assertj.core.groups.Tuple.tuple(3, "Helse Midt"));
        assertThat(problems.warnings()).allSatisfy(w -> assertThat(w.message()).contains("Tittelrad"));
        assertThat(problems.errors()).isEmpty();
    }

    @Test
    void shouldTakeTheFirstRowAsTheHeaderWhenNoRowNamesTwoColumns() throws IOException {
        FileLayout layout = layout("mnd;kommune;opphold", "2025-06;5001;4", "2025-07;5001;5");

        assertThat(layout.header(this::knownNames).line()).isEqualTo(1);
        assertThat(layout.next().line()).isEqualTo(2);
        assertThat(layout.next().line()).isEqualTo(3);
        assertThat(layout.next()).isNull();
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void shouldSkipSumAndNoteRowsAfterTheLastDataRowWithAWarningEach() throws IOException {
        FileLayout layout = layout(
                "måned;kommunenr;ukp_opphold",
                "2025-06;5001;4",
                "2025-06;5028;2",
                ";Sum;6",
                "",
                "Kilde: Helseplattformen",
                "* Foreløpige tall");

        layout.header(this::knownNames);

        assertThat(layout.next().line()).isEqualTo(2);
        assertThat(layout.next().line()).isEqualTo(3);
        assertThat(layout.next()).isNull();
        assertThat(problems.errors()).isEmpty();
        assertThat(problems.warnings()).extracting(ImportProblem::line, ImportProblem::column, ImportProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "kommunenr", "Sum"),
                        org.assertj.core.groups.Tuple.tuple(6, "måned", "Kilde: Helseplattformen"),
                        org.assertj.core.groups.Tuple.tuple(7, "måned", "* Foreløpige tall"));
        assertThat(problems.warnings().get(0).message()).startsWith("Sumrad («Sum») etter siste datarad");
        assertThat(problems.warnings().get(1).message()).startsWith("Merknad");
    }

    @Test
    void shouldRefuseASumRowWithDataBelowItWithOneError() throws IOException {
        FileLayout layout = layout(
                "måned;kommunenr;ukp_opphold",
                "2025-06;5001;4",
                "Totalt;;4",
                "2025-06;5028;2");

        layout.header(this::knownNames);

        assertThat(layout.next().line()).isEqualTo(2);
        assertThat(layout.next().line()).isEqualTo(4);
        assertThat(layout.next()).isNull();
        assertThat(problems.errors()).hasSize(1);
        ImportProblem error = problems.errors().get(0);
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo("måned");
        assertThat(error.value()).isEqualTo("Totalt");
        assertThat(error.message()).contains("med data under seg");
        assertThat(problems.warnings()).isEmpty();
    }

    @Test
    void shouldTakeValuesThatMerelyLookLikeWordsAsData() {
        for (String cell : List.of("somatikk", "psykisk_helse_rus", "total-enheten", "summen-helsehus", "Trondheim",
                "30.06.2025 08:00", "2025-06")) {
            assertThat(FileLayout.Trailer.of(new SourceRow(9, List.of(cell, "5001", "4")))).as(cell).isNull();
        }
        // a lone value without words is a short data row (refused as such), not a note
        assertThat(FileLayout.Trailer.of(new SourceRow(9, List.of("2025-06", "", "")))).isNull();
        assertThat(FileLayout.Trailer.of(new SourceRow(9, List.of("", "Sum alle kommuner", "")))).isNotNull();
        assertThat(FileLayout.Trailer.of(new SourceRow(9, List.of("I alt:", "", "17")))).isNotNull();
    }

    /** The validator's count, for the monthly statistics. */
    private int knownNames(SourceRow row) {
        return (int) row.cells().stream()
                .filter(cell -> Dataset.MONTHLY_STATISTICS.columns().stream().anyMatch(c -> c.isNamed(cell)))
                .count();
    }

    private FileLayout layout(String... lines) {
        Deque<SourceRow> rows = new ArrayDeque<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(new SourceRow(i + 1, new ArrayList<>(Arrays.asList(lines[i].split(";", -1)))));
        }
        return new FileLayout(new RowSource() {
            @Override
            public SourceRow next() {
                return rows.poll();
            }

            @Override
            public void close() {
            }
        }, problems);
    }
}
