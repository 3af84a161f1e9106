package no.ukp.monitor.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The target for the window shown and the rounding of the CSV answers, by hand: a yearly target
 * of 1000 is 1000 / 12 in a month, 1000 × 6 / 12 = 500 in June's ytd and 1000 over 12 months; a
 * share keeps its target in every window; values get the decimals people see (of the percent for
 * shares), targets two more.
 */
class WindowTargetTest {

    private static final IndicatorDefinition UKP_DAYS = definition("ukp_days", "days", 0, IndicatorDefinition.TargetPeriod.YEAR);
    private static final IndicatorDefinition SHARE = definition("zero_day_share", "share", 1, IndicatorDefinition.TargetPeriod.MONTH);
    private static final IndicatorDefinition MEAN = definition("avg_ukp_days", "days", 2, IndicatorDefinition.TargetPeriod.MONTH);
    private static final YearMonth JUNE = YearMonth.of(2025, 6);

    @Test
    void shouldHoldAMonthOfAYearlyTargetAgainstATwelfth() {
        BigDecimal target = new BigDecimal("1000");

        assertThat(UKP_DAYS.windowTarget(target, Window.MONTH, JUNE).doubleValue()).isEqualTo(1000.0 / 12);
        assertThat(UKP_DAYS.windowTarget(target, Window.YTD, JUNE)).isEqualByComparingTo("500");
        assertThat(UKP_DAYS.windowTarget(target, Window.YTD, YearMonth.of(2025, 1)).doubleValue()).isEqualTo(1000.0 / 12);
        assertThat(UKP_DAYS.windowTarget(target, Window.ROLLING12, JUNE)).isEqualByComparingTo("1000");
        assertThat(UKP_DAYS.windowTarget(target, Window.PROJECTED_YEAR, JUNE)).isEqualByComparingTo("1000");
        assertThat(UKP_DAYS.windowTarget(null, Window.MONTH, JUNE)).isNull();
        assertThat(UKP_DAYS.monthlyTarget(target)).as("SPC's monthly target is the month's window target").isEqualTo(1000.0 / 12);
    }

    @Test
    void shouldKeepTheTargetOfASharePerWindow() {
        BigDecimal target = new BigDecimal("0.9");
        for (Window window : Window.values()) {
            assertThat(SHARE.windowTarget(target, window, JUNE)).as(window.key()).isEqualByComparingTo("0.9");
        }
    }

    @Test
    void shouldRoundValuesToTheDecimalsPeopleSee() {
        assertThat(UKP_DAYS.rounded(new BigDecimal("1071.0000000000000000")).toPlainString()).isEqualTo("1071");
        assertThat(UKP_DAYS.rounded(new BigDecimal("1070.5")).toPlainString()).isEqualTo("1071");
        assertThat(SHARE.rounded(new BigDecimal("0.9125000000000000")).toPlainString()).as("91.25 % → 91.3 %").isEqualTo("0.913");
        assertThat(SHARE.rounded(new BigDecimal("0.9")).toPlainString()).isEqualTo("0.900");
        assertThat(MEAN.rounded(new BigDecimal("2.4650")).toPlainString()).isEqualTo("2.47");
        assertThat(MEAN.rounded(null)).isNull();
    }

    @Test
    void shouldGiveTargetsTwoDecimalsMoreWithoutTrailingZeros() {
        assertThat(UKP_DAYS.roundedTarget(new BigDecimal("1000").divide(new BigDecimal("12"), java.math.MathContext.DECIMAL128))
                .toPlainString()).isEqualTo("83.33");
        assertThat(UKP_DAYS.roundedTarget(new BigDecimal("1000.000000")).toPlainString()).isEqualTo("1000");
        assertThat(SHARE.roundedTarget(new BigDecimal("0.900000")).toPlainString()).isEqualTo("0.9");
        assertThat(SHARE.roundedTarget(new BigDecimal("0.123456")).toPlainString()).isEqualTo("0.12346");
    }

    private static IndicatorDefinition definition(String id, String unit, int decimals, IndicatorDefinition.TargetPeriod period) {
        return new IndicatorDefinition(id, id, id, unit, "at_most", decimals, "", List.of(Window.values()), Window.ROLLING12, period, null);
    }
}
