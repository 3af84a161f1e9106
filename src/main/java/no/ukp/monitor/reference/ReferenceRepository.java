package no.ukp.monitor.reference;

import static no.ukp.monitor.db.Tables.MUNICIPALITY;
import static no.ukp.monitor.db.Tables.MUNICIPALITY_NUMBER_MAPPING;
import static no.ukp.monitor.db.Tables.NATIONAL_MUNICIPALITY;
import static no.ukp.monitor.db.Tables.REGION;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads regions, municipalities and old numbers, always fresh from the database (no cache: edits count at once). */
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
        return selectMunicipalities(DSL.noCondition());
    }

    /** The current municipality with this 4-digit number, if there is one. */
    public Optional<Municipality> municipality(String number) {
        return selectMunicipalities(MUNICIPALITY.NUMBER.eq(number)).stream().findFirst();
    }

    private List<Municipality> selectMunicipalities(Condition condition) {
        return dsl.select(MUNICIPALITY.NUMBER, MUNICIPALITY.NAME, MUNICIPALITY.REGION_ID,
                        DSL.toChar(MUNICIPALITY.MEMBER_FROM, "YYYY-MM"))
                .from(MUNICIPALITY)
                .where(condition)
                .orderBy(MUNICIPALITY.NUMBER)
                .fetch(mapping(Municipality::new));
    }

    /** Every old number with the current number it maps to, by old number. */
    public List<OldMunicipalityNumber> oldNumbers() {
        var m = MUNICIPALITY_NUMBER_MAPPING;
        return dsl.select(m.OLD_NUMBER, m.CURRENT_NUMBER, m.OLD_NAME, m.VALID_UNTIL, m.NOTE)
                .from(m)
                .orderBy(m.OLD_NUMBER)
                .fetch(mapping(OldMunicipalityNumber::new));
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

    /**
     * The numbers the national figures know: ours ({@link #municipalityNumbers}) and the national municipalities
     * imported with their health community; a name of ours wins.
     */
    public MunicipalityNumbers nationalMunicipalityNumbers() {
        MunicipalityNumbers ours = municipalityNumbers();
        Map<String, String> current = new HashMap<>();
        dsl.select(NATIONAL_MUNICIPALITY.MUNICIPALITY, DSL.coalesce(NATIONAL_MUNICIPALITY.MUNICIPALITY_NAME,
                        NATIONAL_MUNICIPALITY.MUNICIPALITY))
                .from(NATIONAL_MUNICIPALITY)
                .forEach(r -> current.put(r.value1(), r.value2()));
        current.putAll(ours.current());
        return new MunicipalityNumbers(current, ours.mappings());
    }

    /**
     * The scope named by {@code total}, {@code region:<id>} or {@code municipality:<number>}
     * (a lost leading zero and an old number are accepted); empty when it names nothing.
     */
    public Optional<Scope> scope(String written) {
        String text = written == null || written.isBlank() ? "total" : written.strip();
        if (text.equals("total")) {
            return Optional.of(new Scope(ScopeType.TOTAL, "total", Scope.TOTAL_NAME,
                    municipalities().stream().map(Municipality::number).toList()));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String type = text.substring(0, colon);
        String id = text.substring(colon + 1);
        if (type.equals(ScopeType.REGION.key())) {
            return regions().stream().filter(r -> r.id().equals(id)).findFirst()
                    .map(r -> new Scope(ScopeType.REGION, r.id(), r.name(), r.municipalities()));
        }
        if (type.equals(ScopeType.MUNICIPALITY.key())) {
            return MunicipalityNumbers.normalize(id).flatMap(n -> municipalityNumbers().resolve(n))
                    .map(m -> new Scope(ScopeType.MUNICIPALITY, m.number(), m.name(), List.of(m.number())));
        }
        return Optional.empty();
    }

    /** The scope named by {@code written}; {@link InvalidRequest} with a Norwegian message when it names nothing. */
    public Scope requireScope(String written) {
        return scope(written).orElseThrow(() -> new InvalidRequest(
                "Ukjent utvalg «" + Problems.cut(written) + "»: bruk total, region:<id> eller municipality:<kommunenummer>"));
    }

    /** Every scope: the total, each region, each municipality. */
    public List<Scope> scopes() {
        List<Municipality> municipalities = municipalities();
        List<Scope> scopes = new java.util.ArrayList<>();
        scopes.add(new Scope(ScopeType.TOTAL, "total", Scope.TOTAL_NAME, municipalities.stream().map(Municipality::number).toList()));
        regions().forEach(r -> scopes.add(new Scope(ScopeType.REGION, r.id(), r.name(), r.municipalities())));
        municipalities.forEach(m -> scopes.add(new Scope(ScopeType.MUNICIPALITY, m.number(), m.name(), List.of(m.number()))));
        return scopes;
    }
}
