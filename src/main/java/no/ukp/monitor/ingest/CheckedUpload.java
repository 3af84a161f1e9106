package no.ukp.monitor.ingest;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A file the import page has checked (a dry run without errors), kept in the user's session under
 * a random token until **Lagre** stores exactly that file: at most one per session. Its spooled
 * file is deleted when it is stored, when another file is checked, at logout and when the session
 * expires ({@code server.servlet.session.timeout}); a restart deletes what the spool folder holds.
 */
final class CheckedUpload implements HttpSessionBindingListener {

    /** The session attribute it is kept under. */
    static final String ATTRIBUTE = CheckedUpload.class.getName();

    private final String token;
    private final ImportService.Received received;
    private final ImportResult check;
    private final AtomicBoolean taken = new AtomicBoolean();

    CheckedUpload(String token, ImportService.Received received, ImportResult check) {
        this.token = token;
        this.received = received;
        this.check = check;
    }

    String token() {
        return token;
    }

    ImportService.Received received() {
        return received;
    }

    /** What the check found: shown again when Lagre needs a confirmation it did not get. */
    ImportResult check() {
        return check;
    }

    /** Claims it for storing, once: a second click on Lagre finds it taken. */
    boolean take() {
        return taken.compareAndSet(false, true);
    }

    /** Gives a claim back: storing did not happen (another import kept it waiting), it may be tried again. */
    void release() {
        taken.set(false);
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        try {
            received.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
