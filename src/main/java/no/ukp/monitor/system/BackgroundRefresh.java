package no.ukp.monitor.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refresh of derived figures run on a thread of its own, so that whoever asks for it (an import
 * that was just stored) does not wait; requests that arrive while one is waiting share it, so that
 * imports in quick succession cause one refresh, not one each. A failed refresh is logged, and the
 * next request tries again.
 */
public final class BackgroundRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundRefresh.class);

    private final String name;
    private final Runnable refresh;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    /** {@code name} names the thread and the log lines, e.g. {@code ukp-indicator-gauges}. */
    public BackgroundRefresh(String name, Runnable refresh) {
        this.name = name;
        this.refresh = refresh;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a refresh unless one is already waiting; {@code cause} is logged if it fails. */
    public void request(String cause) {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                try {
                    refresh.run();
                } catch (RuntimeException e) {
                    log.warn("{}: refresh after {} failed", name, cause, e);
                }
            });
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
