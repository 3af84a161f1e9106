package no.ukp.monitor.ingest;

import static no.ukp.monitor.ingest.Column.optional;
import static no.ukp.monitor.ingest.Column.required;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four kinds of import file of the contract: their columns, the fact table each fills, the
 * key that identifies a row, and the consistency rules of the domain between a row's values.
 */
public enum Dataset {

    MONTHLY_STATISTICS("monthly-statistics", "monthly_statistics", "måned, kommune og område",
            List.of("month", "municipality", "area"),
            required("month", ColumnType.MONTH, "måned", "periode"),
            required("municipality", ColumnType.MUNICIPALITY, "kommunenr", "kommunenummer"),
            optional("area", ColumnType.AREA, "område"),
            required("ukp_stays", ColumnType.COUNT, "ukp_opphold"),
            required("zero_day_stays", ColumnType.COUNT, "opphold_0_døgn"),
            required("ukp_days", ColumnType.COUNT, "ukp_døgn"),
            required("discharged_home", ColumnType.COUNT, "rett_hjem"),
            optional("readmissions_30d", ColumnType.OPTIONAL_COUNT, "reinnleggelser_30d")) {
        @Override
        List<RuleBreach> check(Row row) {
            List<RuleBreach> breaches = new ArrayList<>();
            int stays = row.integer("ukp_stays");
            int zeroDay = row.integer("zero_day_stays");
            if (zeroDay > stays) {
                breaches.add(new RuleBreach("zero_day_stays",
                        "Opphold med 0 døgn (" + zeroDay + ") kan ikke være flere enn UKP-opphold (" + stays + ")"));
            }
            int home = row.integer("discharged_home");
            if (home > stays) {
                breaches.add(new RuleBreach("discharged_home",
                        "Rett hjem (" + home + ") kan ikke være flere enn UKP-opphold (" + stays + ")"));
            }
            Integer readmissions = (Integer) row.value("readmissions_30d");
            if (readmissions != null && readmissions > stays) {
                breaches.add(new RuleBreach("readmissions_30d",
                        "Reinnleggelser (" + readmissions + ") kan ikke være flere enn UKP-opphold (" + stays + ")"));
            }
            int days = row.integer("ukp_days");
            if (zeroDay <= stays && days < stays - zeroDay) {
                breaches.add(new RuleBreach("ukp_days", "UKP-døgn (" + days + ") kan ikke være færre enn antall opphold "
                        + "med minst ett døgn (UKP-opphold − opphold med 0 døgn = " + (stays - zeroDay) + ")"));
            }
            return breaches;
        }
    },

    SHORT_TERM_STAYS("short-term-stays", "short_term_stays", "måned, kommune og enhet",
            List.of("month", "municipality", "unit"),
            required("month", ColumnType.MONTH, "måned", "periode"),
            required("municipality", ColumnType.MUNICIPALITY, "kommunenr", "kommunenummer"),
            required("unit", ColumnType.UNIT, "enhet"),
            required("discharges", ColumnType.COUNT, "utskrivninger"),
            required("los_days", ColumnType.COUNT, "liggedøgn")),

    SNAPSHOTS("snapshots", "snapshot", "tidspunkt, kommune og område",
            List.of("taken_at", "municipality", "area"),
            required("timestamp", ColumnType.TIMESTAMP, "tidspunkt"),
            required("municipality", ColumnType.MUNICIPALITY, "kommunenr", "kommunenummer"),
            optional("area", ColumnType.AREA, "område"),
            required("ukp_patients", ColumnType.COUNT, "ukp_pasienter"),
            optional("waiting_over_1_day", ColumnType.OPTIONAL_COUNT, "venter_over_1_døgn")) {
        @Override
        List<RuleBreach> check(Row row) {
            Integer waiting = (Integer) row.value("waiting_over_1_day");
            int patients = row.integer("ukp_patients");
            if (waiting != null && waiting > patients) {
                return List.of(new RuleBreach("waiting_over_1_day",
                        "Pasienter som har ventet over 1 døgn (" + waiting + ") kan ikke være flere enn UKP-pasienter ("
                                + patients + ")"));
            }
            return List.of();
        }
    },

    POPULATION("population", "population", "år og kommune",
            List.of("year", "municipality"),
            required("year", ColumnType.YEAR, "år"),
            required("municipality", ColumnType.MUNICIPALITY, "kommunenr", "kommunenummer"),
            required("population", ColumnType.POSITIVE_COUNT, "folketall"));

    private final String slug;
    private final String table;
    private final String keyDescription;
    private final List<String> keyColumns;
    private final List<Column> columns;

    Dataset(String slug, String table, String keyDescription, List<String> keyColumns, Column... columns) {
        this.slug = slug;
        this.table = table;
        this.keyDescription = keyDescription;
        this.keyColumns = keyColumns;
        this.columns = List.of(columns);
    }

    /** The name in the import URL and in the audit, e.g. {@code monthly-statistics}. */
    public String slug() {
        return slug;
    }

    /** The fact table; every accepted value also goes to {@code <table>_revision}. */
    String table() {
        return table;
    }

    /** The kind of data in Norwegian, as people choose it on the import page. */
    public String title() {
        return switch (this) {
            case MONTHLY_STATISTICS -> "Månedsstatistikk (UKP)";
            case SHORT_TERM_STAYS -> "Korttidsopphold";
            case SNAPSHOTS -> "Øyeblikksbilde";
            case POPULATION -> "Folketall";
        };
    }

    /** Whether the indicators are computed from this table (V7: its sums per scope and month are stored). */
    boolean feedsIndicators() {
        return this == MONTHLY_STATISTICS || this == SHORT_TERM_STAYS;
    }

    String revisionTable() {
        return table + "_revision";
    }

    /** The key in Norwegian words, for the duplicate-key message. */
    String keyDescription() {
        return keyDescription;
    }

    List<Column> columns() {
        return columns;
    }

    /** Database column of a file column: the same name, except the snapshot's timestamp. */
    String databaseColumn(Column column) {
        return column.name().equals("timestamp") ? "taken_at" : column.name();
    }

    List<String> databaseColumns() {
        return columns.stream().map(this::databaseColumn).toList();
    }

    List<String> keyColumns() {
        return keyColumns;
    }

    List<String> valueColumns() {
        return databaseColumns().stream().filter(c -> !keyColumns.contains(c)).toList();
    }

    /** The rules between the values of one parsed row, beyond each value's own. */
    List<RuleBreach> check(Row row) {
        return List.of();
    }

    public static Optional<Dataset> bySlug(String slug) {
        return Arrays.stream(values()).filter(d -> d.slug.equals(slug)).findFirst();
    }

    /** A parsed row: values in the order of {@link #columns()}. */
    record Row(Dataset dataset, Object[] values) {

        Object value(String column) {
            for (int i = 0; i < dataset.columns.size(); i++) {
                if (dataset.columns.get(i).name().equals(column)) {
                    return values[i];
                }
            }
            throw new IllegalArgumentException(column);
        }

        int integer(String column) {
            return (Integer) value(column);
        }
    }

    /** A consistency rule that a row breaks, reported on the given column. */
    record RuleBreach(String column, String message) {
    }
}
