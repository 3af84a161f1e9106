package no.ukp.monitor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file, spooled to a file of the spool folder as it arrives (so a large file never sits whole
 * in memory), with its size and SHA-256. Delete it with {@link #close()}.
 */
final class Upload implements AutoCloseable {

    private final Path path;
    private final String fileName;
    private final String mediaType;
    private final long size;
    private final String sha256;

    private Upload(Path path, String fileName, String mediaType, long size, String sha256) {
        this.path = path;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
    }

    /**
     * Copies the stream to {@code path}, a new file of the spool folder (deleted if this fails);
     * throws {@link TooLarge} past {@code maxBytes}.
     */
    static Upload spool(Path path, InputStream body, String fileName, String mediaType, long maxBytes) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), digest)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Upload(path, fileName, mediaType, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(path);
            throw new IllegalStateException(e);
        }
    }

    Path path() {
        return path;
    }

    String fileName() {
        return fileName;
    }

    String mediaType() {
        return mediaType;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    /** Whether the spooled file still has the SHA-256 it arrived with (what was checked is what is stored). */
    boolean intact() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    /** The first bytes, to tell an XLSX (zip) from text. */
    byte[] head(int n) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }

    /** The body is over the configured limit. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("Filen er større enn grensen på " + maxBytes / (1024 * 1024) + " MB");
        }
    }
}
