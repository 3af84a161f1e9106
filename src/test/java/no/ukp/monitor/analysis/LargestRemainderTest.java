package no.ukp.monitor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void shouldGiveTheMissingUnitsToThePartsThatLostTheMost() {
        // 14.936 + 4.492 − 2.428 = 17: rounded half up each would be 15 + 4 − 2 = 17 as well; floors 14 + 4 − 3 = 15,
        // two units missing: to 14.936 (0.936 lost) and −2.428 (0.572 lost), not to 4.492 (0.492)
        assertThat(LargestRemainder.round(numbers("14.936091686091686", "4.492035742035742", "-2.428127428127428"),
                new BigDecimal("17"), 0)).containsExactly(new BigDecimal("15"), new BigDecimal("4"), new BigDecimal("-2"));
    }

    @Test
    void shouldAddUpWhereRoundingEachPartWouldNot() {
        // 1/3 + 1/3 + 1/3 = 1: each rounded half up gives 0.3 + 0.3 + 0.3 = 0.9
        List<BigDecimal> thirds = numbers("0.3333333333333333", "0.3333333333333333", "0.3333333333333334");
        assertThat(LargestRemainder.round(thirds, BigDecimal.ONE, 1))
                .containsExactly(new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.4"));
        // 2.5 + 2.5 = 5: half up each would give 3 + 3 = 6
        assertThat(LargestRemainder.round(numbers("2.5", "2.5"), new BigDecimal("5"), 0))
                .extracting(BigDecimal::intValue).containsExactly(3, 2);
    }

    @Test
    void shouldKeepNullsAndSumsBelowOneUnit() {
        assertThat(LargestRemainder.round(Arrays.asList(null, new BigDecimal("6.0000000000000001")), new BigDecimal("6"), 0))
                .containsExactly(null, new BigDecimal("6"));
    }

    private static List<BigDecimal> numbers(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
