package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestDatabase;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Property: whatever bytes arrive, an import answers 200 or a 4xx with its errors, never a 5xx.
 * Seeded, so a failure names the seed and case that reproduce it.
 */
@DatabaseTest
class ImportFuzzTest {

    private static final long SEED = 20251123L;
    private static final String[] DATASETS = {"monthly-statistics", "short-term-stays", "snapshots", "population"};
    private static final String[] TYPES = {ImportClient.CSV, ImportClient.XLSX, "application/octet-stream", "text/plain"};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DSLContext dsl;

    @Test
    void shouldNeverAnswer5xxForArbitraryBytesOrMutatedFiles() throws IOException {
        TestDatabase.clean(dsl);
        Random random = new Random(SEED);
        byte[] validCsv = ImportClient.resource("monthly-english-utf8.csv");
        byte[] validExcelCsv = ImportClient.resource("monthly-norwegian-excel.csv");
        byte[] validXlsx = xlsx();
        for (int i = 0; i < 300; i++) {
            byte[] file = switch (i % 4) {
                case 0 -> randomBytes(random);
                case 1 -> mutate(validCsv, random);
                case 2 -> mutate(validExcelCsv, random);
                default -> mutate(validXlsx, random);
            };
            String dataset = i % 5 == 0 ? DATASETS[random.nextInt(DATASETS.length)] : "monthly-statistics";
            String type = i % 4 == 3 ? ImportClient.XLSX : TYPES[random.nextInt(TYPES.length)];
            ResponseEntity<JsonNode> response = new ImportClient(rest).post(dataset, file, type, random.nextBoolean());

            int status = response.getStatusCode().value();
            assertThat(status).as("case %d (seed %d), %s as %s: %s", i, SEED, dataset, type, response.getBody())
                    .isIn(200, 413, 415, 422);
            if (status == 422) {
                assertThat(response.getBody().get("errors")).as("case %d", i).isNotEmpty();
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Flips, deletes, duplicates and inserts bytes, including quotes, delimiters and line breaks. */
    private static byte[] mutate(byte[] valid, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] specials = "\";,\t\n\r-0 \u00a0".getBytes(StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(6);
        double rate = mutations / (double) Math.max(1, valid.length);
        for (byte b : valid) {
            if (random.nextDouble() < rate) {
                switch (random.nextInt(4)) {
                    case 0 -> out.write(b ^ (1 << random.nextInt(8)));
                    case 1 -> { /* deleted */ }
                    case 2 -> { out.write(b); out.write(b); }
                    default -> { out.write(specials[random.nextInt(specials.length)]); out.write(b); }
                }
            } else {
                out.write(b);
            }
        }
        byte[] bytes = out.toByteArray();
        return random.nextInt(10) == 0 ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)) : bytes;
    }

    private static byte[] xlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Ark1");
            String[] header = {"month", "municipality", "ukp_stays", "zero_day_stays", "ukp_days", "discharged_home"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
                sheet.value(1, c, c == 0 ? null : (Number) (c == 1 ? 5001 : 10 - c));
            }
            sheet.value(1, 0, "2025-01");
        }
        return out.toByteArray();
    }
}
