package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one generator of synthetic national figures: Norway's size, ours first, rows the import accepts, the same every run. */
class SyntheticNationalTest {

    @Test
    void shouldMakeNineteenCommunitiesOf356MunicipalitiesWithOursFirst() {
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("5001", "Trondheim");
        ours.put("5028", "Melhus");
        List<SyntheticNational.Member> members = SyntheticNational.members(ours, "Helsefellesskapet St. Olav", 19, 356);
        assertThat(members).hasSize(356);
        assertThat(members.stream().map(SyntheticNational.Member::community).distinct()).hasSize(19);
        assertThat(members.get(0)).isEqualTo(new SyntheticNational.Member("5001", "Trondheim", "Helsefellesskapet St. Olav"));
        assertThat(members.get(2)).isEqualTo(new SyntheticNational.Member("9000", "Syntetisk kommune 9000", "Syntetisk helsefellesskap 02"));
    }

    @Test
    void shouldDrawTheSameConsistentFiguresEveryRun() {
        List<SyntheticNational.Member> members = SyntheticNational.members(Map.of("5001", "Trondheim"), "Vårt", 3, 30);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        SyntheticNational.figures(first, members, 2020, 2024, (m, y) -> SyntheticNational.population(1, m, 0, y));
        SyntheticNational.figures(second, members, 2020, 2024, (m, y) -> SyntheticNational.population(1, m, 0, y));
        assertThat(first.toString()).isEqualTo(second.toString());
        List<String> lines = first.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(SyntheticNational.FIGURES_HEADER);
        assertThat(lines).hasSize(1 + 5 * 30);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            int days = Integer.parseInt(cells[2]);
            int population = Integer.parseInt(cells[3]);
            int patients = Integer.parseInt(cells[4]);
            int stays = Integer.parseInt(cells[5]);
            assertThat(population).as(line).isBetween(800, 50_000);
            assertThat(patients).as(line).isLessThanOrEqualTo(days);
            assertThat(stays).as(line).isGreaterThanOrEqualTo(patients);
            assertThat(Double.parseDouble(cells[6])).as(line).isGreaterThanOrEqualTo(0);
        }
    }
}
