package no.ukp.monitor.reference;

import static no.ukp.monitor.db.Tables.MUNICIPALITY;
import static no.ukp.monitor.db.Tables.MUNICIPALITY_NUMBER_MAPPING;
import static no.ukp.monitor.db.Tables.REFERENCE_CHANGE;
import static no.ukp.monitor.db.Tables.REGION;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.ukp.monitor.system.AlreadyExists;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's edits of the reference data: add a municipality, rename it, move it to another
 * region, change the month it is a member from; add or correct an old number. Each edit is
 * checked against what is stored, stored in one transaction with one {@code reference_change}
 * row per changed field (who, when, before, after), and counts at once: imports read the numbers
 * afresh, and the triggers on {@code municipality} store the sums of the indicators anew.
 */
@Service
public class ReferenceEdits {

    static final String MISSING = "mangler";

    private final DSLContext dsl;
    private final ReferenceRepository reference;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReferenceEdits(DSLContext dsl, ReferenceRepository reference, Clock clock, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.reference = reference;
        this.clock = clock;
        this.events = events;
    }

    /** A municipality as the admin sends it; {@code number} only when it is added. */
    public record MunicipalityForm(@Size(max = 4, message = "må være 1–4 sifre") String number,
                                   @NotBlank(message = MISSING) @Size(max = 100, message = "kan ha høyst 100 tegn") String name,
                                   @NotBlank(message = MISSING) @Size(max = 40, message = "kan ha høyst 40 tegn") String regionId,
                                   @NotBlank(message = MISSING) String memberFrom) {
    }

    /** An old number as the admin sends it; {@code oldNumber} only when it is added. */
    public record OldNumberForm(@Size(max = 4, message = "må være 1–4 sifre") String oldNumber,
                                @NotBlank(message = MISSING) @Size(max = 4, message = "må være 1–4 sifre") String currentNumber,
                                @NotBlank(message = MISSING) @Size(max = 100, message = "kan ha høyst 100 tegn") String oldName,
                                @NotNull(message = MISSING) LocalDate validUntil,
                                @Size(max = 300, message = "kan ha høyst 300 tegn") String note) {
    }

    /** One changed field of the reference data, as the audit keeps it. */
    public record Change(long id, OffsetDateTime changedAt, String changedBy, String subject, String key, String field,
                         String oldValue, String newValue) {
    }

    /** Adds a municipality; 409 when its number is in use, as a current or an old number. */
    @Transactional
    public Municipality addMunicipality(MunicipalityForm form, String user) {
        String number = number("number", form.number());
        reference.municipality(number).ifPresent(m -> {
            throw new AlreadyExists("Kommunenummer " + number + " finnes allerede (" + m.name() + ")");
        });
        refuseOldNumber(number);
        String regionId = requireRegion(form.regionId());
        LocalDate memberFrom = month("memberFrom", form.memberFrom());
        int added = dsl.insertInto(MUNICIPALITY)
                .set(MUNICIPALITY.NUMBER, number)
                .set(MUNICIPALITY.NAME, form.name().strip())
                .set(MUNICIPALITY.REGION_ID, regionId)
                .set(MUNICIPALITY.MEMBER_FROM, memberFrom)
                .onConflictDoNothing()
                .execute();
        if (added == 0) {
            throw new AlreadyExists("Kommunenummer " + number + " finnes allerede");
        }
        audit(user, "municipality", number, fields(form.name().strip(), regionId, memberFrom));
        return changed(number);
    }

    /** Renames a municipality, moves it to another region or changes its member-from month. */
    @Transactional
    public Municipality updateMunicipality(String written, MunicipalityForm form, String user) {
        String number = number("kommunenummer", written);
        var stored = dsl.selectFrom(MUNICIPALITY).where(MUNICIPALITY.NUMBER.eq(number)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFound("Ingen kommune med nummer " + number));
        if (form.number() != null && !form.number().isBlank() && !number("number", form.number()).equals(number)) {
            throw new InvalidRequest("Kommunenummeret kan ikke endres; legg inn kommunen med det nye nummeret og "
                    + number + " som gammelt nummer");
        }
        String regionId = requireRegion(form.regionId());
        LocalDate memberFrom = month("memberFrom", form.memberFrom());
        Map<String, String> before = fields(stored.getName(), stored.getRegionId(), stored.getMemberFrom());
        Map<String, String> after = fields(form.name().strip(), regionId, memberFrom);
        if (!before.equals(after)) {
            dsl.update(MUNICIPALITY)
                    .set(MUNICIPALITY.NAME, form.name().strip())
                    .set(MUNICIPALITY.REGION_ID, regionId)
                    .set(MUNICIPALITY.MEMBER_FROM, memberFrom)
                    .where(MUNICIPALITY.NUMBER.eq(number))
                    .execute();
            audit(user, "municipality", number, before, after);
        }
        return changed(number);
    }

    /** Adds an old number; 409 when it is in use, as a current or an old number. */
    @Transactional
    public OldMunicipalityNumber addOldNumber(OldNumberForm form, String user) {
        String oldNumber = number("oldNumber", form.oldNumber());
        reference.municipality(oldNumber).ifPresent(m -> {
            throw new AlreadyExists("Kommunenummer " + oldNumber + " er i bruk av " + m.name()
                    + " og kan ikke være et gammelt nummer");
        });
        refuseOldNumber(oldNumber);
        String current = requireCurrent(form.currentNumber());
        var m = MUNICIPALITY_NUMBER_MAPPING;
        int added = dsl.insertInto(m)
                .set(m.OLD_NUMBER, oldNumber)
                .set(m.CURRENT_NUMBER, current)
                .set(m.OLD_NAME, form.oldName().strip())
                .set(m.VALID_UNTIL, form.validUntil())
                .set(m.NOTE, blankToNull(form.note()))
                .onConflictDoNothing()
                .execute();
        if (added == 0) {
            throw new AlreadyExists("Det gamle kommunenummeret " + oldNumber + " finnes allerede");
        }
        audit(user, "old_number", oldNumber,
                oldNumberFields(current, form.oldName().strip(), form.validUntil(), blankToNull(form.note())));
        return oldNumber(oldNumber);
    }

    /** Corrects an old number: the current number it maps to, its name, last day or note. */
    @Transactional
    public OldMunicipalityNumber updateOldNumber(String written, OldNumberForm form, String user) {
        String oldNumber = number("gammelt kommunenummer", written);
        var m = MUNICIPALITY_NUMBER_MAPPING;
        var stored = dsl.selectFrom(m).where(m.OLD_NUMBER.eq(oldNumber)).forUpdate().fetchOptional()
                .orElseThrow(() -> new NotFound("Ikke noe gammelt kommunenummer " + oldNumber));
        if (form.oldNumber() != null && !form.oldNumber().isBlank() && !number("oldNumber", form.oldNumber()).equals(oldNumber)) {
            throw new InvalidRequest("Det gamle kommunenummeret kan ikke endres; legg det inn som et nytt");
        }
        String current = requireCurrent(form.currentNumber());
        Map<String, String> before = oldNumberFields(stored.getCurrentNumber(), stored.getOldName(), stored.getValidUntil(),
                stored.getNote());
        Map<String, String> after = oldNumberFields(current, form.oldName().strip(), form.validUntil(), blankToNull(form.note()));
        if (!before.equals(after)) {
            dsl.update(m)
                    .set(m.CURRENT_NUMBER, current)
                    .set(m.OLD_NAME, form.oldName().strip())
                    .set(m.VALID_UNTIL, form.validUntil())
                    .set(m.NOTE, blankToNull(form.note()))
                    .where(m.OLD_NUMBER.eq(oldNumber))
                    .execute();
            audit(user, "old_number", oldNumber, before, after);
        }
        return oldNumber(oldNumber);
    }

    /** The audit of the reference data, newest first; {@code key} null: every subject. */
    public List<Change> changes(String key, int limit) {
        var c = REFERENCE_CHANGE;
        return dsl.select(c.ID, c.CHANGED_AT, c.CHANGED_BY, c.SUBJECT, c.SUBJECT_KEY, c.FIELD, c.OLD_VALUE, c.NEW_VALUE)
                .from(c)
                .where(key == null ? DSL.noCondition() : c.SUBJECT_KEY.eq(key))
                .orderBy(c.ID.desc())
                .limit(limit)
                .fetch(Records.mapping(Change::new));
    }

    private Municipality changed(String number) {
        events.publishEvent(new ReferenceDataChanged(number));
        return reference.municipality(number).orElseThrow();
    }

    private OldMunicipalityNumber oldNumber(String oldNumber) {
        events.publishEvent(new ReferenceDataChanged(oldNumber));
        return reference.oldNumbers().stream().filter(o -> o.oldNumber().equals(oldNumber)).findFirst().orElseThrow();
    }

    /** A kommunenummer as written (a lost leading zero restored), or 400 naming the field. */
    static String number(String field, String written) {
        if (written == null || written.isBlank()) {
            throw new InvalidRequest("«" + field + "» mangler");
        }
        return MunicipalityNumbers.normalize(written).orElseThrow(() -> new InvalidRequest(
                "«" + field + "» må være et kommunenummer med 1–4 sifre, ikke «" + Problems.cut(written) + "»"));
    }

    private void refuseOldNumber(String number) {
        var m = MUNICIPALITY_NUMBER_MAPPING;
        dsl.select(m.OLD_NAME, m.CURRENT_NUMBER).from(m).where(m.OLD_NUMBER.eq(number)).fetchOptional().ifPresent(r -> {
            throw new AlreadyExists("Kommunenummer " + number + " er allerede et gammelt nummer (" + r.value1()
                    + ", nå " + r.value2() + ")");
        });
    }

    private String requireRegion(String regionId) {
        String id = regionId.strip();
        if (!dsl.fetchExists(REGION, REGION.ID.eq(id))) {
            throw new InvalidRequest("Ukjent region «" + Problems.cut(id) + "»: bruk "
                    + String.join(", ", dsl.select(REGION.ID).from(REGION).orderBy(REGION.SORT_ORDER).fetch(REGION.ID)));
        }
        return id;
    }

    private String requireCurrent(String written) {
        String current = number("currentNumber", written);
        if (reference.municipality(current).isEmpty()) {
            throw new InvalidRequest("«currentNumber» " + current + " er ikke en kommune i helsefellesskapet");
        }
        return current;
    }

    private static LocalDate month(String field, String written) {
        YearMonth month = RequestMonth.parse(field, written);
        return month.atDay(1);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Map<String, String> fields(String name, String regionId, LocalDate memberFrom) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("region_id", regionId);
        fields.put("member_from", YearMonth.from(memberFrom).toString());
        return fields;
    }

    private static Map<String, String> oldNumberFields(String current, String oldName, LocalDate validUntil, String note) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("current_number", current);
        fields.put("old_name", oldName);
        fields.put("valid_until", validUntil == null ? null : validUntil.toString());
        fields.put("note", note);
        return fields;
    }

    /** A created subject: every field, from nothing. */
    private void audit(String user, String subject, String key, Map<String, String> created) {
        Map<String, String> nothing = new LinkedHashMap<>();
        created.keySet().forEach(field -> nothing.put(field, null));
        audit(user, subject, key, nothing, created);
    }

    /** One row per field whose value differs between {@code before} and {@code after}. */
    private void audit(String user, String subject, String key, Map<String, String> before, Map<String, String> after) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var c = REFERENCE_CHANGE;
        List<org.jooq.Query> rows = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                rows.add(dsl.insertInto(c)
                        .set(c.CHANGED_AT, now)
                        .set(c.CHANGED_BY, user)
                        .set(c.SUBJECT, subject)
                        .set(c.SUBJECT_KEY, key)
                        .set(c.FIELD, field)
                        .set(c.OLD_VALUE, old)
                        .set(c.NEW_VALUE, value));
            }
        });
        dsl.batch(rows).execute();
    }
}
