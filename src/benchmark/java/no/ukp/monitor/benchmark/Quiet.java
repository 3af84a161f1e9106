package no.ukp.monitor.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Waits until the database has no statement running but the caller's, so that work the service
 * does in the background after an import (e.g. refreshing its gauges) is not timed as part of the
 * next figure: it must have been quiet for half a second. Returns how long it was busy (the wait
 * less that half second); gives up after a limit and says so.
 */
final class Quiet {

    private static final Duration LIMIT = Duration.ofMinutes(15);
    private static final int QUIET_POLLS = 5; // 100 ms apart

    private Quiet() {
    }

    static double waitFor(DataSource dataSource, Progress progress, String before) throws SQLException, InterruptedException {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            int quietPolls = 0;
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
                    rs.next();
                    quietPolls = rs.getLong(1) == 0 ? quietPolls + 1 : 0;
                    if (quietPolls >= QUIET_POLLS) {
                        break; // quiet for half a second: background work that was about to start has started
                    }
                }
                if (System.nanoTime() - t0 > LIMIT.toNanos()) {
                    progress.step("the database is still busy after %d s; going on with %s", LIMIT.toSeconds(), before);
                    break;
                }
                Thread.sleep(100);
            }
        }
        double seconds = Math.max(0, (System.nanoTime() - t0) / 1e9 - QUIET_POLLS * 0.1);
        if (seconds > 1) {
            progress.step("waited %.1f s for the service's background work to finish before %s", seconds, before);
        }
        return seconds;
    }
}
