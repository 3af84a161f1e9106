package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The one generator of synthetic figures (demo data and benchmark): seeded, plausible, and valid for the import. */
class SyntheticFiguresTest {

    @Test
    void shouldDrawTheSameFiguresFromTheSameSeed() {
        assertThat(months(new SyntheticFigures(2023))).isEqualTo(months(new SyntheticFigures(2023)))
                .isNotEqualTo(months(new SyntheticFigures(2024)));
    }

    @Test
    void shouldDrawKeyedFiguresIndependentlyOfOrder() {
        SyntheticFigures.Month alone = SyntheticFigures.keyed(7, "5001", 24_300, "somatikk").month(250, "somatikk", 0.5, true);
        SyntheticFigures.keyed(7, "5002", 24_300, "somatikk").month(250, "somatikk", 0.5, true);
        assertThat(SyntheticFigures.keyed(7, "5001", 24_300, "somatikk").month(250, "somatikk", 0.5, true)).isEqualTo(alone);
        assertThat(IntStream.range(0, 20).mapToObj(i -> SyntheticFigures.keyed(7, "5001", 24_300 + i, "somatikk")
                .month(250, "somatikk", 0.5, true)).distinct().count()).isGreaterThan(10);
    }

    @Test
    void shouldMakeRowsTheImportAccepts() {
        SyntheticFigures figures = new SyntheticFigures(1);
        for (double mean : new double[] {0, 0.3, 4, 45, 60, 400}) {
            for (int i = 0; i < 200; i++) {
                SyntheticFigures.Month m = figures.month(mean, i % 2 == 0 ? "somatikk" : "psykisk_helse_rus", i / 200.0, true);
                assertThat(m.zeroDayStays()).isBetween(0, m.ukpStays());
                assertThat(m.ukpDays()).isGreaterThanOrEqualTo(m.ukpStays() - m.zeroDayStays());
                assertThat(m.dischargedHome()).isBetween(0, m.ukpStays());
                assertThat(m.readmissions30d()).isBetween(0, m.ukpStays());
                SyntheticFigures.ShortTerm s = figures.shortTerm(mean, 14);
                assertThat(s.losDays()).isGreaterThanOrEqualTo(s.discharges()).isNotNegative();
                SyntheticFigures.Snapshot p = figures.snapshot(mean);
                assertThat(p.waitingOver1Day()).isBetween(0, p.ukpPatients());
            }
        }
    }

    @Test
    void shouldDrawAroundTheMeanOnBothSidesOfTheNormalApproximation() {
        SyntheticFigures figures = new SyntheticFigures(3);
        assertThat(IntStream.range(0, 20_000).map(i -> figures.poisson(10)).average().orElseThrow())
                .isCloseTo(10, Offset.offset(0.2));
        assertThat(IntStream.range(0, 20_000).map(i -> figures.poisson(200)).average().orElseThrow())
                .isCloseTo(200, Offset.offset(1.0));
        assertThat(IntStream.range(0, 20_000).map(i -> figures.binomial(40, 0.25)).average().orElseThrow())
                .isCloseTo(10, Offset.offset(0.2));
    }

    @Test
    void shouldImproveOverThePeriodAndKeepPsychiatrySmaller() {
        SyntheticFigures figures = new SyntheticFigures(5);
        double zeroShareAtStart = zeroShare(figures, 0);
        double zeroShareAtEnd = zeroShare(figures, 1);
        assertThat(zeroShareAtStart).isCloseTo(0.74, Offset.offset(0.02));
        assertThat(zeroShareAtEnd).isCloseTo(0.88, Offset.offset(0.02));
        int somatic = IntStream.range(0, 500).map(i -> figures.month(40, "somatikk", 0, true).ukpStays()).sum();
        int psychiatric = IntStream.range(0, 500).map(i -> figures.month(40, "psykisk_helse_rus", 0, true).ukpStays()).sum();
        assertThat(psychiatric / (double) somatic).isCloseTo(0.12, Offset.offset(0.02));
    }

    @Test
    void shouldLeaveUnknownReadmissionsEmpty() {
        SyntheticFigures.Month m = new SyntheticFigures(9).month(30, "somatikk", 0, false);
        assertThat(m.readmissions30d()).isEqualTo(-1);
        assertThat(m.appendCsv(new StringBuilder()).toString())
                .isEqualTo(m.ukpStays() + "," + m.zeroDayStays() + "," + m.ukpDays() + "," + m.dischargedHome() + ",");
    }

    private static double zeroShare(SyntheticFigures figures, double progress) {
        int stays = 0;
        int zeroDay = 0;
        for (int i = 0; i < 500; i++) {
            SyntheticFigures.Month m = figures.month(40, "somatikk", progress, true);
            stays += m.ukpStays();
            zeroDay += m.zeroDayStays();
        }
        return zeroDay / (double) stays;
    }

    private static List<SyntheticFigures.Month> months(SyntheticFigures figures) {
        List<SyntheticFigures.Month> months = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            months.add(figures.month(30, "somatikk", i / 50.0, i % 3 != 0));
        }
        return months;
    }
}
