package no.ukp.monitor.benchmark;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A {@code COPY … FROM STDIN} fed with text in 256 KB chunks, as the service's own staging does, and
 * the audit row ({@code import}) the copied facts refer to, marked synthetic and as the benchmark's.
 */
final class CopyStream {

    private static final int FLUSH_AT = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

    CopyStream(Connection connection, String copyStatement) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
    }

    /** The buffer to append whole lines to; call {@link #flushIfFull()} after each. */
    StringBuilder buffer() {
        return buffer;
    }

    void flushIfFull() throws SQLException {
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends the rest and ends the COPY; returns the rows copied. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Records a stored import of {@code rows} rows by the benchmark (file name benchmark-…); returns its id. */
    static long auditRow(Connection connection, String dataset, String fileName, long sizeBytes, long rows) throws SQLException {
        try (PreparedStatement audit = connection.prepareStatement(
                "INSERT INTO import (dataset, file_name, media_type, size_bytes, sha256, imported_by, started_at, finished_at, "
                        + "dry_run, outcome, rows_read, inserted, updated, unchanged, warning_count, error_count, synthetic) "
                        + "VALUES (?, ?, 'text/csv', ?, '-', 'benchmark', now(), now(), false, 'stored', ?, ?, 0, 0, 0, 0, true) "
                        + "RETURNING id")) {
            audit.setString(1, dataset);
            audit.setString(2, DatabaseGuard.FILE_PREFIX + fileName);
            audit.setLong(3, sizeBytes);
            audit.setLong(4, rows);
            audit.setLong(5, rows);
            try (ResultSet rs = audit.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
