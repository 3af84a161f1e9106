package no.ukp.monitor.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Warnings about staged values that are valid but unlikely, with DHIS2's outlier check as the
 * model: a monthly value far outside the municipality's own history of the same column, and a
 * known value about to become unknown. Set-based on the staging table of {@link FactStore}
 * against the stored facts, in the import's transaction, before anything is applied.
 *
 * <p>Far outside: the modified z-score M = 0.6745 × (x − median) / MAD of the value on the same
 * key's (municipality and area or unit) values of the {@code months} months before its month,
 * with at least {@code minMonths} of them; where MAD = 0, M = (x − median) / (1.2533 × mean
 * absolute deviation). A value warns when |M| is above the threshold and it differs from the
 * median by at least {@code minDifference}. The usual range told to the user is where |M| is at
 * most the threshold.
 */
@Repository
class Plausibility {

    /** 0.6745: the MAD of a normal distribution is 0.6745 standard deviations. */
    private static final double MAD_FACTOR = 0.6745;
    /** 1.2533 = √(π/2): the mean absolute deviation of a normal distribution is 1/1.2533 standard deviations. */
    private static final double MEAN_AD_FACTOR = 1.2533;

    private final DSLContext dsl;
    private final PlausibilityProperties properties;

    Plausibility(DSLContext dsl, PlausibilityProperties properties) {
        this.dsl = dsl;
        this.properties = properties;
    }

    /** Whether the dataset's values are monthly per key, so that a history can judge them. */
    static boolean applies(Dataset dataset) {
        return dataset.keyColumns().contains("month");
    }

    /**
     * The warnings about the staged rows, at most {@code cap}, ordered by line.
     *
     * @param present the columns the file has, by database column, each with its header as the file writes it (a
     *                missing optional column keeps what is stored: nothing to warn about)
     * @param rows    the file's data rows: above {@code maxRows} the history is not consulted (one warning says so)
     * @param changes whether any staged row changes a stored one (else no known value can become unknown)
     */
    List<ImportProblem> check(Dataset dataset, Map<String, String> present, int rows, boolean changes, int cap) {
        List<ImportProblem> problems = new ArrayList<>();
        if (!applies(dataset)) {
            return problems;
        }
        List<String> values = dataset.valueColumns().stream().filter(present::containsKey).toList();
        if (values.isEmpty()) {
            return problems;
        }
        List<String> nullable = dataset.columns().stream().filter(c -> c.type() == ColumnType.OPTIONAL_COUNT)
                .map(dataset::databaseColumn).filter(values::contains).toList();
        for (Record r : changes && !nullable.isEmpty() ? dsl.fetch(becomingUnknown(dataset, nullable, cap)) : List.<Record>of()) {
            String column = r.get("col", String.class);
            problems.add(new ImportProblem(r.get("line", Integer.class), present.get(column), "",
                    "Kjent verdi blir ukjent: den lagrede verdien " + r.get("stored", Long.class)
                            + " erstattes av en tom celle. La kolonnen være ute av filen for å beholde de lagrede verdiene."));
        }
        if (rows > properties.maxRows()) {
            problems.add(new ImportProblem(0, "", "", "Uvanlige verdier er ikke sjekket mot kommunenes historikk: filen har "
                    + rows + " rader (sjekken gjøres for filer med inntil " + properties.maxRows() + " rader)"));
            return problems;
        }
        for (Record r : dsl.fetch(outliers(dataset, values, cap))) {
            problems.add(outlier(r, present));
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return problems.size() > cap ? problems.subList(0, cap) : problems;
    }

    private ImportProblem outlier(Record r, Map<String, String> shown) {
        double value = r.get("new_value", Double.class);
        double median = r.get("median", Double.class);
        double mad = r.get("mad", Double.class);
        double meanAd = r.get("mean_ad", Double.class);
        // |M| ≤ threshold ⇔ |x − median| ≤ spread
        double spread = mad > 0 ? properties.threshold() * mad / MAD_FACTOR : properties.threshold() * MEAN_AD_FACTOR * meanAd;
        long low = Math.max(0, (long) Math.ceil(median - spread));
        long high = (long) Math.floor(median + spread);
        String usual = low == high ? String.valueOf(low) : low + "–" + high;
        return new ImportProblem(r.get("line", Integer.class), shown.get(r.get("col", String.class)), number(value),
                "Uvanlig " + (value > median ? "høy" : "lav") + " verdi for kommunen: " + number(value) + " mot median "
                        + number(median) + " de siste " + r.get("n", Integer.class) + " månedene med tall (vanlig område "
                        + usual + "). Kontroller tallet før du lagrer.");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
    }

    /** Staged empty cells where a value is stored. */
    private static String becomingUnknown(Dataset dataset, List<String> values, int cap) {
        return "SELECT s.line, v.col, v.stored FROM " + FactStore.STAGING + " s JOIN " + dataset.table() + " c ON "
                + sameKey(dataset, "c", true) + " CROSS JOIN LATERAL (VALUES " + pairs(values, "c", "BIGINT")
                + ") AS v (col, new_value, stored) WHERE v.new_value IS NULL AND v.stored IS NOT NULL ORDER BY s.line, v.col LIMIT "
                + cap;
    }

    /** {@code ('ukp_days', CAST(s.ukp_days AS type), CAST(alias.ukp_days AS type)), ...}: staged and stored value per column. */
    private static String pairs(List<String> values, String alias, String type) {
        StringBuilder pairs = new StringBuilder();
        for (String column : values) {
            pairs.append(pairs.isEmpty() ? "" : ", ").append("('").append(column).append("', CAST(s.").append(column)
                    .append(" AS ").append(type).append("), CAST(").append(alias).append('.').append(column)
                    .append(" AS ").append(type).append("))");
        }
        return pairs.toString();
    }

    /** Staged values far outside their key's history (the query of the class comment). */
    private String outliers(Dataset dataset, List<String> values, int cap) {
        return "WITH h AS (SELECT s.line, v.col, v.new_value, v.old_value FROM " + FactStore.STAGING + " s JOIN "
                + dataset.table() + " h ON " + sameKey(dataset, "h", false)
                + " AND h.month >= s.month - INTERVAL '" + properties.months() + " months' AND h.month < s.month"
                + " CROSS JOIN LATERAL (VALUES " + pairs(values, "h", "DOUBLE PRECISION") + ") AS v (col, new_value, old_value)"
                + " WHERE v.new_value IS NOT NULL AND v.old_value IS NOT NULL),"
                + " m AS (SELECT line, col, new_value, CAST(count(*) AS INTEGER) AS n,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY old_value) AS median, avg(old_value) AS mean"
                + " FROM h GROUP BY line, col, new_value HAVING count(*) >= " + properties.minMonths() + "),"
                + " d AS (SELECT m.line, m.col, m.new_value, m.n, m.median,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(h.old_value - m.median)) AS mad,"
                + " avg(abs(h.old_value - m.mean)) AS mean_ad"
                + " FROM m JOIN h ON h.line = m.line AND h.col = m.col GROUP BY m.line, m.col, m.new_value, m.n, m.median)"
                + " SELECT line, col, new_value, n, median, mad, mean_ad FROM d"
                + " WHERE abs(new_value - median) >= " + properties.minDifference()
                + " AND CASE WHEN mad > 0 THEN " + MAD_FACTOR + " * abs(new_value - median) / mad"
                + " WHEN mean_ad > 0 THEN abs(new_value - median) / (" + MEAN_AD_FACTOR + " * mean_ad)"
                + " ELSE CAST('Infinity' AS DOUBLE PRECISION) END > " + properties.threshold()
                + " ORDER BY line, col LIMIT " + cap;
    }

    /** The staged row's key in the stored table {@code alias}: all of it, or all but the month (its history). */
    private static String sameKey(Dataset dataset, String alias, boolean withMonth) {
        StringBuilder on = new StringBuilder();
        for (String key : dataset.keyColumns()) {
            if (!withMonth && key.equals("month")) {
                continue;
            }
            on.append(on.isEmpty() ? "" : " AND ").append(alias).append('.').append(key).append(" = s.").append(key);
        }
        return on.toString();
    }
}
