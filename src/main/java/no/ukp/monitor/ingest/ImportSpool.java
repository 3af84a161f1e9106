package no.ukp.monitor.ingest;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import no.ukp.monitor.system.FolderLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The folder uploads are spooled in ({@code ukp.import.spool-dir}), and what a service killed
 * mid-import (SIGKILL, out of memory) leaves behind: at start, the files in that folder are
 * deleted and imports still {@code running} in the audit are closed as {@code interrupted}.
 * <p>
 * Only rows started before this instance started are closed, and only while this instance holds
 * the import lock, so no import of another instance sharing the database is in its transaction
 * then. One of another instance still waiting for its turn may be closed too early; its own end
 * then overwrites {@code interrupted} with its real outcome.
 * <p>
 * The instance holds {@code <spool folder>.lock} while it runs ({@link FolderLock}): a second
 * process started on the same folder (another instance, or the {@code report} command beside a
 * running service) cleans nothing up and closes nothing, so it never deletes a live upload.
 */
@Component
class ImportSpool {

    private static final Logger log = LoggerFactory.getLogger(ImportSpool.class);

    private final Path folder;
    private final ImportRepository audit;
    private final ImportLock lock;
    private final Clock clock;
    private final OffsetDateTime instanceStarted;
    /** This instance's hold on the folder; empty when another process holds it. */
    private final Optional<FolderLock> owner;

    ImportSpool(ImportProperties properties, ImportRepository audit, ImportLock lock, Clock clock) throws IOException {
        if (!properties.spoolDir().isAbsolute()) {
            // multipart parts are spooled there too, and Tomcat would take a relative path as its own
            throw new IllegalStateException("ukp.import.spool-dir must be an absolute path: " + properties.spoolDir());
        }
        this.folder = properties.spoolDir().normalize();
        this.audit = audit;
        this.lock = lock;
        this.clock = clock;
        this.instanceStarted = OffsetDateTime.now(clock);
        Files.createDirectories(folder);
        this.owner = FolderLock.tryLock(folder);
    }

    @PreDestroy
    void release() throws IOException {
        if (owner.isPresent()) {
            owner.get().close();
        }
    }

    Path folder() {
        return folder;
    }

    /** A new empty file in the spool folder. */
    Path newFile() throws IOException {
        return Files.createTempFile(folder, "ukp-import-", ".upload");
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-20)
    void cleanUpAfterAnEarlierRun() {
        if (owner.isEmpty()) {
            log.info("The import spool folder {} is held by another running process: nothing is cleaned up", folder);
            return;
        }
        deleteLeftOverFiles();
        try {
            int closed = lock.inTransaction(Duration.ofSeconds(5),
                    status -> audit.interrupt(instanceStarted, OffsetDateTime.now(clock)));
            if (closed > 0) {
                log.warn("Closed {} imports left running by an earlier run as interrupted", closed);
            }
        } catch (ImportLock.Busy e) {
            log.info("Another instance is importing: imports left running are closed at the next start");
        }
    }

    private void deleteLeftOverFiles() {
        long files = 0;
        long bytes = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    bytes += Files.size(entry);
                    Files.delete(entry);
                    files++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not clean the import spool folder {}: {}", folder, e.toString());
        }
        if (files > 0) {
            log.warn("Deleted {} files ({} bytes) left in the import spool folder {} by an earlier run", files, bytes, folder);
        }
    }
}
