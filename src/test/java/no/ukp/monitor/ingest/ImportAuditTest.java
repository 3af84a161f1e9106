package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.TestDatabase;
import no.ukp.monitor.TestUsers;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Every import attempt, however odd its headers or however it ends, leaves an audit row with an outcome. */
@DatabaseTest
// a spool folder of this test's service alone, so that it holds the folder's lock and cleans up
@TestPropertySource(properties = {"ukp.import.max-size=4KB",
        "ukp.import.spool-dir=${java.io.tmpdir}/ukp-import-audit-test-spool"})
class ImportAuditTest {

    static final String POPULATION = "year,municipality,population\n2024,5001,212660\n";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;
    @Autowired
    ImportProperties properties;
    @Autowired
    ImportSpool spool;
    @Autowired
    ImportLock lock;
    @MockitoSpyBean
    StatusImpact statuses;
    @MockitoSpyBean
    ImportRepository audit;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dsl);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("beds", "text/csv", POPULATION, 404, "refused"),
                arguments("population", "text/csv", POPULATION + "2024,5001,212660\n".repeat(300), 413, "refused"),
                arguments("population", "application/json", "{\"year\": 2024}", 415, "refused"),
                arguments("population", "multipart/form-data; boundary=g", "--g\r\nContent-Disposition: form-data; "
                        + "name=\"fil\"; filename=\"f.csv\"\r\nContent-Type: text/csv\r\n\r\n" + POPULATION
                        + "\r\n--g--\r\n", 400, "refused"),
                arguments("population", "text/csv", "year,municipality,population\n2024,5001,mange\n", 422, "rejected"),
                arguments("population?dryRun=true", "text/csv", "year,municipality\n2024,5001\n", 422, "rejected"));
    }

    @ParameterizedTest(name = "{0} as {1}: {3}")
    @MethodSource("refusals")
    void shouldRecordEveryRefusalAsOneAuditRowThatSaysWhatTheAnswerSays(String path, String contentType, String body,
                                                                       int status, String outcome) throws Exception {
        HttpResponse<String> response = post(path, contentType, null, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Record audit = onlyAuditRow();
        assertThat(audit.get("outcome", String.class)).isEqualTo(outcome);
        assertThat(audit.get("finished_at", OffsetDateTime.class)).isNotNull();
        assertThat(audit.get("imported_by", String.class)).isEqualTo("ingest");
        JsonNode answer = new ObjectMapper().readTree(response.body());
        String firstError = dsl.fetchValue("SELECT message FROM import_message WHERE severity = 'error' ORDER BY seq LIMIT 1")
                .toString();
        if (answer.has("importId")) {
            assertThat(answer.get("importId").asLong()).isEqualTo(audit.get("id", Long.class));
            assertThat(firstError).isEqualTo(answer.get("errors").get(0).get("message").asText());
        } else {
            assertThat(firstError).isEqualTo(answer.get("detail").asText());
        }
    }

    @Test
    void shouldCutAFileNameOver255Characters() throws Exception {
        String name = "a".repeat(300) + ".csv";
        HttpResponse<String> response = post("population", "text/csv", "attachment; filename=\"" + name + "\"", POPULATION);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Record audit = onlyAuditRow();
        assertThat(audit.get("outcome", String.class)).isEqualTo("stored");
        assertThat(audit.get("file_name", String.class)).hasSize(255).startsWith("aaaa").endsWith("…");
    }

    @Test
    void shouldNeverCutAFileNameInsideACharacter() throws Exception {
        String name = "a".repeat(253) + "%F0%9F%98%80" + "b".repeat(10) + ".csv"; // an emoji is two UTF-16 chars
        HttpResponse<String> response = post("population", "text/csv", "attachment; filename*=UTF-8''" + name, POPULATION);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(onlyAuditRow().get("file_name", String.class)).isEqualTo("a".repeat(253) + "…");
    }

    @Test
    void shouldReplaceANulInFilenameStar() throws Exception {
        HttpResponse<String> response = post("population", "text/csv", "attachment; filename*=UTF-8''folke%00tall.csv",
                POPULATION);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(onlyAuditRow().get("file_name", String.class)).isEqualTo("folke\uFFFDtall.csv");
    }

    @Test
    void shouldKeepTheRawTextOfAnInvalidFilenameStar() throws Exception {
        HttpResponse<String> response = post("population", "text/csv", "attachment; filename*=UTF-8''%G1%.csv", POPULATION);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Record audit = onlyAuditRow();
        assertThat(audit.get("outcome", String.class)).isEqualTo("stored");
        assertThat(audit.get("file_name", String.class)).isEqualTo("attachment; filename*=UTF-8''%G1%.csv");
    }

    @Test
    void shouldCutAContentTypeOver120Characters() throws Exception {
        String type = "text/csv; charset=UTF-8; note=" + "x".repeat(150);
        HttpResponse<String> response = post("population", type, null, POPULATION);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(onlyAuditRow().get("media_type", String.class)).hasSize(120).startsWith("text/csv; charset=UTF-8");
    }

    @Test
    void shouldRecordAnUnknownMediaTypeOver120CharactersAsRefused() throws Exception {
        HttpResponse<String> response = post("population", "application/" + "x".repeat(200), null, POPULATION);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        Record audit = onlyAuditRow();
        assertThat(audit.get("outcome", String.class)).isEqualTo("refused");
        assertThat(audit.get("media_type", String.class)).hasSize(120);
    }

    @Test
    void shouldRecordAMultipartBodyOverTheLimitAsRefused() throws Exception {
        String boundary = "grense";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stor.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "x".repeat(6000) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = post("population", "multipart/form-data; boundary=" + boundary, null, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        Record audit = onlyAuditRow();
        assertThat(audit.get("outcome", String.class)).isEqualTo("refused");
        assertThat(audit.get("dataset", String.class)).isEqualTo("population");
        assertThat(audit.get("imported_by", String.class)).isEqualTo("ingest");
        assertThat(audit.get("finished_at", OffsetDateTime.class)).isNotNull();
    }

    @Test
    void shouldRecordAMultipartPartWithAnInvalidFilenameStar() throws Exception {
        String boundary = "grense";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''%G1%.csv\r\n"
                + "Content-Type: text/csv\r\n\r\n" + POPULATION + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = post("population", "multipart/form-data; boundary=" + boundary, null, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(onlyAuditRow().get("outcome", String.class)).isEqualTo("refused");
    }

    @Test
    void shouldRecordAnUploadTheClientBreaksOff() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports/population HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString(("ingest:" + TestUsers.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)) + "\r\nContent-Length: 3000\r\n\r\n" + POPULATION)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(200);
        } // closed with 2 950 bytes still to come
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // the audit row and then its message are written as the server notices the broken upload: wait for both
        while ((dsl.fetchCount(dsl.selectFrom("import")) == 0 || dsl.fetchCount(dsl.selectFrom("import_message")) == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Record audit = onlyAuditRow();
        assertThat(audit.get("outcome", String.class)).isEqualTo("refused");
        assertThat(audit.get("size_bytes", Long.class)).isEqualTo(3000);
        assertThat(dsl.fetchSingle("SELECT message FROM import_message").get(0, String.class)).contains("kunne ikke tas imot");
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void shouldRecordAnImportEndedByAnErrorAsFailedAndDeleteItsSpoolFile() throws Exception {
        doThrow(new OutOfMemoryError("Java heap space (test)")).when(statuses).latestMonth();

        HttpResponse<String> response = post("population?dryRun=true", "text/csv", null, POPULATION);

        assertThat(response.statusCode()).isEqualTo(500);
        Record audit = onlyAuditRow();
        assertThat(audit.get("outcome", String.class)).isEqualTo("failed");
        assertThat(audit.get("finished_at", OffsetDateTime.class)).isNotNull();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void shouldSpoolUploadsInTheSpoolFolderAndDeleteThem() throws Exception {
        assertThat(post("population", "text/csv", null, POPULATION).statusCode()).isEqualTo(200);
        String multipart = "--g\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + POPULATION + "\r\n--g--\r\n";
        assertThat(post("population", "multipart/form-data; boundary=g", null, multipart).statusCode()).isEqualTo(200);

        assertThat(spool.folder()).isDirectory();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void shouldRecordAMultipartBodyWithoutTheFieldFile() throws Exception {
        String multipart = "--g\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"f.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + POPULATION + "\r\n--g--\r\n";

        HttpResponse<String> response = post("population", "multipart/form-data; boundary=g", null, multipart);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("«file»");
        assertThat(onlyAuditRow().get("outcome", String.class)).isEqualTo("refused");
    }

    @Test
    void shouldStoreAnImportsOutcomeWithItsFactsOrNeither() throws Exception {
        // the service dies (here: an Error) while it records the outcome of a stored import
        doThrow(new OutOfMemoryError("Java heap space (test)")).when(audit)
                .finish(org.mockito.ArgumentMatchers.anyLong(), org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.any());

        HttpResponse<String> response = post("population", "text/csv", null, POPULATION);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(dsl.fetchCount(dsl.selectFrom("population"))).as("facts stored without their outcome").isZero();
        assertThat(onlyAuditRow().get("outcome", String.class)).isEqualTo("failed");
    }

    @Test
    void shouldLeaveASpoolFolderHeldByAnotherProcessAlone() throws Exception {
        long running = dsl.fetchSingle("INSERT INTO import (dataset, file_name, media_type, size_bytes, sha256, imported_by, "
                + "started_at, dry_run, outcome) VALUES ('population', 'folketall.csv', 'text/csv', 100, '', 'ingest', "
                + "now() - interval '1 hour', false, 'running') RETURNING id").get(0, Long.class);
        Path upload = Files.writeString(spool.folder().resolve("ukp-import-live.upload"), POPULATION);
        try {
            // a second process on the same folder (the report command beside the running service)
            ImportSpool second = new ImportSpool(properties, audit, lock, java.time.Clock.systemUTC());
            second.cleanUpAfterAnEarlierRun();
            second.release();

            assertThat(upload).exists();
            assertThat(onlyAuditRow().get("outcome", String.class)).isEqualTo("running");
            assertThat(onlyAuditRow().get("id", Long.class)).isEqualTo(running);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @Test
    void shouldCloseImportsLeftRunningByAKilledServiceAndDeleteTheirSpoolFilesAtStart() throws Exception {
        // what a SIGKILL mid-import leaves: an audit row still running, a spool file
        long killed = dsl.fetchSingle("INSERT INTO import (dataset, file_name, media_type, size_bytes, sha256, imported_by, "
                + "started_at, dry_run, outcome) VALUES ('population', 'folketall.csv', 'text/csv', 33000000, '', 'ingest', "
                + "now() - interval '1 hour', false, 'running') RETURNING id").get(0, Long.class);
        Path leftOver = Files.writeString(spool.folder().resolve("ukp-import-1234.upload"), "year,municipality\n");

        spool.cleanUpAfterAnEarlierRun();

        Record audit = onlyAuditRow();
        assertThat(audit.get("id", Long.class)).isEqualTo(killed);
        assertThat(audit.get("outcome", String.class)).isEqualTo("interrupted");
        assertThat(audit.get("finished_at", OffsetDateTime.class)).isNotNull();
        assertThat(dsl.fetch("SELECT message FROM import_message WHERE import_id = ?", killed).getValues(0, String.class))
                .singleElement().asString().contains("avbrutt");
        assertThat(leftOver).doesNotExist();
    }

    private List<Path> spoolFiles() throws IOException {
        try (Stream<Path> files = Files.list(spool.folder())) {
            return files.toList();
        }
    }

    private Record onlyAuditRow() {
        return dsl.fetchSingle("SELECT * FROM import");
    }

    private HttpResponse<String> post(String path, String contentType, String disposition, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("ingest:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (disposition != null) {
            request.header("Content-Disposition", disposition);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
