package no.ukp.monitor.database;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the embedded PostgreSQL on a data directory of its own, {@code dir/postgres}; no
 * postmaster of it outlives the test, whatever the test did to the service.
 */
abstract class OwnDataDirectory {

    @TempDir
    Path dir;

    @AfterEach
    void noPostmasterLeftBehind() throws Exception {
        ServiceProcess.killPostmaster(dir.resolve("postgres"));
    }
}
