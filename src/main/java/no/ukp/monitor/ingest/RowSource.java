package no.ukp.monitor.ingest;

import java.io.IOException;

/** The rows of an import file, read one at a time; the first is the header. */
interface RowSource extends AutoCloseable {

    /** The next row, or null at the end. */
    SourceRow next() throws IOException;

    @Override
    void close() throws IOException;
}
