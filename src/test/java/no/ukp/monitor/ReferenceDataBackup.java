package no.ukp.monitor;

import static no.ukp.monitor.db.Tables.MUNICIPALITY;
import static no.ukp.monitor.db.Tables.MUNICIPALITY_NUMBER_MAPPING;

import no.ukp.monitor.db.tables.records.MunicipalityNumberMappingRecord;
import no.ukp.monitor.db.tables.records.MunicipalityRecord;
import org.jooq.DSLContext;
import org.jooq.Result;

/**
 * The reference data as a test found it, to put back afterwards: a test that adds, renames or
 * moves municipalities or adds old numbers must leave the next test (and CI's second run on one
 * shared database) the twenty municipalities of the data file. Restoring empties the facts first.
 */
public final class ReferenceDataBackup {

    private final DSLContext dsl;
    private final Result<MunicipalityRecord> municipalities;
    private final Result<MunicipalityNumberMappingRecord> oldNumbers;

    private ReferenceDataBackup(DSLContext dsl) {
        this.dsl = dsl;
        this.municipalities = dsl.selectFrom(MUNICIPALITY).fetch();
        this.oldNumbers = dsl.selectFrom(MUNICIPALITY_NUMBER_MAPPING).fetch();
    }

    public static ReferenceDataBackup take(DSLContext dsl) {
        return new ReferenceDataBackup(dsl);
    }

    public void restore() {
        TestDatabase.clean(dsl);
        dsl.deleteFrom(MUNICIPALITY_NUMBER_MAPPING)
                .where(MUNICIPALITY_NUMBER_MAPPING.OLD_NUMBER.notIn(oldNumbers.getValues(MUNICIPALITY_NUMBER_MAPPING.OLD_NUMBER)))
                .execute();
        for (MunicipalityRecord m : municipalities) {
            dsl.update(MUNICIPALITY).set(MUNICIPALITY.NAME, m.getName()).set(MUNICIPALITY.REGION_ID, m.getRegionId())
                    .set(MUNICIPALITY.MEMBER_FROM, m.getMemberFrom()).where(MUNICIPALITY.NUMBER.eq(m.getNumber())).execute();
        }
        for (MunicipalityNumberMappingRecord o : oldNumbers) {
            dsl.update(MUNICIPALITY_NUMBER_MAPPING)
                    .set(MUNICIPALITY_NUMBER_MAPPING.CURRENT_NUMBER, o.getCurrentNumber())
                    .set(MUNICIPALITY_NUMBER_MAPPING.OLD_NAME, o.getOldName())
                    .set(MUNICIPALITY_NUMBER_MAPPING.VALID_UNTIL, o.getValidUntil())
                    .set(MUNICIPALITY_NUMBER_MAPPING.NOTE, o.getNote())
                    .where(MUNICIPALITY_NUMBER_MAPPING.OLD_NUMBER.eq(o.getOldNumber()))
                    .execute();
        }
        dsl.deleteFrom(MUNICIPALITY)
                .where(MUNICIPALITY.NUMBER.notIn(municipalities.getValues(MUNICIPALITY.NUMBER)))
                .execute();
    }
}
