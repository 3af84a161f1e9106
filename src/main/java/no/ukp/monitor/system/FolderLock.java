package no.ukp.monitor.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a folder for the life of a service: the file {@code <folder>.lock} beside
 * it (beside, so that the folder itself stays as its owner wants it, e.g. empty for initdb),
 * locked by the operating system and released when the process ends, however it ends. Used for
 * the embedded database's data directory and the import spool folder.
 */
public final class FolderLock implements AutoCloseable {

    private final FileChannel channel;

    private FolderLock(FileChannel channel) {
        this.channel = channel;
    }

    /** The lock file of {@code folder}. */
    public static Path file(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".lock");
    }

    /** The lock, or empty when another process (or another service in this JVM) holds it. */
    public static Optional<FolderLock> tryLock(Path folder) throws IOException {
        Files.createDirectories(folder.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file(folder), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held in this JVM
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new FolderLock(channel));
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
