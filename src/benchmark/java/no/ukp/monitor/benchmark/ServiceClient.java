package no.ukp.monitor.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP to the service as its users (HTTP Basic), over one kept-alive HTTP/1.1 client, as a
 * dashboard, an analyst's script or an import job would call it.
 */
final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String password;

    ServiceClient(String baseUrl, String password) {
        this.baseUrl = baseUrl;
        this.password = password;
    }

    /** GET as {@code user}; fails unless the answer is 200. */
    byte[] get(String path, String user, String accept) throws IOException, InterruptedException {
        HttpRequest request = request(path, user).header("Accept", accept).timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** GET as {@code user}, the answer as a stream (to read an export without holding it); fails unless it is 200. */
    InputStream stream(String path, String user, String accept) throws IOException, InterruptedException {
        HttpRequest request = request(path, user).header("Accept", accept).timeout(Duration.ofMinutes(30)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return response.body();
    }

    JsonNode getJson(String path, String user) throws IOException, InterruptedException {
        return JSON.readTree(get(path, user, "application/json"));
    }

    /**
     * POSTs a CSV file, streamed from disk, to an import endpoint as user {@code ingest}; returns the
     * import summary; fails unless the service stored the file.
     */
    JsonNode importCsv(String dataset, Path file) throws IOException, InterruptedException {
        HttpRequest request = request("/api/v1/imports/" + dataset, ServiceUnderTest.INGEST)
                .header("Content-Type", "text/csv")
                // the audit keeps the name: a database holding only benchmark-* imports is a benchmark data set
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"")
                .timeout(Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String body = response.body();
            throw new IllegalStateException("import of " + file.getFileName() + " answered " + response.statusCode() + ": "
                    + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
        JsonNode summary = JSON.readTree(response.body());
        if (summary.path("dryRun").asBoolean(false) || summary.path("rows").isMissingNode()) {
            throw new IllegalStateException("unexpected import answer: " + summary);
        }
        return summary;
    }

    /** POSTs JSON as {@code user}; fails unless the answer is 2xx; returns the answer. */
    JsonNode postJson(String path, String user, String json) throws IOException, InterruptedException {
        HttpRequest request = request(path, user).header("Content-Type", "application/json").timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Basic " + credentials);
    }
}
