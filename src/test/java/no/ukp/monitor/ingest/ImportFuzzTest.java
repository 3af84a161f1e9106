package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.ImportClient;
import no.ukp.monitor.TestDatabase;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Property: whatever bytes arrive, an import answers 200 or a 4xx with its errors, never a 5xx;
 * hostile files (HostileFiles) are refused quickly, with bounded memory, storing nothing.
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
        byte[] validCsv = ImportClient.resource(ImportFuzzTest.class, "monthly-english-utf8.csv");
        byte[] validExcelCsv = ImportClient.resource(ImportFuzzTest.class, "monthly-norwegian-excel.csv");
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

    /**
     * Hostile files of every kind (zip bombs, giant cells, huge counts, giant CSV fields and
     * lines), sizes drawn at random above the limits, to every endpoint (each dataset, body and
     * multipart, dry run or not): never a 5xx, an answer within a minute and a few kilobytes, the
     * request's allocations and the heap kept alive bounded, nothing stored, every attempt audited
     * as not stored.
     */
    @Test
    void shouldRefuseHostileFilesOnEveryEndpointInBoundedTimeAndHeapStoringNothing() {
        TestDatabase.clean(dsl);
        Random random = new Random(SEED);
        List<Hostile> kinds = List.of(
                new Hostile("shared strings", ImportClient.XLSX, () -> HostileFiles.manySharedStrings(1_000_001 + random.nextInt(1000))),
                new Hostile("giant shared string", ImportClient.XLSX,
                        () -> HostileFiles.giantSharedString(40_000 + random.nextInt(60_000_000), random.nextBoolean())),
                new Hostile("giant inline string", ImportClient.XLSX,
                        () -> HostileFiles.giantInlineString(40_000 + random.nextInt(60_000_000))),
                new Hostile("rows", ImportClient.XLSX, () -> HostileFiles.manyRows(1_048_576 + random.nextInt(1000))),
                new Hostile("far cell", ImportClient.XLSX, () -> HostileFiles.farCell(
                        List.of("XFD1048576", "IW2", "ZZZZZZZZZZ2", "$XFD$2", "xfd2", "A99999999999").get(random.nextInt(6)))),
                new Hostile("wide row", ImportClient.XLSX, () -> HostileFiles.wideRow(257 + random.nextInt(200_000))),
                new Hostile("duplicate entry", ImportClient.XLSX, HostileFiles::duplicateSheet),
                new Hostile("many entries", ImportClient.XLSX, () -> HostileFiles.manyEntries(1_000 + random.nextInt(5_000))),
                // a central directory of hundreds of thousands of entries, which a zip reader keeps whole
                new Hostile("huge central directory", ImportClient.XLSX,
                        () -> HostileFiles.manyEntries(100_000 + random.nextInt(300_000))),
                new Hostile("entity expansion", ImportClient.XLSX, HostileFiles::entityExpansion),
                new Hostile("deep nesting", ImportClient.XLSX, () -> HostileFiles.deepNesting(101 + random.nextInt(50_000_000))),
                new Hostile("many sheets", ImportClient.XLSX, () -> HostileFiles.manySheets(65_537 + random.nextInt(1_000_000))),
                new Hostile("distinct names", ImportClient.XLSX,
                        () -> HostileFiles.distinctNames(10_001 + random.nextInt(1_000_000), random.nextBoolean() ? "x" : "ø")),
                new Hostile("giant quoted CSV field", ImportClient.CSV,
                        () -> HostileFiles.giantQuotedCsvField(100_001 + random.nextInt(30_000_000))),
                new Hostile("giant CSV line", ImportClient.CSV,
                        () -> HostileFiles.giantCsvLine(100_001 + random.nextInt(30_000_000), ",;x\t\"".charAt(random.nextInt(5)))),
                new Hostile("giant CSV header", ImportClient.CSV, () -> HostileFiles.giantCsvHeader(100_001 + random.nextInt(30_000_000))));
        // the two that unpack to more than 512 MB take seconds to deflate: once each
        List<Hostile> once = List.of(
                new Hostile("compressible huge sheet", ImportClient.XLSX, () -> HostileFiles.hugeSheet(ImportHostileFilesTest.HUGE)),
                new Hostile("padding entry", ImportClient.XLSX, () -> HostileFiles.paddedWorkbook(ImportHostileFilesTest.HUGE)));
        List<Hostile> cases = new java.util.ArrayList<>(once);
        for (int round = 0; round < 2; round++) {
            cases.addAll(kinds);
        }

        long heapBefore = heapAfterGc();
        for (int i = 0; i < cases.size(); i++) {
            Hostile hostile = cases.get(i);
            byte[] file = hostile.file().get();
            String dataset = DATASETS[i % DATASETS.length];
            boolean multipart = (i / DATASETS.length) % 2 == 1;
            boolean dryRun = random.nextBoolean();
            String what = "case %d (seed %d): %s, %d bytes, to %s%s%s".formatted(i, SEED, hostile.name(), file.length,
                    dataset, multipart ? " as multipart" : "", dryRun ? ", dry run" : "");
            ImportClient client = new ImportClient(rest);

            Map<Long, Long> allocatedBefore = serverAllocations();
            ResponseEntity<String> response = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> multipart
                    ? client.postMultipart(dataset, file, "hostile", hostile.mediaType(), dryRun, String.class)
                    : client.post(dataset, file, hostile.mediaType(), dryRun, String.class), what);
            long allocated = allocatedSince(allocatedBefore);

            assertThat(response.getStatusCode().value()).as("%s: %.1000s", what, response.getBody()).isIn(413, 415, 422);
            assertThat(response.getBody()).as(what).contains("\"errors\"");
            assertThat(response.getBody().length()).as("%s: %.1000s", what, response.getBody())
                    .isLessThan(ImportHostileFilesTest.MAX_ANSWER_BYTES);
            assertThat(allocated).as("%s: bytes the server allocated for it", what).isLessThan(MAX_ALLOCATED_PER_REQUEST);
        }
        assertThat(heapAfterGc() - heapBefore).as("heap kept alive").isLessThan(64L << 20);
        ImportHostileFilesTest.assertNothingStored(dsl);
        assertThat(dsl.fetchCount(dsl.selectFrom("import"))).isEqualTo(cases.size());
    }

    /** far more than reading a refused file takes, far less than building its giant strings */
    private static final long MAX_ALLOCATED_PER_REQUEST = 96L << 20;

    private record Hostile(String name, String mediaType, Supplier<byte[]> file) {
    }

    /** Bytes allocated so far by each request thread of the embedded Tomcat. */
    private static Map<Long, Long> serverAllocations() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("http-nio-")) {
                allocated.put(thread.getId(), threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return allocated;
    }

    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : serverAllocations().entrySet()) {
            total += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return total;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
