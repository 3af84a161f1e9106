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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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

    /**
     * Something wrong with a field of a measure ({@code activity} -1) or of its activity number {@code activity};
     * the message is Norwegian and names the field as the sender calls it ({@link FieldNames}).
     */
    public record FieldProblem(int activity, String field, String value, String message) {
    }

    /** What a sender calls a field ({@code title}, {@code startMonth}, …) of the measure (-1) or of an activity. */
    @FunctionalInterface
    public interface FieldNames {
        String of(int activity, String field);
    }

    /** What an update did, by id: activities added, the measure and activities revised, and those unchanged. */
    public record Changes(List<Long> added, List<Long> revised, List<Long> unchanged) {
    }

    /** The API's names: {@code title}, {@code activities[1].startMonth}. */
    private static final FieldNames API_NAMES = (activity, field) -> (activity < 0 ? "" : "activities[" + activity + "].") + field;

    /** Adds a measure with its activities as {@code user}; returns its id. */
    public long create(MeasureInput input, String user, boolean synthetic) {
        List<Checked> checked = checkAll(input, API_NAMES, MeasureRepository::refuse);
        return dsl.transactionResult(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            long id = insert(c.dsl(), checked.get(0), null, user, synthetic, now);
            for (Checked activity : checked.subList(1, checked.size())) {
                insert(c.dsl(), activity, id, user, synthetic, now);
            }
            return id;
        });
    }

    /**
     * Checks a measure and its activities as {@link #create} and {@link #update} do, without storing anything:
     * every problem goes to {@code problems}, the fields named by {@code names}. Returns whether there was none.
     */
    public boolean validate(MeasureInput input, FieldNames names, Consumer<FieldProblem> problems) {
        return noProblem(sink -> checkAll(input, names, sink), problems);
    }

    /** Runs {@code check} with its problems passed on to {@code problems}; whether there was none. */
    private static boolean noProblem(Consumer<Consumer<FieldProblem>> check, Consumer<FieldProblem> problems) {
        boolean[] valid = {true};
        check.accept(p -> {
            valid[0] = false;
            problems.accept(p);
        });
        return valid[0];
    }

    /** The measure checked, then each activity (with the measure's scope, or the total where the measure's is wrong). */
    private List<Checked> checkAll(MeasureInput input, FieldNames names, Consumer<FieldProblem> problems) {
        if (input == null) {
            throw new InvalidRequest("Tiltaket mangler");
        }
        List<Checked> checked = new ArrayList<>();
        Checked measure = check(input, null, -1, names, problems);
        checked.add(measure);
        Scope scope = measure != null ? measure.scope() : reference.scope(input.scope()).orElse(reference.requireScope("total"));
        for (int i = 0; input.activities() != null && i < input.activities().size(); i++) {
            checked.add(check(input.activities().get(i), scope, i, names, problems));
        }
        return checked;
    }

    private static void refuse(FieldProblem problem) {
        throw new InvalidRequest(problem.message());
    }

    /**
     * Changes a measure (and the activities the input names by id; new ones without id are added) as
     * {@code user}: a new revision of each that changed, the old one kept.
     */
    public Changes update(long id, MeasureInput input, String user) {
        MeasureRecord stored = dsl.selectFrom(MEASURE).where(MEASURE.ID.eq(id), MEASURE.PARENT_ID.isNull()).fetchOptional()
                .orElseThrow(() -> new NotFound("Fant ikke tiltak " + id));
        List<Checked> checked = checkAll(input, API_NAMES, MeasureRepository::refuse);
        Map<Long, Checked> changed = new LinkedHashMap<>();
        List<Checked> added = new ArrayList<>();
        for (int i = 0; input.activities() != null && i < input.activities().size(); i++) {
            MeasureInput activity = input.activities().get(i);
            if (activity.id() == null) {
                added.add(checked.get(i + 1));
            } else if (dsl.fetchExists(MEASURE, MEASURE.ID.eq(activity.id()), MEASURE.PARENT_ID.eq(id))) {
                changed.put(activity.id(), checked.get(i + 1));
            } else {
                throw new InvalidRequest("«activities[" + i + "].id» (" + activity.id() + ") er ikke en aktivitet i tiltak " + id);
            }
        }
        return dsl.transactionResult(c -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Long> revised = new ArrayList<>();
            List<Long> unchanged = new ArrayList<>();
            (revise(c.dsl(), stored, checked.get(0), user, now) ? revised : unchanged).add(id);
            for (Map.Entry<Long, Checked> e : changed.entrySet()) {
                MeasureRecord activity = c.dsl().selectFrom(MEASURE).where(MEASURE.ID.eq(e.getKey())).fetchSingle();
                (revise(c.dsl(), activity, e.getValue(), user, now) ? revised : unchanged).add(e.getKey());
            }
            List<Long> inserted = new ArrayList<>();
            for (Checked activity : added) {
                inserted.add(insert(c.dsl(), activity, id, user, stored.getSynthetic(), now));
            }
            return new Changes(inserted, revised, unchanged);
        });
    }

    /** Sets the status of a measure or an activity for a month as {@code user}; earlier ones stay in the history. */
    public StatusEntry setStatus(long id, StatusInput input, String user) {
        if (!dsl.fetchExists(MEASURE, MEASURE.ID.eq(id))) {
            throw new NotFound("Fant ikke tiltak eller aktivitet " + id);
        }
        CheckedStatus status = checkStatus(input, (a, field) -> field, MeasureRepository::refuse);
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.insertInto(MEASURE_STATUS, MEASURE_STATUS.MEASURE_ID, MEASURE_STATUS.MONTH, MEASURE_STATUS.STATUS,
                        MEASURE_STATUS.COMMENT, MEASURE_STATUS.SET_BY, MEASURE_STATUS.RECORDED_AT)
                .values(id, status.month().atDay(1), status.status(), status.comment(), user, now).execute();
        return new StatusEntry(status.month().toString(), status.status(), status.comment(), user, now);
    }

    /**
     * Sets a status as {@link #setStatus} does unless the latest status of that month is already the same with the
     * same comment; returns whether it was set.
     */
    public boolean setStatusIfNew(long id, StatusInput input, String user) {
        CheckedStatus status = checkStatus(input, (a, field) -> field, MeasureRepository::refuse);
        var latest = dsl.selectFrom(MEASURE_STATUS)
                .where(MEASURE_STATUS.MEASURE_ID.eq(id), MEASURE_STATUS.MONTH.eq(status.month().atDay(1)))
                .orderBy(MEASURE_STATUS.ID.desc()).limit(1).fetchOptional();
        if (latest.isPresent() && latest.get().getStatus().equals(status.status())
                && Objects.equals(latest.get().getComment(), status.comment())) {
            return false;
        }
        setStatus(id, input, user);
        return true;
    }

    /** Checks a status as {@link #setStatus} does, without storing it; returns whether there was no problem. */
    public boolean validateStatus(StatusInput input, FieldNames names, Consumer<FieldProblem> problems) {
        return noProblem(sink -> checkStatus(input, names, sink), problems);
    }

    /** A status as checked, ready to store. */
    private record CheckedStatus(YearMonth month, String status, String comment) {
    }

    private CheckedStatus checkStatus(StatusInput input, FieldNames names, Consumer<FieldProblem> problems) {
        Fields f = new Fields(-1, names, problems);
        YearMonth month = null;
        if (input == null || input.month() == null || input.month().isBlank()) {
            f.problem("month", "", "«" + f.name("month") + "» mangler: måneden statusen gjelder, ÅÅÅÅ-MM");
        } else {
            month = f.month("month", input.month());
        }
        String status = input == null || input.status() == null ? "" : input.status().strip();
        if (!STATUSES.contains(status)) {
            f.problem("status", status, "«" + Problems.cut(status) + "» i «" + f.name("status") + "» må være green, yellow eller red");
        }
        String comment = f.text("comment", input == null ? null : input.comment(), 4000);
        return f.ok ? new CheckedStatus(month, status, comment) : null;
    }

    /** A measure's fields as checked, ready to store. */
    private record Checked(String title, String description, String owner, String priority, String size, LocalDate start,
                           LocalDate end, Scope scope, String[] indicators) {
    }

    /**
     * A measure's fields ({@code parentScope} null), or an activity's, whose scope is its measure's unless it names
     * one; null when a field is wrong, each problem reported.
     */
    private Checked check(MeasureInput input, Scope parentScope, int activity, FieldNames names, Consumer<FieldProblem> problems) {
        boolean measure = parentScope == null;
        Fields f = new Fields(activity, names, problems);
        if (input == null) {
            f.problem("", "", "Tiltaket mangler");
            return null;
        }
        String title = f.text("title", input.title(), 300);
        if (title == null && f.ok) {
            f.problem("title", "", "«" + f.name("title") + "» mangler: tiltakets navn");
        }
        String priority = f.choice("priority", input.priority(), PRIORITIES, "hoy, middel eller lav");
        String size = f.choice("size", input.size(), SIZES, "stort, middels eller lite");
        YearMonth start = null;
        if (input.startMonth() == null || input.startMonth().isBlank()) {
            f.problem("startMonth", "", "«" + f.name("startMonth") + "» mangler: måneden tiltaket starter, ÅÅÅÅ-MM");
        } else {
            start = f.month("startMonth", input.startMonth());
        }
        YearMonth end = input.endMonth() == null || input.endMonth().isBlank() ? null : f.month("endMonth", input.endMonth());
        if (start != null && end != null && end.isBefore(start)) {
            f.problem("endMonth", end.toString(), "«" + f.name("endMonth") + "» (" + end + ") er før «" + f.name("startMonth")
                    + "» (" + start + ")");
        }
        Scope scope = parentScope;
        if (input.scope() != null && !input.scope().isBlank() || measure) {
            try {
                scope = reference.requireScope(input.scope() == null || input.scope().isBlank() ? "total" : input.scope());
            } catch (InvalidRequest unknown) {
                f.problem("scope", input.scope(), unknown.getMessage());
            }
        }
        List<String> indicators = input.indicators() == null ? List.of() : input.indicators();
        if (!measure && !indicators.isEmpty()) {
            f.problem("indicators", String.join(", ", indicators),
                    "«" + f.name("indicators") + "»: en aktivitet har ingen egne indikatorer, bare tiltaket");
        }
        List<IndicatorDefinition> known = catalogue.all();
        for (String indicator : measure ? indicators : List.<String>of()) {
            if (indicator == null || known.stream().noneMatch(d -> d.id().equals(indicator.strip()))) {
                f.problem("indicators", String.valueOf(indicator), "Ukjent indikator «" + Problems.cut(String.valueOf(indicator))
                        + "» i «" + f.name("indicators") + "»: bruk " + known.stream().map(d -> d.id() + " (" + d.name() + ")")
                        .collect(Collectors.joining(", ")));
            }
        }
        String description = f.text("description", input.description(), 4000);
        String owner = f.text("owner", input.owner(), 200);
        return f.ok ? new Checked(title, description, owner, priority, size, start.atDay(1), end == null ? null : end.atDay(1),
                scope, indicators.stream().map(String::strip).distinct().toArray(String[]::new)) : null;
    }

    /** The checks of single fields, each problem reported with the field's name as the sender calls it. */
    private static final class Fields {

        private final int activity;
        private final FieldNames names;
        private final Consumer<FieldProblem> problems;
        private boolean ok = true;

        Fields(int activity, FieldNames names, Consumer<FieldProblem> problems) {
            this.activity = activity;
            this.names = names;
            this.problems = problems;
        }

        String name(String field) {
            return names.of(activity, field);
        }

        void problem(String field, String value, String message) {
            ok = false;
            problems.accept(new FieldProblem(activity, field, value == null ? "" : value, message));
        }

        String text(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = value.strip();
            if (text.length() > max) {
                problem(field, text, "«" + name(field) + "» kan ha høyst " + max + " tegn (har " + text.length() + ")");
                return null;
            }
            return text;
        }

        String choice(String field, String value, Set<String> allowed, String words) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String choice = value.strip();
            if (!allowed.contains(choice)) {
                problem(field, choice, "«" + Problems.cut(choice) + "» i «" + name(field) + "» må være " + words);
                return null;
            }
            return choice;
        }

        YearMonth month(String field, String value) {
            try {
                return RequestMonth.parse(name(field), value);
            } catch (InvalidRequest wrong) {
                problem(field, value, wrong.getMessage());
                return null;
            }
        }
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

    /** A new revision where anything changed (returns true); nothing where nothing did. */
    private static boolean revise(DSLContext tx, MeasureRecord row, Checked c, String user, OffsetDateTime now) {
        fill(row, c);
        if (!row.changed()) {
            return false;
        }
        row.setRevision(row.getRevision() + 1);
        row.setRecordedAt(now);
        row.setRecordedBy(user);
        row.update();
        keep(tx, row);
        return true;
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
