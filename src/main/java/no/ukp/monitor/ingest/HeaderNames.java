package no.ukp.monitor.ingest;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Near misses among header names: a header that is not a column's name but close to one is
 * probably that column misspelled, and is refused with the name it probably meant rather than
 * ignored (which would leave the column's values out unnoticed). Runs once per file, on the header.
 */
final class HeaderNames {

    /** Names compared shorter than this are too short to tell a misspelling from another word. */
    private static final int MIN_PREFIX_LENGTH = 6;

    private HeaderNames() {
    }

    /** The column a header probably meant ({@link #nearest}) and the name of it that is closest. */
    record Suggestion(int column, String name) {
    }

    /**
     * The name closest to {@code header} of the columns {@code candidates} accepts, if it is a near
     * miss: within {@link #allowedDistance} edits of the name's {@link Column#key}, or one key
     * starting with the other ({@code Reinnleggelser 30 dager} for {@code reinnleggelser_30d});
     * otherwise null.
     */
    static Suggestion nearest(String header, List<Column> columns, IntPredicate candidates) {
        String key = Column.key(header);
        Suggestion best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < columns.size(); i++) {
            if (!candidates.test(i)) {
                continue;
            }
            for (String name : columns.get(i).names()) {
                String known = Column.key(name);
                // at least the difference in length; a giant cell is never compared whole
                int lengths = Math.abs(key.length() - known.length());
                int distance = lengths <= 2 ? distance(key, known) : lengths;
                boolean near = distance <= allowedDistance(known) || isPrefix(key, known) || isPrefix(known, key);
                if (near && distance < bestDistance) {
                    best = new Suggestion(i, name);
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Edits allowed for a near miss of a name whose key is this long: 2, fewer for short names ({@code år}). */
    static int allowedDistance(String key) {
        return key.length() >= 7 ? 2 : key.length() >= 4 ? 1 : 0;
    }

    private static boolean isPrefix(String shorter, String longer) {
        return shorter.length() >= MIN_PREFIX_LENGTH && longer.startsWith(shorter);
    }

    /**
     * Edits (insert, delete, replace a character, or swap two neighbours) from one text to the
     * other: the optimal string alignment distance.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
