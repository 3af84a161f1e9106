package no.ukp.monitor.ingest;

import static no.ukp.monitor.db.Tables.IMPORT;
import static no.ukp.monitor.db.Tables.MONTHLY_STATISTICS_REVISION;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Every value an imported row has had ({@code <table>_revision}), with the import that brought it. */
@Repository
class HistoryRepository {

    private final DSLContext dsl;

    HistoryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * One accepted version of a monthly statistics row. {@code deleted}: a deletion revision (an
     * undo of the import that had inserted the row; no values, the row is absent from then on);
     * {@code undoesImportId}: the import undone, where this revision is an undo's.
     */
    record MonthlyStatisticsRevision(String month, String municipality, String area, int revision, Integer ukpStays,
                                     Integer zeroDayStays, Integer ukpDays, Integer dischargedHome, Integer readmissions30d,
                                     boolean deleted, long importId, String fileName, String importedBy,
                                     Long undoesImportId, OffsetDateTime recordedAt) {
    }

    /**
     * The revisions of a municipality's monthly statistics, by month, area and revision;
     * {@code month} and {@code area} null: every one.
     */
    List<MonthlyStatisticsRevision> monthlyStatistics(String municipality, YearMonth month, String area) {
        var r = MONTHLY_STATISTICS_REVISION;
        var condition = r.MUNICIPALITY.eq(municipality);
        if (month != null) {
            condition = condition.and(r.MONTH.eq(month.atDay(1)));
        }
        if (area != null) {
            condition = condition.and(r.AREA.eq(area));
        }
        return dsl.select(DSL.toChar(r.MONTH, "YYYY-MM"), r.MUNICIPALITY, r.AREA, r.REVISION, r.UKP_STAYS,
                        r.ZERO_DAY_STAYS, r.UKP_DAYS, r.DISCHARGED_HOME, r.READMISSIONS_30D, r.DELETED, r.IMPORT_ID,
                        IMPORT.FILE_NAME, IMPORT.IMPORTED_BY, IMPORT.UNDOES_IMPORT_ID, r.RECORDED_AT)
                .from(r)
                .join(IMPORT).on(IMPORT.ID.eq(r.IMPORT_ID))
                .where(condition)
                .orderBy(r.MONTH, r.AREA, r.REVISION)
                .fetch(Records.mapping(MonthlyStatisticsRevision::new));
    }
}
