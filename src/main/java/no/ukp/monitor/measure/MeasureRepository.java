package no.ukp.monitor.measure;

import static no.ukp.monitor.db.Tables.MEASURE;
import static no.ukp.monitor.db.Tables.MEASURE_REVISION;
import static no.ukp.monitor.db.Tables.MEASURE_STATUS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.ukp.monitor.db.tables.records.MeasureRecord;
import no.ukp.monitor.db.tables.records.MeasureRevisionRecord;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.measure.Measures.Measure;
import no.ukp.monitor.measure.Measures.MeasureInput;
import no.ukp.monitor.measure.Measures.StatusEntry;
import no.ukp.monitor.measure.Measures.StatusInput;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.NotFound;
import no.ukp.monitor.system.Problems;
import no.ukp.monitor.system.RequestMonth;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The action plan in the database: measures and activities (table {@code measure}, every version
 * also in {@code measure_revision}) and their statuses ({@code measure_status}, one row per
 * status set, never changed). Checks what a planner sends before anything is stored, with
 * Norwegian messages naming the field and the value.
 */
@Repository
public class MeasureRepository {

    static final Set<String> PRIORITIES = Set.of("hoy", "middel", "lav");
    static final Set<String> SIZES = Set.of("stort", "middels", "lite");
    static final Set<String> STATUSES = Set.of("green", "yellow", "red");

    private final DSLContext dsl;
    private final ReferenceRepository reference;
    private final IndicatorCatalogue catalogue;
    private final Clock clock;

    MeasureRepository(DSLContext dsl, ReferenceRepository reference, IndicatorCatalogue catalogue, Clock clock) {
        this.dsl = dsl;
        this.reference = reference;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Every measure with its activities and statuses, in the order they were added. */
    public List<Measure> all() {
        return assemble(dsl.selectFrom(MEASURE).orderBy(MEASURE.ID).fetch(), null);
    }

    /** A measure or an activity by id. */
    public Optional<Measure> find(long id) {
        List<MeasureRecord> rows = dsl.selectFrom(MEASURE).where(MEASURE.ID.eq(id).or(MEASURE.PARENT_ID.eq(id)))
                .orderBy(MEASURE.ID).fetch();
        return assemble(rows, id).stream().findFirst();
    }

    /** Adds a measure with its activities as {@code user}; returns its id. */
    public long create(MeasureInput input, String user, boolean synthetic) {
        Checked measure = check(input, null, "");
        List<Checked> activities = new ArrayList<>();
        for (int i = 0; input.activities() != null && i < input.activities().size(); i++) {
            activities.add(check(input.activities().get(i), measure.scope(), "activities[" + i + "]."));
        }
        return dsl.transactionResult(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            long id = insert(c.dsl(), measure, null, user, synthetic, now);
            for (Checked activity : activities) {
                insert(c.dsl(), activity, id, user, synthetic, now);
            }
            return id;
        });
    }

    /**
     * Changes a measure (and the activities the input names by id; new ones without id are added) as
     * {@code user}: a new revision of each that changed, the old one kept.
     */
    public void update(long id, MeasureInput input, String user) {
        MeasureRecord stored = dsl.selectFrom(MEASURE).where(MEASURE.ID.eq(id), MEASURE.PARENT_ID.isNull()).fetchOptional()
                .orElseThrow(() -> new NotFound("Fant ikke tiltak " + id));
        Checked measure = check(input, null, "");
        Map<Long, Checked> changed = new LinkedHashMap<>();
        List<Checked> added = new ArrayList<>();
        for (int i = 0; input.activities() != null && i < input.activities().size(); i++) {
            MeasureInput activity = input.activities().get(i);
            Checked checked = check(activity, measure.scope(), "activities[" + i + "].");
            if (activity.id() == null) {
                added.add(checked);
            } else if (dsl.fetchExists(MEASURE, MEASURE.ID.eq(activity.id()), MEASURE.PARENT_ID.eq(id))) {
                changed.put(activity.id(), checked);
            } else {
                throw new InvalidRequest("«activities[" + i + "].id» (" + activity.id() + ") er ikke en aktivitet i tiltak " + id);
            }
        }
        dsl.transaction(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            revise(c.dsl(), stored, measure, user, now);
            for (Map.Entry<Long, Checked> e : changed.entrySet()) {
                revise(c.dsl(), c.dsl().selectFrom(MEASURE).where(MEASURE.ID.eq(e.getKey())).fetchSingle(), e.getValue(), user, now);
            }
            for (Checked activity : added) {
                insert(c.dsl(), activity, id, user, stored.getSynthetic(), now);
            }
        });
    }

    /** Sets the status of a measure or an activity for a month as {@code user}; earlier ones stay in the history. */
    public StatusEntry setStatus(long id, StatusInput input, String user) {
        if (!dsl.fetchExists(MEASURE, MEASURE.ID.eq(id))) {
            throw new NotFound("Fant ikke tiltak eller aktivitet " + id);
        }
        if (input == null || input.month() == null || input.month().isBlank()) {
            throw new InvalidRequest("«month» mangler: måneden statusen gjelder, ÅÅÅÅ-MM");
        }
        YearMonth month = RequestMonth.parse("month", input.month());
        String status = input.status() == null ? "" : input.status().strip();
        if (!STATUSES.contains(status)) {
            throw new InvalidRequest("«" + Problems.cut(status) + "» i «status» må være green, yellow eller red");
        }
        String comment = text("comment", input.comment(), 4000);
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.insertInto(MEASURE_STATUS, MEASURE_STATUS.MEASURE_ID, MEASURE_STATUS.MONTH, MEASURE_STATUS.STATUS,
                        MEASURE_STATUS.COMMENT, MEASURE_STATUS.SET_BY, MEASURE_STATUS.RECORDED_AT)
                .values(id, month.atDay(1), status, comment, user, now).execute();
        return new StatusEntry(month.toString(), status, comment, user, now);
    }

    /** A measure's fields as checked, ready to store. */
    private record Checked(String title, String description, String owner, String priority, String size, LocalDate start,
                           LocalDate end, Scope scope, String[] indicators) {
    }

    /** A measure's fields ({@code parentScope} null), or an activity's, whose scope is its measure's unless it names one. */
    private Checked check(MeasureInput input, Scope parentScope, String prefix) {
        boolean measure = parentScope == null;
        if (input == null) {
            throw new InvalidRequest("Tiltaket mangler");
        }
        String title = text(prefix + "title", input.title(), 300);
        if (title == null) {
            throw new InvalidRequest("«" + prefix + "title» mangler: tiltakets navn");
        }
        String priority = choice(prefix + "priority", input.priority(), PRIORITIES, "hoy, middel eller lav");
        String size = choice(prefix + "size", input.size(), SIZES, "stort, middels eller lite");
        if (input.startMonth() == null || input.startMonth().isBlank()) {
            throw new InvalidRequest("«" + prefix + "startMonth» mangler: måneden tiltaket starter, ÅÅÅÅ-MM");
        }
        YearMonth start = RequestMonth.parse(prefix + "startMonth", input.startMonth());
        YearMonth end = input.endMonth() == null || input.endMonth().isBlank() ? null : RequestMonth.parse(prefix + "endMonth", input.endMonth());
        if (end != null && end.isBefore(start)) {
            throw new InvalidRequest("«" + prefix + "endMonth» (" + end + ") er før «" + prefix + "startMonth» (" + start + ")");
        }
        Scope scope = input.scope() != null && !input.scope().isBlank() ? reference.requireScope(input.scope())
                : measure ? reference.requireScope("total") : parentScope;
        List<String> indicators = input.indicators() == null ? List.of() : input.indicators();
        if (!measure && !indicators.isEmpty()) {
            throw new InvalidRequest("«" + prefix + "indicators»: en aktivitet har ingen egne indikatorer, bare tiltaket");
        }
        Set<String> known = catalogue.all().stream().map(IndicatorDefinition::id).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String indicator : indicators) {
            if (indicator == null || !known.contains(indicator.strip())) {
                throw new InvalidRequest("Ukjent indikator «" + Problems.cut(String.valueOf(indicator)) + "» i «" + prefix
                        + "indicators»: bruk " + String.join(", ", known));
            }
        }
        return new Checked(title, text(prefix + "description", input.description(), 4000), text(prefix + "owner", input.owner(), 200),
                priority, size, start.atDay(1), end == null ? null : end.atDay(1), scope,
                indicators.stream().map(String::strip).distinct().toArray(String[]::new));
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidRequest("«" + field + "» kan ha høyst " + max + " tegn (har " + text.length() + ")");
        }
        return text;
    }

    private static String choice(String field, String value, Set<String> allowed, String words) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String choice = value.strip();
        if (!allowed.contains(choice)) {
            throw new InvalidRequest("«" + Problems.cut(choice) + "» i «" + field + "» må være " + words);
        }
        return choice;
    }

    private static long insert(DSLContext tx, Checked c, Long parent, String user, boolean synthetic, OffsetDateTime now) {
        MeasureRecord row = tx.newRecord(MEASURE);
        row.setParentId(parent);
        fill(row, c);
        row.setSynthetic(synthetic);
        row.setRevision(1);
        row.setRecordedAt(now);
        row.setRecordedBy(user);
        row.store();
        keep(tx, row);
        return row.getId();
    }

    /** A new revision where anything changed; nothing where nothing did. */
    private static void revise(DSLContext tx, MeasureRecord row, Checked c, String user, OffsetDateTime now) {
        fill(row, c);
        if (!row.changed()) {
            return;
        }
        row.setRevision(row.getRevision() + 1);
        row.setRecordedAt(now);
        row.setRecordedBy(user);
        row.update();
        keep(tx, row);
    }

    private static void fill(MeasureRecord row, Checked c) {
        setIfDifferent(row, MEASURE.TITLE, c.title());
        setIfDifferent(row, MEASURE.DESCRIPTION, c.description());
        setIfDifferent(row, MEASURE.OWNER, c.owner());
        setIfDifferent(row, MEASURE.PRIORITY, c.priority());
        setIfDifferent(row, MEASURE.SIZE, c.size());
        setIfDifferent(row, MEASURE.START_MONTH, c.start());
        setIfDifferent(row, MEASURE.END_MONTH, c.end());
        setIfDifferent(row, MEASURE.SCOPE_TYPE, c.scope().type().key());
        setIfDifferent(row, MEASURE.SCOPE_ID, c.scope().id());
        if (row.getIndicators() == null || !Arrays.equals(row.getIndicators(), c.indicators())) {
            row.setIndicators(c.indicators());
        }
    }

    private static <T> void setIfDifferent(MeasureRecord row, org.jooq.TableField<MeasureRecord, T> field, T value) {
        if (!Objects.equals(row.get(field), value) || row.get(MEASURE.ID) == null) {
            row.set(field, value);
        }
    }

    private static void keep(DSLContext tx, MeasureRecord row) {
        MeasureRevisionRecord revision = tx.newRecord(MEASURE_REVISION);
        revision.from(row);
        revision.setMeasureId(row.getId());
        revision.store();
    }

    /** The measures of {@code rows} (activities under theirs), with statuses; only {@code id} when given. */
    private List<Measure> assemble(List<MeasureRecord> rows, Long id) {
        List<Long> ids = rows.stream().map(MeasureRecord::getId).toList();
        Map<Long, List<StatusEntry>> statuses = new LinkedHashMap<>();
        dsl.selectFrom(MEASURE_STATUS).where(MEASURE_STATUS.MEASURE_ID.in(ids))
                .orderBy(MEASURE_STATUS.MONTH.desc(), MEASURE_STATUS.ID.desc())
                .forEach(s -> statuses.computeIfAbsent(s.getMeasureId(), k -> new ArrayList<>()).add(new StatusEntry(
                        YearMonth.from(s.getMonth()).toString(), s.getStatus(), s.getComment(), s.getSetBy(), s.getRecordedAt())));
        Map<Long, List<Measure>> activities = new LinkedHashMap<>();
        for (MeasureRecord row : rows) {
            if (row.getParentId() != null) {
                activities.computeIfAbsent(row.getParentId(), k -> new ArrayList<>())
                        .add(measure(row, null, statuses.getOrDefault(row.getId(), List.of())));
            }
        }
        List<Measure> result = new ArrayList<>();
        for (MeasureRecord row : rows) {
            boolean wanted = id == null ? row.getParentId() == null : row.getId().equals(id);
            if (wanted) {
                result.add(measure(row, row.getParentId() == null ? activities.getOrDefault(row.getId(), List.of()) : null,
                        statuses.getOrDefault(row.getId(), List.of())));
            }
        }
        return result;
    }

    private static Measure measure(MeasureRecord row, List<Measure> activities, List<StatusEntry> statuses) {
        return new Measure(row.getId(), row.getTitle(), row.getDescription(), row.getOwner(), row.getPriority(), row.getSize(),
                YearMonth.from(row.getStartMonth()).toString(), row.getEndMonth() == null ? null : YearMonth.from(row.getEndMonth()).toString(),
                Scope.key(row.getScopeType(), row.getScopeId()), activities == null ? null : List.of(row.getIndicators()),
                activities, List.copyOf(statuses), row.getSynthetic(), row.getRevision());
    }
}
