package no.ukp.monitor.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the CSV answers write their cells in each dialect, and which {@code format} and {@code dialect} they take. */
class CsvExportTest {

    @Test
    void shouldWriteRfc4180AsBefore() {
        String csv = CsvExport.text(CsvExport.Dialect.of(null), w -> w.header("a", "b").row("x,y", new BigDecimal("0.912"),
                null, 7, "say \"hi\"", "two\nlines", new BigDecimal("1E+3"), 2.5));

        assertThat(csv).isEqualTo("a,b\n\"x,y\",0.912,,7,\"say \"\"hi\"\"\",\"two\nlines\",1000,2.5\n");
    }

    @Test
    void shouldWriteExcelNbWithBomSemicolonDecimalCommaAndCrlf() {
        String csv = CsvExport.text(CsvExport.Dialect.of("Excel-NB"), w -> w.header("a", "b").row("x,y", new BigDecimal("0.912"),
                "Trondheim; Øya", new BigDecimal("-0.200")));

        assertThat(csv).isEqualTo("\uFEFFa;b\r\nx,y;0,912;\"Trondheim; Øya\";-0,200\r\n");
    }

    @Test
    void shouldRefuseAnUnknownDialectOrFormatInNorwegian() {
        assertThatThrownBy(() -> CsvExport.Dialect.of("excel")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("Ukjent dialekt «excel»").hasMessageContaining("excel-nb");
        assertThatThrownBy(() -> CsvExport.checkFormat("xlsx")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("Ukjent format «xlsx»").hasMessageContaining("csv eller json");
        CsvExport.checkFormat("CSV");
        CsvExport.checkFormat("json");
        CsvExport.checkFormat(null);
    }

    @Test
    void shouldTakeFormatOnlyWhereItMeansCsvOrJson() {
        assertThat(CsvExport.formatApplies("/api/v1/kpis")).isTrue();
        assertThat(CsvExport.formatApplies("/api/v1/kpis/series")).isTrue();
        assertThat(CsvExport.formatApplies("/api/v1/export/indicators")).isTrue();
        assertThat(CsvExport.formatApplies("/api/v1/analysis/decomposition")).isTrue();
        assertThat(CsvExport.formatApplies("/api/v1/kpisx")).isFalse();
        assertThat(CsvExport.formatApplies("/api/v1/reports/monthly")).isFalse();
        assertThat(CsvExport.formatApplies("/api/v1/imports/population/template")).isFalse();
    }
}
