package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Imported rows, import durations and the time of the last stored import are at /actuator/prometheus. */
@DatabaseTest
class ImportMetricsTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @Test
    void shouldCountImportedRowsByOutcomeAndRecordTheLastSuccess() {
        TestDatabase.clean(dsl);
        double insertedBefore = metric("ukp_import_rows_total", "population", "inserted");
        double rejectedBefore = metric("ukp_import_rows_total", "population", "rejected");
        long before = System.currentTimeMillis() / 1000;

        new ImportClient(rest).postCsv("population", "year,municipality,population\n2024,5001,212660\n2024,5028,17000\n");
        new ImportClient(rest).postCsv("population", "year,municipality,population\n2024,9999,1\n");

        assertThat(metric("ukp_import_rows_total", "population", "inserted") - insertedBefore).isEqualTo(2);
        assertThat(metric("ukp_import_rows_total", "population", "rejected") - rejectedBefore).isEqualTo(1);
        assertThat(metric("ukp_import_duration_seconds_count", "population", "stored")).isGreaterThanOrEqualTo(1);
        assertThat(metric("ukp_import_last_success_timestamp_seconds", "population", null)).isGreaterThanOrEqualTo(before);
    }

    private double metric(String name, String dataset, String outcome) {
        String text = TestUsers.as(rest, "viewer").getForObject("/actuator/prometheus", String.class);
        Pattern line = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("dataset=\"" + dataset + "\"")
                    && (outcome == null || labels.contains("outcome=\"" + outcome + "\""))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
