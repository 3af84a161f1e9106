package no.ukp.monitor.ingest;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import no.ukp.monitor.system.Problems;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One import at a time. An import first waits for its turn in this service instance, in
 * arrival order and without a database connection (so waiting imports never take the connections
 * reads need), then opens its transaction and locks the row {@code import} of
 * {@code service_lock} (V11), so that imports of other instances wait too. Only the service's own
 * role may lock that row: the read-only {@code ukp_reader} cannot make imports wait. Both waits
 * together last at most {@code ukp.import.lock-wait}; then {@link Busy}.
 */
@Component
public class ImportLock {

    /** PostgreSQL's lock_not_available: lock_timeout ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final ReentrantLock turn = new ReentrantLock(true);
    private final TransactionTemplate transaction;
    private final DSLContext dsl;
    private final Duration wait;

    ImportLock(TransactionTemplate transaction, DSLContext dsl, ImportProperties properties) {
        this.transaction = transaction;
        this.dsl = dsl;
        this.wait = properties.lockWait();
    }

    /** How long an import waits for its turn. */
    Duration waitLimit() {
        return wait;
    }

    /**
     * Runs {@code work} in a transaction holding the import lock, waiting for it at most {@link #waitLimit()}.
     * Besides imports, approving a month takes it, so that no import is half-way while the month is approved.
     */
    public <T> T inTransaction(TransactionCallback<T> work) {
        return inTransaction(wait, work);
    }

    /** Runs {@code work} in a transaction holding the import lock, waiting for it at most {@code limit}. */
    <T> T inTransaction(Duration limit, TransactionCallback<T> work) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            if (!turn.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(wait);
        }
        try {
            return transaction.execute(status -> {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                dsl.execute("SET LOCAL lock_timeout = " + left);
                dsl.execute("SELECT 1 FROM service_lock WHERE name = 'import' FOR UPDATE");
                // no lock the import needs later may be waited for longer than an import waits for its turn
                dsl.execute("SET LOCAL lock_timeout = " + Math.max(1, wait.toMillis()));
                return work.doInTransaction(status);
            });
        } catch (RuntimeException e) {
            if (lockNotAvailable(e)) {
                throw new Busy(wait);
            }
            throw e;
        } finally {
            turn.unlock();
        }
    }

    private static boolean lockNotAvailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Another import held the lock longer than an import waits; nothing of this one was stored.
     * Answered 503 with Retry-After.
     */
    public static final class Busy extends RuntimeException {

        private final Duration retryAfter;
        private final long importId;

        Busy(Duration retryAfter) {
            this(retryAfter, 0);
        }

        private Busy(Duration retryAfter, long importId) {
            super("En annen import pågår og ble ikke ferdig innen " + seconds(retryAfter)
                    + " sekunder; ingenting er lagret. Prøv igjen om " + seconds(retryAfter) + " sekunder.", null, false, false);
            this.retryAfter = retryAfter;
            this.importId = importId;
        }

        /** The same, for the import with this id in the audit. */
        Busy of(long importId) {
            return new Busy(retryAfter, importId);
        }

        long importId() {
            return importId;
        }

        /** Whole seconds, at least 1, for the Retry-After header. */
        public long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration duration) {
            return Problems.retryAfterSeconds(duration);
        }
    }
}
