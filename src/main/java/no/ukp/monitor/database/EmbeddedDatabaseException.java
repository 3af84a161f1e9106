package no.ukp.monitor.database;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL cannot be used: its data directory is in use or holds no database,
 * its port is taken, or it did not start. The message names the data directory and the port and
 * says what to do (at a failed start {@link EmbeddedDatabaseFailureAnalyzer} shows it instead of a
 * stack trace).
 */
public class EmbeddedDatabaseException extends RuntimeException {

    /** What went wrong; the report command answers each with its own exit status. */
    public enum Problem { IN_USE, NO_DATABASE, PORT_TAKEN, FOREIGN_SERVER, FAILED }

    private final Problem problem;
    private final Path dataDir;
    private final String description;
    private final String action;

    private EmbeddedDatabaseException(Problem problem, Path dataDir, String description, String action) {
        super(description + ". " + action);
        this.problem = problem;
        this.dataDir = dataDir;
        this.description = description;
        this.action = action;
    }

    static EmbeddedDatabaseException inUse(Path dataDir, Path lockFile) {
        return new EmbeddedDatabaseException(Problem.IN_USE, dataDir,
                "The embedded PostgreSQL data directory " + dataDir + " is in use by another running UKP monitor (it holds "
                        + lockFile + ")",
                "Stop the other service first, or give this one another data directory with UKP_EMBEDDED_DATA_DIR "
                        + "(ukp.embedded.data-dir).");
    }

    static EmbeddedDatabaseException missing(Path dataDir) {
        return new EmbeddedDatabaseException(Problem.NO_DATABASE, dataDir,
                "There is no embedded PostgreSQL database in " + dataDir,
                "Point UKP_EMBEDDED_DATA_DIR (ukp.embedded.data-dir) to the service's data directory, or "
                        + "SPRING_DATASOURCE_URL to its database.");
    }

    static EmbeddedDatabaseException portTaken(Path dataDir, int port) {
        return new EmbeddedDatabaseException(Problem.PORT_TAKEN, dataDir,
                "The embedded PostgreSQL of data directory " + dataDir + " cannot listen on 127.0.0.1 port " + port
                        + ": another process already uses port " + port,
                "Stop the process that listens on port " + port + ", or choose another port for the embedded "
                        + "PostgreSQL with UKP_EMBEDDED_PORT (ukp.embedded.port; 0 picks a free port).");
    }

    static EmbeddedDatabaseException foreign(Path dataDir, int port, Path served) {
        return new EmbeddedDatabaseException(Problem.FOREIGN_SERVER, dataDir,
                "The PostgreSQL on 127.0.0.1 port " + port + " serves " + served + ", not the embedded data directory "
                        + dataDir,
                "Stop the other PostgreSQL on port " + port + ", or choose another port with UKP_EMBEDDED_PORT "
                        + "(ukp.embedded.port).");
    }

    static EmbeddedDatabaseException failed(Path dataDir, String detail) {
        return new EmbeddedDatabaseException(Problem.FAILED, dataDir,
                "The embedded PostgreSQL of data directory " + dataDir + " did not start: " + detail,
                "See " + dataDir.resolve(EmbeddedPostgresServer.LOG_FILE) + ".");
    }

    public Problem problem() {
        return problem;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What went wrong, without {@link #action()}. */
    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
