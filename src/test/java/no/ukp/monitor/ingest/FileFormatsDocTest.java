package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/file-formats.md} names, in each dataset's section (the action plan's too), every column the import reads,
 * with its English name, every Norwegian header it accepts and whether it is required.
 */
class FileFormatsDocTest {

    @Test
    void shouldListEveryColumnAndHeaderNameOfEveryImport() throws IOException {
        String doc = Files.readString(Path.of("docs/file-formats.md"));
        for (ImportKind dataset : ImportKind.all()) {
            String heading = "`" + dataset.slug() + "`";
            assertThat(doc).as("a section for %s", dataset.slug()).contains(heading);
            int start = doc.lastIndexOf("\n## ", doc.indexOf(heading));
            int end = doc.indexOf("\n## ", start + 1);
            String section = doc.substring(start, end < 0 ? doc.length() : end);
            for (Column column : dataset.columns()) {
                String row = section.lines().filter(line -> line.contains("| `" + column.name() + "` |")).findFirst()
                        .orElseThrow(() -> new AssertionError(dataset.slug() + ": no row for " + column.name()));
                for (String alias : column.aliases()) {
                    assertThat(row).as("%s %s", dataset.slug(), column.name()).contains("`" + alias + "`");
                }
                assertThat(row).as("%s %s required", dataset.slug(), column.name())
                        .contains(column.required() ? "| yes |" : "| no |");
            }
            long rows = section.lines().filter(line -> line.startsWith("| `")).count();
            assertThat(rows).as("%s: no row for a column the import does not read", dataset.slug())
                    .isEqualTo(dataset.columns().size());
        }
    }
}
