package no.ukp.monitor.ingest;

import static no.ukp.monitor.ingest.Column.optional;
import static no.ukp.monitor.ingest.Column.required;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of fact file of the contract: their columns, the fact table each fills, the
 * key that identifies a row, and the consistency rules of the domain between a row's values.
 */
public enum Dataset implements ImportKind {

    MONTHLY_STATISTICS("monthly-statistics", "Månedsstatistikk", "monthly_statistics", "måned, kommune og område",
            List.of("month", "municipality", "area"),
            Shared.MONTH,
            Shared.MUNICIPALITY,
            Shared.AREA,
            required("ukp_stays", ColumnType.COUNT, "Opphold som utskrivningsklar pasient (UKP) i måneden", "42",
                    "ukp_opphold"),
            required("zero_day_stays", ColumnType.COUNT,
                    "Av UKP-oppholdene: de med 0 UKP-døgn; ikke flere enn ukp_opphold", "30", "opphold_0_døgn"),
            required("ukp_days", ColumnType.COUNT,
                    "UKP-døgn i måneden; minst ukp_opphold − opphold_0_døgn", "57", "ukp_døgn"),
            required("discharged_home", ColumnType.COUNT,
                    "Utskrevet direkte hjem; ikke flere enn ukp_opphold", "11", "rett_hjem", "utskrevet_rett_hjem"),
            optional("readmissions_30d", ColumnType.OPTIONAL_COUNT,
                    "Reinnlagt innen 30 døgn; ikke flere enn ukp_opphold. Tom celle = ikke kjent ennå; "
                            + "uten kolonnen beholdes lagrede verdier", "3",
                    "reinnleggelser_30d", "reinnleggelser_30_døgn")) {
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

    SHORT_TERM_STAYS("short-term-stays", "Korttidsopphold", "short_term_stays", "måned, kommune og enhet",
            List.of("month", "municipality", "unit"),
            Shared.MONTH,
            Shared.MUNICIPALITY,
            required("unit", ColumnType.UNIT, "Korttidsenheten", "oya-helsehus", "enhet"),
            required("discharges", ColumnType.COUNT, "Utskrivninger fra enheten i måneden", "25", "utskrivninger"),
            required("los_days", ColumnType.COUNT, "Liggedøgn på enheten i måneden", "180", "liggedøgn")),

    SNAPSHOTS("snapshots", "Øyeblikksbilde", "snapshot", "tidspunkt, kommune og område",
            List.of("taken_at", "municipality", "area"),
            required("timestamp", ColumnType.TIMESTAMP, "Når tellingen ble gjort", "30.06.2025 08:00", "tidspunkt"),
            Shared.MUNICIPALITY,
            Shared.AREA,
            required("ukp_patients", ColumnType.COUNT, "Utskrivningsklare pasienter som venter nå", "6",
                    "ukp_pasienter"),
            optional("waiting_over_1_day", ColumnType.OPTIONAL_COUNT,
                    "Av dem: de som har ventet over ett døgn; ikke flere enn ukp_pasienter. Tom celle = ikke kjent; "
                            + "uten kolonnen beholdes lagrede verdier", "2", "venter_over_1_døgn")) {
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

    POPULATION("population", "Folketall", "population", "år og kommune",
            List.of("year", "municipality"),
            required("year", ColumnType.YEAR, "Året; folketallet gjelder 1. januar", "2025", "år"),
            Shared.MUNICIPALITY,
            required("population", ColumnType.POSITIVE_COUNT, "Innbyggere 1. januar", "214565", "folketall")),

    /**
     * Helsedirektoratet's yearly UKP figures per municipality of residence, for all of Norway (SAMDATA). The
     * aliases are the headings of the published downloads, which change between years: add a new one to its
     * column's list.
     */
    NATIONAL_STATISTICS("national-statistics", "Nasjonale tall", "national_statistics", "år og kommune",
            List.of("year", "municipality"),
            required("year", ColumnType.YEAR, "Året tallene gjelder", "2024", "år", "årstall", "aar"),
            required("municipality", ColumnType.NATIONAL_MUNICIPALITY,
                    "Pasientens bostedskommune, hvilken som helst kommune i landet", "5001",
                    "kommunenr", "bostedskommune", "kommunenummer", "bostedskommunenr", "bostedskommune nr", "komnr"),
            optional("municipality_name", ColumnType.NAME, "Kommunens navn (til visning; tomt = navnet fra referansedataene)",
                    "Trondheim", "kommunenavn", "bostedskommunenavn", "kommune"),
            optional("community", ColumnType.NAME,
                    "Helsefellesskapet kommunen hører til; uten kolonnen (eller tom celle) gjelder «Nasjonale kommuner»",
                    "Helsefellesskapet St. Olav", "helsefellesskap", "helsefellesskapet"),
            required("ukp_days", ColumnType.COUNT, "Overliggerdøgn (UKP-døgn) i året, somatikk", "5363",
                    "overliggerdøgn", "antall overliggerdøgn", "overliggerdøgn somatikk", "liggedøgn utskrivningsklare pasienter"),
            required("population", ColumnType.OPTIONAL_POSITIVE_COUNT,
                    "Innbyggere i kommunen; tom celle = ikke oppgitt (kommunen og helsefellesskapet får da ingen rate)",
                    "214565", "innbyggere", "befolkning", "folkemengde", "antall innbyggere"),
            optional("patients", ColumnType.OPTIONAL_COUNT, "Pasienter med minst ett overliggerdøgn", "812",
                    "pasienter", "antall pasienter"),
            optional("stays", ColumnType.OPTIONAL_COUNT, "Opphold med overliggerdøgn", "1020", "opphold", "antall opphold"),
            optional("rate_per_1000_standardised", ColumnType.RATE,
                    "Overliggerdøgn per 1 000 innbyggere, alders- og kjønnsstandardisert, som publisert", "25,1",
                    "overliggerdøgn_per_1000_standardisert", "overliggerdøgn per 1000 innbyggere standardisert",
                    "overliggerdøgn per 1 000 innbyggere, justert", "standardisert rate")),

    /** The municipalities of Norway with the health community each belongs to: the membership for the national figures. */
    NATIONAL_MUNICIPALITIES("national-municipalities", "Nasjonale kommuner", "national_municipality", "kommune",
            List.of("municipality"),
            required("municipality", ColumnType.ANY_MUNICIPALITY, "Kommunenummer, hvilken som helst kommune i landet",
                    "5001", "kommunenr", "kommunenummer", "bostedskommune"),
            optional("municipality_name", ColumnType.NAME, "Kommunens navn", "Trondheim", "kommunenavn"),
            required("community", ColumnType.NAME, "Helsefellesskapet kommunen hører til", "Helsefellesskapet St. Olav",
                    "helsefellesskap", "helsefellesskapet"));

    /** The columns several files have, defined once (a class of their own: enum constants cannot use the enum's statics). */
    private static final class Shared {
        static final Column MONTH = required("month", ColumnType.MONTH, "Måneden tallene gjelder", "2025-06",
                "måned", "periode", "mnd");
        static final Column MUNICIPALITY = required("municipality", ColumnType.MUNICIPALITY,
                "Kommunen tallene gjelder (pasientens bostedskommune)", "5001", "kommunenr", "kommunenummer");
        static final Column AREA = optional("area", ColumnType.AREA, "Fagområde; bare somatikk teller i indikatorene",
                "somatikk", "område");
    }

    /**
     * Header names every file may have and the import ignores, without a warning: the
     * municipality's name, which exports write beside its number, so that they import again.
     */
    static final List<String> IGNORED_HEADERS = List.of("kommunenavn", "municipality_name");

    private final String slug;
    private final String title;
    private final String table;
    private final String keyDescription;
    private final List<String> keyColumns;
    private final List<Column> columns;

    Dataset(String slug, String title, String table, String keyDescription, List<String> keyColumns,
            Column... columns) {
        this.slug = slug;
        this.title = title;
        this.table = table;
        this.keyDescription = keyDescription;
        this.keyColumns = keyColumns;
        this.columns = List.of(columns);
    }

    @Override
    public String slug() {
        return slug;
    }

    /** The Norwegian name of this kind of file, e.g. {@code Månedsstatistikk}: the template's sheet, the import page's choice. */
    @Override
    public String title() {
        return title;
    }

    /** The fact table; every accepted value also goes to {@code <table>_revision}. */
    String table() {
        return table;
    }

    /** Whether the file holds the national comparison's figures or membership (any municipality of Norway). */
    boolean national() {
        return this == NATIONAL_STATISTICS || this == NATIONAL_MUNICIPALITIES;
    }

    /** Whether the indicators are computed from this table (V7: its sums per scope and month are stored). */
    boolean feedsIndicators() {
        return this == MONTHLY_STATISTICS || this == SHORT_TERM_STAYS;
    }

    String revisionTable() {
        return table + "_revision";
    }

    /** The key in Norwegian words, for the duplicate-key message. */
    @Override
    public String keyDescription() {
        return keyDescription;
    }

    @Override
    public List<Column> columns() {
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
