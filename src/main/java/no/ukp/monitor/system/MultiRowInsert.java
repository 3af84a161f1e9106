package no.ukp.monitor.system;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;

/** Stores many rows with multi-row INSERTs of {@value #ROWS} rows each: one statement per chunk, not one per row. */
public final class MultiRowInsert {

    /** Rows per INSERT statement. */
    public static final int ROWS = 1_000;

    private MultiRowInsert() {
    }

    /** Inserts every row into {@code table}; answers how many were stored. */
    public static <R extends TableRecord<R>> int insert(DSLContext tx, Table<R> table, List<R> rows) {
        int stored = 0;
        for (int start = 0; start < rows.size(); start += ROWS) {
            stored += tx.insertInto(table).columns(table.fields())
                    .valuesOfRecords(rows.subList(start, Math.min(rows.size(), start + ROWS))).execute();
        }
        return stored;
    }
}
