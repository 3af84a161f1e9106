package no.ukp.monitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Norwegian number, month and time formats. */
class NorwegianFormatTest {

    @Test
    void shouldWriteNumbersWithSpacesAndDecimalCommas() {
        assertThat(NorwegianFormat.integer(new BigDecimal("3154"))).isEqualTo("3\u00a0154");
        assertThat(NorwegianFormat.integer(new BigDecimal("1234567.5"))).isEqualTo("1\u00a0234\u00a0568");
        assertThat(NorwegianFormat.decimal(new BigDecimal("2.4675"), 2)).isEqualTo("2,47");
        assertThat(NorwegianFormat.percent(new BigDecimal("0.832"), 1)).isEqualTo("83,2\u00a0%");
        assertThat(NorwegianFormat.percent(new BigDecimal("0.00049"), 1)).isEqualTo("0,0\u00a0%");
        assertThat(NorwegianFormat.change(new BigDecimal("-0.18"), 1)).isEqualTo("−18,0\u00a0%");
        assertThat(NorwegianFormat.change(new BigDecimal("0.05"), 1)).isEqualTo("+5,0\u00a0%");
        assertThat(NorwegianFormat.change(new BigDecimal("-0.0004"), 1)).as("no minus on a rounded zero").isEqualTo("0,0\u00a0%");
        assertThat(NorwegianFormat.percent(null, 1)).isEqualTo("–");
        assertThat(NorwegianFormat.pattern("0.#'\u00a0'%").format(0.725)).isEqualTo("72,5\u00a0%");
    }

    @Test
    void shouldWriteMonthsAndTimesInBokmal() {
        assertThat(NorwegianFormat.month(YearMonth.of(2025, 6))).isEqualTo("juni 2025");
        assertThat(NorwegianFormat.shortMonth(YearMonth.of(2025, 12))).isEqualTo("des 25");
        assertThat(NorwegianFormat.monthRange(YearMonth.of(2024, 7), YearMonth.of(2025, 6))).isEqualTo("juli 2024–juni 2025");
        assertThat(NorwegianFormat.monthRange(YearMonth.of(2025, 1), YearMonth.of(2025, 6))).isEqualTo("januar–juni 2025");
        assertThat(NorwegianFormat.dateTime(OffsetDateTime.parse("2025-07-01T07:05:00Z"))).isEqualTo("1. juli 2025 kl. 09.05");
        assertThat(NorwegianFormat.list(List.of("a", "b", "c"))).isEqualTo("a, b og c");
        assertThat(ScopeSections.runs(List.of(YearMonth.of(2024, 9), YearMonth.of(2024, 10), YearMonth.of(2024, 11),
                YearMonth.of(2025, 3)))).isEqualTo("september–november 2024 og mars 2025");
    }
}
