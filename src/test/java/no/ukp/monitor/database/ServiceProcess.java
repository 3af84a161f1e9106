package no.ukp.monitor.database;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.ukp.monitor.UkpMonitorApplication;

/**
 * The service as an operator runs it: a JVM of its own on an embedded PostgreSQL in a given
 * folder and port, so that a test can kill it with SIGKILL.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int httpPort;

    private ServiceProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** Starts the service and waits until its readiness probe answers 200. */
    static ServiceProcess start(Path dataDir, int databasePort, int httpPort, Path log) throws Exception {
        ServiceProcess service = new ServiceProcess(launch(dataDir, databasePort, httpPort, log), log, httpPort);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (service.readiness() != 200) {
            if (!service.process.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.process.exitValue() + ":\n" + service.logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                service.close();
                throw new IllegalStateException("the service did not get ready:\n" + service.logTail());
            }
            Thread.sleep(500);
        }
        return service;
    }

    /** Starts the service's JVM, its output appended to {@code log}. */
    static Process launch(Path dataDir, int databasePort, int httpPort, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                UkpMonitorApplication.class.getName(),
                "--spring.datasource.url=",
                "--ukp.embedded.data-dir=" + dataDir,
                "--ukp.embedded.port=" + databasePort,
                "--server.port=" + httpPort,
                "--ukp.demo.enabled=false",
                // its own spool folder: on the shared default it would clean up the uploads the test JVM has checked
                "--ukp.import.spool-dir=" + dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-spool"),
                "--ukp.users.admin=process-test",
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        return builder.start();
    }

    /** HTTP status of {@code /actuator/health/readiness}, 0 when nothing answers. */
    int readiness() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(
                    "http://127.0.0.1:" + httpPort + "/actuator/health/readiness").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(10000);
            return connection.getResponseCode();
        } catch (IOException e) {
            return 0;
        }
    }

    Process process() {
        return process;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as the OOM killer or {@code kill -9} ends it. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as systemd or docker stop ends it; waits until it has exited. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The live postmaster whose pid {@code postmaster.pid} in {@code dataDir} names, if any. */
    static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
    }

    /** Kills whatever postmaster still runs on {@code dataDir}, so that no test leaves one behind. */
    static void killPostmaster(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        if (postmaster.isPresent()) {
            postmaster.get().destroyForcibly();
            postmaster.get().onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
