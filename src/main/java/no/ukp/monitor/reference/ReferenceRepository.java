package no.ukp.monitor.reference;

import static no.ukp.monitor.db.Tables.MUNICIPALITY;
import static no.ukp.monitor.db.Tables.MUNICIPALITY_NUMBER_MAPPING;
import static no.ukp.monitor.db.Tables.REGION;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Reads regions and municipalities. */
@Repository
public class ReferenceRepository {

    private final DSLContext dsl;

    ReferenceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Region> regions() {
        return dsl.select(REGION.ID, REGION.NAME,
                        multiset(select(MUNICIPALITY.NUMBER).from(MUNICIPALITY)
                                .where(MUNICIPALITY.REGION_ID.eq(REGION.ID))
                                .orderBy(MUNICIPALITY.NUMBER))
                                .convertFrom(r -> r.map(m -> m.value1())))
                .from(REGION)
                .orderBy(REGION.SORT_ORDER)
                .fetch(mapping(Region::new));
    }

    public List<Municipality> municipalities() {
        return dsl.select(MUNICIPALITY.NUMBER, MUNICIPALITY.NAME, MUNICIPALITY.REGION_ID)
                .from(MUNICIPALITY)
                .orderBy(MUNICIPALITY.NUMBER)
                .fetch(mapping(Municipality::new));
    }

    /** Current numbers and old-number mappings, read fresh so that edits of the data file count at once. */
    public MunicipalityNumbers municipalityNumbers() {
        Map<String, String> current = dsl.select(MUNICIPALITY.NUMBER, MUNICIPALITY.NAME).from(MUNICIPALITY)
                .fetchMap(MUNICIPALITY.NUMBER, MUNICIPALITY.NAME);
        Map<String, MunicipalityNumbers.OldNumber> mappings = dsl
                .select(MUNICIPALITY_NUMBER_MAPPING.OLD_NUMBER, MUNICIPALITY_NUMBER_MAPPING.OLD_NAME,
                        MUNICIPALITY_NUMBER_MAPPING.CURRENT_NUMBER)
                .from(MUNICIPALITY_NUMBER_MAPPING)
                .fetchMap(MUNICIPALITY_NUMBER_MAPPING.OLD_NUMBER, mapping(MunicipalityNumbers.OldNumber::new));
        return new MunicipalityNumbers(current, mappings);
    }
}
