package no.ukp.monitor.ingest;

import static no.ukp.monitor.ingest.Column.optional;
import static no.ukp.monitor.ingest.Column.required;

import java.util.List;

/**
 * The committee's action-plan template (tiltaksplan) as a file to import: one row per measure
 * (tiltak, with «aktivitet» empty) and one per activity (aktivitet) below it. Not a fact table:
 * {@link PlanImport} stores it through the plan's own repository. Every column is optional in the
 * header's sense except «tiltak» (a blank cell allowed: an activity's row) and one of «fra» /
 * «tidsrom», which {@link PlanImport} checks.
 */
final class PlanFile implements ImportKind {

    static final PlanFile INSTANCE = new PlanFile();

    static final int TITLE = 0;
    static final int ACTIVITY = 1;
    static final int START = 2;
    static final int END = 3;
    static final int PERIOD = 4;
    static final int PRIORITY = 5;
    static final int SIZE = 6;
    static final int OWNER = 7;
    static final int INDICATORS = 8;
    static final int SCOPE = 9;
    static final int STATUS = 10;
    static final int COMMENT = 11;
    static final int MONTH = 12;
    static final int DESCRIPTION = 13;
    static final int ID = 14;

    private static final List<Column> COLUMNS = List.of(
            required("title", ColumnType.TEXT, "Tiltakets navn. På en aktivitets rad: tom (aktiviteten hører "
                    + "til tiltaket over) eller navnet på tiltaket den hører til", "Forsterket utskrivningsteam", "tiltak"),
            optional("activity", ColumnType.TEXT, "Aktivitetens navn; tom på tiltakets egen rad", "Rekruttere sykepleier",
                    "aktivitet"),
            optional("startMonth", ColumnType.PLAN_MONTH, "Måneden tiltaket eller aktiviteten starter (påkrevd, ellers "
                    + "«tidsrom»); en aktivitet uten fra starter med tiltaket", "01.2025", "fra"),
            optional("endMonth", ColumnType.PLAN_MONTH, "Måneden tiltaket eller aktiviteten slutter; tom = ikke fastsatt",
                    "12.2025", "til"),
            optional("period", ColumnType.PERIOD, "I stedet for «fra» og «til»: fra–til i én celle", "01.2025–12.2025",
                    "tidsrom"),
            optional("priority", ColumnType.PRIORITY, "Prioritet", "Høy", "prioritet"),
            optional("size", ColumnType.SIZE, "Omfang", "Middels", "omfang"),
            optional("owner", ColumnType.TEXT, "Ansvarlig enhet eller person", "Helse og velferd", "ansvarlig"),
            optional("indicators", ColumnType.TEXT, "Indikatorene tiltaket skal påvirke, id eller navn, skilt med komma; bare "
                    + "på tiltakets rad", "ukp_days, zero_day_share", "indikatorer"),
            optional("scope", ColumnType.TEXT, "Utvalget tiltaket gjelder: total, region:<id> eller municipality:<kommunenummer> "
                    + "(eller bare kommunenummeret); tom = total, for en aktivitet tiltakets", "municipality:5001", "område",
                    "utvalg"),
            optional("status", ColumnType.PLAN_STATUS, "Status for måneden i «måned»", "grønn", "status"),
            optional("comment", ColumnType.TEXT, "Kommentar til statusen (bare sammen med en status)", "I rute", "kommentar"),
            optional("month", ColumnType.PLAN_MONTH, "Måneden statusen gjelder; tom = siste måned med data", "06.2025",
                    "måned", "statusmåned"),
            optional("description", ColumnType.TEXT, "Beskrivelse av tiltaket eller aktiviteten", "Tverrfaglig team som "
                    + "planlegger utskrivning fra første dag", "beskrivelse"),
            optional("id", ColumnType.PLAN_ID, "Tiltakets eller aktivitetens id fra tiltaksplanen; tom for nye. Uten id "
                    + "kjennes et tiltak igjen på navnet, en aktivitet på navnet innenfor tiltaket", "", "id"));

    private PlanFile() {
    }

    @Override
    public String slug() {
        return PlanImport.SLUG;
    }

    @Override
    public String title() {
        return "Tiltaksplan";
    }

    @Override
    public String keyDescription() {
        return "tiltak (med tom «aktivitet») og én rad per aktivitet under tiltaket sitt";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }
}
