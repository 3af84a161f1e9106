package no.ukp.monitor.report;

import static no.ukp.monitor.db.Tables.DATA_ORIGIN;
import static no.ukp.monitor.db.Tables.IMPORT;
import static no.ukp.monitor.db.Tables.INDICATOR_SETTING;
import static no.ukp.monitor.db.Tables.MONTHLY_STATISTICS_AS_OF;
import static no.ukp.monitor.db.Tables.POPULATION_AS_OF;
import static no.ukp.monitor.db.Tables.SHORT_TERM_STAYS_AS_OF;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What the report says about the data beside the indicators: which municipality-months are
 * reported, whose readmissions are not yet known, the imports the figures rest on and how fresh
 * they are. Reads the facts through the *_as_of views (as they stood at the instant of an {@code asOf}
 * report, see AsOf; now otherwise) and the import audit; computes no indicator.
 */
@Repository
class ReportRepository {

    private final DSLContext dsl;

    ReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A municipality-month with a somatikk row, as the coverage of the views counts it. */
    record Reported(String municipality, YearMonth month) {
    }

    /** One import the figures rest on, with the number of its rows in use. */
    record ImportUsed(long id, String dataset, String fileName, OffsetDateTime finishedAt, String importedBy,
                      boolean synthetic, int rows) {
    }

    /** The time of the latest stored import ({@code data_origin.last_import_at}). */
    Optional<OffsetDateTime> lastImportAt() {
        return Optional.ofNullable(dsl.select(DATA_ORIGIN.LAST_IMPORT_AT).from(DATA_ORIGIN).fetchOne(DATA_ORIGIN.LAST_IMPORT_AT));
    }

    Optional<Integer> baselineYear() {
        return Optional.ofNullable(dsl.select(INDICATOR_SETTING.VALUE).from(INDICATOR_SETTING)
                .where(INDICATOR_SETTING.KEY.eq("baseline_year")).fetchOne(INDICATOR_SETTING.VALUE)).map(Integer::valueOf);
    }

    Set<Reported> reported(List<String> municipalities, YearMonth from, YearMonth to) {
        return dsl.select(MONTHLY_STATISTICS_AS_OF.MUNICIPALITY, MONTHLY_STATISTICS_AS_OF.MONTH)
                .from(MONTHLY_STATISTICS_AS_OF)
                .where(MONTHLY_STATISTICS_AS_OF.AREA.eq("somatikk"), MONTHLY_STATISTICS_AS_OF.MUNICIPALITY.in(municipalities),
                        MONTHLY_STATISTICS_AS_OF.MONTH.between(from.atDay(1), to.atDay(1)))
                .fetchSet(r -> new Reported(r.value1(), YearMonth.from(r.value2())));
    }

    /** The municipalities whose somatikk row of the month has no readmission count yet. */
    List<String> readmissionsUnknown(List<String> municipalities, YearMonth month) {
        return dsl.select(MONTHLY_STATISTICS_AS_OF.MUNICIPALITY).from(MONTHLY_STATISTICS_AS_OF)
                .where(MONTHLY_STATISTICS_AS_OF.AREA.eq("somatikk"), MONTHLY_STATISTICS_AS_OF.MUNICIPALITY.in(municipalities),
                        MONTHLY_STATISTICS_AS_OF.MONTH.eq(month.atDay(1)), MONTHLY_STATISTICS_AS_OF.READMISSIONS_30D.isNull())
                .orderBy(MONTHLY_STATISTICS_AS_OF.MUNICIPALITY)
                .fetch(MONTHLY_STATISTICS_AS_OF.MUNICIPALITY);
    }

    /**
     * The imports whose rows the report's figures use: somatikk statistics of the scope in
     * {@code from..to}, its short-term ward statistics there and in the baseline year, and the
     * population of the year the targets are apportioned by. Newest first.
     */
    List<ImportUsed> importsUsed(List<String> municipalities, YearMonth from, YearMonth to, Integer baselineYear) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atDay(1);
        var shortTermMonths = SHORT_TERM_STAYS_AS_OF.MONTH.between(first, last);
        if (baselineYear != null) {
            shortTermMonths = shortTermMonths.or(SHORT_TERM_STAYS_AS_OF.MONTH.between(LocalDate.of(baselineYear, 1, 1),
                    LocalDate.of(baselineYear, 12, 1)));
        }
        Select<Record1<Long>> used = dsl.select(MONTHLY_STATISTICS_AS_OF.IMPORT_ID).from(MONTHLY_STATISTICS_AS_OF)
                .where(MONTHLY_STATISTICS_AS_OF.AREA.eq("somatikk"), MONTHLY_STATISTICS_AS_OF.MUNICIPALITY.in(municipalities),
                        MONTHLY_STATISTICS_AS_OF.MONTH.between(first, last))
                .unionAll(dsl.select(SHORT_TERM_STAYS_AS_OF.IMPORT_ID).from(SHORT_TERM_STAYS_AS_OF)
                        .where(SHORT_TERM_STAYS_AS_OF.MUNICIPALITY.in(municipalities), shortTermMonths))
                .unionAll(dsl.select(POPULATION_AS_OF.IMPORT_ID).from(POPULATION_AS_OF)
                        .where(POPULATION_AS_OF.YEAR.eq(dsl.select(DSL.max(POPULATION_AS_OF.YEAR)).from(POPULATION_AS_OF)
                                .where(POPULATION_AS_OF.YEAR.le(to.getYear())).asField())));
        var u = used.asTable("u", "import_id");
        Field<Long> importId = u.field("import_id", Long.class);
        Field<Integer> rows = DSL.count().as("rows");
        return dsl.select(IMPORT.ID, IMPORT.DATASET, IMPORT.FILE_NAME, IMPORT.FINISHED_AT, IMPORT.IMPORTED_BY,
                        IMPORT.SYNTHETIC, rows)
                .from(u).join(IMPORT).on(IMPORT.ID.eq(importId))
                .groupBy(IMPORT.ID)
                .orderBy(IMPORT.FINISHED_AT.desc().nullsLast(), IMPORT.ID.desc())
                .fetch(r -> new ImportUsed(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    static Set<YearMonth> months(Set<Reported> reported, String municipality) {
        return reported.stream().filter(r -> r.municipality().equals(municipality)).map(Reported::month)
                .collect(Collectors.toSet());
    }
}
