package no.ukp.monitor.ingest;

import static no.ukp.monitor.ingest.PlanFile.ACTIVITY;
import static no.ukp.monitor.ingest.PlanFile.COMMENT;
import static no.ukp.monitor.ingest.PlanFile.DESCRIPTION;
import static no.ukp.monitor.ingest.PlanFile.END;
import static no.ukp.monitor.ingest.PlanFile.ID;
import static no.ukp.monitor.ingest.PlanFile.INDICATORS;
import static no.ukp.monitor.ingest.PlanFile.MONTH;
import static no.ukp.monitor.ingest.PlanFile.OWNER;
import static no.ukp.monitor.ingest.PlanFile.PERIOD;
import static no.ukp.monitor.ingest.PlanFile.PRIORITY;
import static no.ukp.monitor.ingest.PlanFile.SCOPE;
import static no.ukp.monitor.ingest.PlanFile.SIZE;
import static no.ukp.monitor.ingest.PlanFile.START;
import static no.ukp.monitor.ingest.PlanFile.STATUS;
import static no.ukp.monitor.ingest.PlanFile.TITLE;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import no.ukp.monitor.indicator.IndicatorCatalogue;
import no.ukp.monitor.indicator.IndicatorDefinition;
import no.ukp.monitor.indicator.KpiRepository;
import no.ukp.monitor.measure.MeasureRepository;
import no.ukp.monitor.measure.MeasureRepository.FieldNames;
import no.ukp.monitor.measure.MeasureRepository.FieldProblem;
import no.ukp.monitor.measure.Measures.Measure;
import no.ukp.monitor.measure.Measures.MeasureInput;
import no.ukp.monitor.measure.Measures.StatusInput;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.system.NorwegianTime;
import org.springframework.stereotype.Component;

/**
 * Imports the action plan ({@link PlanFile}) all or nothing: reads the rows with the import's
 * readers and header matching, groups each measure with its activities, matches them with the
 * stored plan (by {@code id}, otherwise by title; an activity within its measure), checks every
 * field with the plan's own rules ({@link MeasureRepository#validate}), and, only when nothing is
 * wrong, stores a new measure, a new revision of one that changed, and each new status. Runs in
 * the transaction {@link ImportService} holds, which rolls it back for a dry run or any error.
 */
@Component
class PlanImport {

    static final String SLUG = "measures";

    private final MeasureRepository measures;
    private final IndicatorCatalogue catalogue;
    private final KpiRepository kpis;
    private final ReferenceRepository reference;
    private final ImportProperties properties;
    private final Clock clock;

    PlanImport(MeasureRepository measures, IndicatorCatalogue catalogue, KpiRepository kpis, ReferenceRepository reference,
               ImportProperties properties, Clock clock) {
        this.measures = measures;
        this.catalogue = catalogue;
        this.kpis = kpis;
        this.reference = reference;
        this.properties = properties;
        this.clock = clock;
    }

    /** A data row of the file: its line, its cells as written and its values as read (null where a cell is wrong). */
    private record PlanRow(SourceRow source, Object[] values) {

        int line() {
            return source.line();
        }

        String text(int column) {
            return (String) values[column];
        }
    }

    /** A measure's row with the rows of its activities, and what it is in the stored plan. */
    private static final class Group {
        final PlanRow row;
        final List<PlanRow> activities = new ArrayList<>();
        Measure stored;

        Group(PlanRow row) {
            this.row = row;
        }
    }

    /** Reads, checks and (unless anything is wrong) stores the plan as {@code user}; the caller rolls back a dry run. */
    ImportResult read(Upload upload, FileFormat format, boolean dryRun, long importId, String user) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ImportService.Problems problems = new ImportService.Problems(properties.maxMessages());
        RowValidator validator = new RowValidator(PlanFile.INSTANCE, reference.municipalityNumbers(),
                YearMonth.from(now.atZoneSameInstant(NorwegianTime.OSLO)), now, problems);
        List<Group> groups = new ArrayList<>();
        int rows = 0;
        try (RowSource source = format.open(upload.path(), properties)) {
            FileLayout layout = new FileLayout(source, problems);
            SourceRow header = layout.header(validator::knownNames);
            if (header == null) {
                problems.error(new ImportProblem(1, "", "", "Filen er tom: første linje må være overskriftene"));
            } else if (validator.readHeader(header) && hasRequiredHeaders(validator, header.line(), problems)) {
                List<PlanRow> named = new ArrayList<>();
                Group current = null;
                boolean brokenMeasure = false;
                SourceRow row;
                while (!problems.errorsFull() && (row = ImportService.readRow(layout, problems, importId)) != null) {
                    rows++;
                    Object[] values = validator.validate(row);
                    boolean activity = !validator.cell(row, ACTIVITY).isEmpty();
                    if (values == null) {
                        if (!activity) {
                            // its activities are not checked against a measure that could not be read
                            current = null;
                            brokenMeasure = true;
                        }
                        continue;
                    }
                    PlanRow planRow = new PlanRow(row, values);
                    if (!activity) {
                        current = new Group(planRow);
                        groups.add(current);
                        brokenMeasure = false;
                    } else if (planRow.text(TITLE) != null && (current == null || !sameTitle(planRow.text(TITLE),
                            current.row.text(TITLE)))) {
                        named.add(planRow);
                    } else if (current != null) {
                        current.activities.add(planRow);
                    } else if (!brokenMeasure) {
                        problems.error(new ImportProblem(row.line(), validator.header(ACTIVITY), planRow.text(ACTIVITY),
                                "Aktivitet før første tiltak: skriv tiltaket på en egen rad over (med tom «"
                                        + validator.header(ACTIVITY) + "»), eller navnet på tiltaket i «" + label(validator, TITLE) + "»"));
                    }
                }
                for (PlanRow activity : named) {
                    groups.stream().filter(g -> sameTitle(g.row.text(TITLE), activity.text(TITLE))).findFirst().ifPresentOrElse(
                            g -> g.activities.add(activity),
                            () -> problems.error(new ImportProblem(activity.line(), validator.header(TITLE), activity.text(TITLE),
                                    "Tiltaket «" + activity.text(TITLE) + "» står ikke i filen: en aktivitet hører til et "
                                            + "tiltak på en egen rad (med tom «" + label(validator, ACTIVITY) + "»)")));
                }
                if (rows == 0 && problems.errors().isEmpty()) {
                    problems.error(new ImportProblem(header.line() + 1, "", "",
                            "Filen har bare overskriftslinjen: ingen tiltak å importere"));
                }
            }
        } catch (IOException e) {
            problems.error(ImportService.unreadable(e, format, 1, importId));
        }
        List<Planned> planned = problems.errors().isEmpty() ? plan(groups, validator, problems) : List.of();
        List<ImportProblem> errors = problems.sortedErrors();
        if (!errors.isEmpty()) {
            return new ImportResult(importId, SLUG, dryRun, "rejected", rows, null, null, null, problems.warnings(),
                    problems.warningCount(), errors, problems.errorsFull(), null);
        }
        int[] counts = store(planned, user);
        return new ImportResult(importId, SLUG, dryRun, dryRun ? "validated" : "stored", rows, counts[0], counts[1], counts[2],
                problems.warnings(), problems.warningCount(), List.of(), null, null);
    }

    /** One of «fra» / «tidsrom» must be in the header; false with an error on the header's line otherwise. */
    private static boolean hasRequiredHeaders(RowValidator validator, int line, ImportService.Problems problems) {
        if (!validator.has(START) && !validator.has(PERIOD)) {
            problems.error(new ImportProblem(line, "fra", "", "Kolonnen «fra» (eller «tidsrom») mangler i overskriften"));
            return false;
        }
        return true;
    }

    /** A measure ready to store: what it is in the stored plan (null: new), its input, and the rows of its statuses. */
    private record Planned(Measure stored, MeasureInput input, PlanRow row, List<PlanRow> activityRows,
                           Map<PlanRow, StatusInput> statuses) {
    }

    /** Matches each group with the stored plan and checks it; every problem reported, the plans returned. */
    private List<Planned> plan(List<Group> groups, RowValidator validator, ImportService.Problems problems) {
        List<Measure> stored = measures.all();
        Map<Long, PlanRow> matchedBy = new HashMap<>();
        Map<String, PlanRow> titles = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        YearMonth latest = null;
        for (Group group : groups) {
            PlanRow row = group.row;
            String title = row.text(TITLE);
            if (title != null) {
                PlanRow earlier = titles.putIfAbsent(key(title), row);
                if (earlier != null) {
                    problems.error(new ImportProblem(row.line(), validator.header(TITLE), title,
                            "Tiltaket «" + title + "» står også på linje " + earlier.line() + ": hvert tiltak bare én gang per fil"));
                    continue;
                }
            }
            Long id = (Long) row.values()[ID];
            if (id != null) {
                group.stored = stored.stream().filter(m -> m.id() == id).findFirst().orElse(null);
                if (group.stored == null) {
                    problems.error(new ImportProblem(row.line(), validator.header(ID), id.toString(),
                            "Fant ikke tiltak med id " + id + " i tiltaksplanen: la «id» stå tom for et nytt tiltak"));
                    continue;
                }
            } else if (title != null) {
                List<Measure> same = stored.stream().filter(m -> sameTitle(m.title(), title)).toList();
                if (same.size() > 1) {
                    problems.error(new ImportProblem(row.line(), validator.header(TITLE), title, "Flere tiltak i tiltaksplanen heter «"
                            + title + "» (id " + same.stream().map(m -> Long.toString(m.id())).reduce((a, b) -> a + ", " + b).orElse("")
                            + "): skriv tiltakets id i kolonnen «id»"));
                    continue;
                }
                group.stored = same.isEmpty() ? null : same.get(0);
            }
            if (group.stored != null) {
                PlanRow earlier = matchedBy.putIfAbsent(group.stored.id(), row);
                if (earlier != null) {
                    problems.error(new ImportProblem(row.line(), validator.header(TITLE), Objects.toString(title, ""),
                            "Samme tiltak (id " + group.stored.id() + ") som linje " + earlier.line() + ": hvert tiltak bare én gang per fil"));
                    continue;
                }
            }
            List<MeasureInput> activities = new ArrayList<>();
            Map<Long, PlanRow> activityIds = new HashMap<>();
            Map<String, PlanRow> activityNames = new HashMap<>();
            for (PlanRow activityRow : group.activities) {
                PlanRow sameName = activityNames.putIfAbsent(key(activityRow.text(ACTIVITY)), activityRow);
                if (sameName != null) {
                    problems.error(new ImportProblem(activityRow.line(), validator.header(ACTIVITY), activityRow.text(ACTIVITY),
                            "Aktiviteten «" + activityRow.text(ACTIVITY) + "» står også på linje " + sameName.line()
                                    + ": hver aktivitet bare én gang per tiltak"));
                    continue;
                }
                Measure storedActivity = storedActivity(group.stored, activityRow, validator, problems);
                if (storedActivity != null) {
                    PlanRow earlier = activityIds.putIfAbsent(storedActivity.id(), activityRow);
                    if (earlier != null) {
                        problems.error(new ImportProblem(activityRow.line(), validator.header(ACTIVITY), activityRow.text(ACTIVITY),
                                "Samme aktivitet som linje " + earlier.line() + ": hver aktivitet bare én gang per tiltak"));
                    }
                }
                activities.add(input(activityRow, storedActivity, validator, true, row));
            }
            MeasureInput input = input(row, group.stored, validator, false, null);
            input = new MeasureInput(input.id(), input.title(), input.description(), input.owner(), input.priority(), input.size(),
                    input.startMonth(), input.endMonth(), input.scope(), input.indicators(), activities);
            List<PlanRow> lines = new ArrayList<>();
            lines.add(row);
            lines.addAll(group.activities);
            measures.validate(input, names(validator, lines), problem -> problems.error(problem(problem, lines, validator)));
            Map<PlanRow, StatusInput> statuses = new LinkedHashMap<>();
            for (PlanRow line : lines) {
                if (line.values()[STATUS] == null) {
                    if (line.text(COMMENT) != null) {
                        problems.error(new ImportProblem(line.line(), validator.header(COMMENT), line.text(COMMENT),
                                "En kommentar hører til en status: fyll inn «" + label(validator, STATUS) + "» også"));
                    }
                    continue;
                }
                YearMonth month = (YearMonth) line.values()[MONTH];
                if (month == null) {
                    latest = latest != null ? latest : kpis.latestMonth().orElse(YearMonth.now(clock.withZone(NorwegianTime.OSLO)));
                    month = latest;
                }
                StatusInput status = new StatusInput(month.toString(), (String) line.values()[STATUS], line.text(COMMENT));
                Map<String, Integer> statusColumns = Map.of("month", MONTH, "status", STATUS, "comment", COMMENT);
                measures.validateStatus(status, (a, field) -> label(validator, statusColumns.get(field)),
                        p -> problems.error(new ImportProblem(line.line(), label(validator, statusColumns.get(p.field())),
                                validator.cell(line.source(), statusColumns.get(p.field())), p.message())));
                statuses.put(line, status);
            }
            planned.add(new Planned(group.stored, input, row, group.activities, statuses));
        }
        return planned;
    }

    /** The stored activity an activity row is: by its id, or by its name within the stored measure; null for a new one. */
    private static Measure storedActivity(Measure measure, PlanRow row, RowValidator validator, ImportService.Problems problems) {
        Long id = (Long) row.values()[ID];
        List<Measure> activities = measure == null ? List.of() : measure.activities();
        if (id != null) {
            Measure found = activities.stream().filter(a -> a.id() == id).findFirst().orElse(null);
            if (found == null) {
                problems.error(new ImportProblem(row.line(), validator.header(ID), id.toString(), "Fant ikke aktivitet med id " + id
                        + (measure == null ? " i et nytt tiltak" : " i tiltak " + measure.id()) + ": la «id» stå tom for en ny aktivitet"));
            }
            return found;
        }
        return activities.stream().filter(a -> sameTitle(a.title(), row.text(ACTIVITY))).findFirst().orElse(null);
    }

    /**
     * The measure or activity of a row as the plan's API takes it: a column the file has gives its value (a blank cell
     * clears it), one it does not have keeps the stored value. An activity without a start month starts with its measure.
     */
    private MeasureInput input(PlanRow row, Measure stored, RowValidator validator, boolean activity, PlanRow measureRow) {
        Object[] v = row.values();
        YearMonth[] period = (YearMonth[]) v[PERIOD];
        String start = month(period != null ? period[0] : (YearMonth) v[START]);
        String end = month(period != null ? period[1] : (YearMonth) v[END]);
        if (start == null && activity) {
            YearMonth[] measurePeriod = (YearMonth[]) measureRow.values()[PERIOD];
            start = month(measurePeriod != null ? measurePeriod[0] : (YearMonth) measureRow.values()[START]);
        }
        // the header has «fra» or «tidsrom» (checked before); «til» may be left out and keeps the stored end
        boolean hasEnd = validator.has(END) || validator.has(PERIOD);
        return new MeasureInput(stored == null ? null : stored.id(),
                keep(validator, activity ? ACTIVITY : TITLE, row.text(activity ? ACTIVITY : TITLE), stored, Measure::title),
                keep(validator, DESCRIPTION, row.text(DESCRIPTION), stored, Measure::description),
                keep(validator, OWNER, row.text(OWNER), stored, Measure::owner),
                keep(validator, PRIORITY, (String) v[PRIORITY], stored, Measure::priority),
                keep(validator, SIZE, (String) v[SIZE], stored, Measure::size),
                start,
                hasEnd || stored == null ? end : stored.endMonth(),
                keep(validator, SCOPE, scope(row.text(SCOPE)), stored, Measure::scope),
                activity ? indicators(row.text(INDICATORS)) : validator.has(INDICATORS) || stored == null
                        ? indicators(row.text(INDICATORS)) : stored.indicators(),
                null);
    }

    private static <T> T keep(RowValidator validator, int column, T value, Measure stored, Function<Measure, T> storedValue) {
        return validator.has(column) || stored == null ? value : storedValue.apply(stored);
    }

    private static String month(YearMonth month) {
        return month == null ? null : month.toString();
    }

    /** A kommunenummer alone is that municipality's scope. */
    private static String scope(String written) {
        return written != null && written.matches("[0-9]{4}") ? "municipality:" + written : written;
    }

    /** Each indicator of a comma-separated list as its id where the list names it by id or name; an unknown one as written. */
    private List<String> indicators(String written) {
        if (written == null) {
            return List.of();
        }
        List<IndicatorDefinition> known = catalogue.all();
        List<String> ids = new ArrayList<>();
        for (String name : written.split("[,;]")) {
            String wanted = Column.key(name);
            if (wanted.isEmpty()) {
                continue;
            }
            ids.add(known.stream().filter(d -> Column.key(d.id()).equals(wanted) || Column.key(d.name()).equals(wanted)
                    || Column.key(d.shortName()).equals(wanted)).map(IndicatorDefinition::id).findFirst().orElse(name.strip()));
        }
        return ids;
    }

    /** The fields of the plan's API as this file's headers: the title of an activity is its «aktivitet». */
    private static FieldNames names(RowValidator validator, List<PlanRow> lines) {
        return (activity, field) -> label(validator, column(field, activity >= 0, lines.get(activity + 1)));
    }

    private static int column(String field, boolean activity, PlanRow row) {
        boolean period = row.values()[PERIOD] != null;
        return switch (field) {
            case "title" -> activity ? ACTIVITY : TITLE;
            case "description" -> DESCRIPTION;
            case "owner" -> OWNER;
            case "priority" -> PRIORITY;
            case "size" -> SIZE;
            case "startMonth" -> period ? PERIOD : START;
            case "endMonth" -> period ? PERIOD : END;
            case "scope" -> SCOPE;
            case "indicators" -> INDICATORS;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** A problem of the plan's rules as an import error: on the line of the measure or activity, with the cell as written. */
    private static ImportProblem problem(FieldProblem problem, List<PlanRow> lines, RowValidator validator) {
        PlanRow row = lines.get(problem.activity() + 1);
        int column = column(problem.field(), problem.activity() >= 0, row);
        String cell = validator.cell(row.source(), column);
        return new ImportProblem(row.line(), label(validator, column), cell.isEmpty() ? problem.value() : cell, problem.message());
    }

    /** The header of a column as the file writes it, or its Norwegian name where the file does not have it. */
    private static String label(RowValidator validator, int column) {
        return validator.has(column) ? validator.header(column) : PlanFile.INSTANCE.columns().get(column).label();
    }

    /** Stores the plan; returns inserted, updated and unchanged, counting measures and activities. */
    private int[] store(List<Planned> planned, String user) {
        int inserted = 0;
        Set<Long> updated = new HashSet<>();
        Set<Long> unchanged = new HashSet<>();
        for (Planned p : planned) {
            long id;
            if (p.stored() == null) {
                id = measures.create(p.input(), user, false);
                inserted += 1 + p.activityRows().size();
            } else {
                id = p.stored().id();
                MeasureRepository.Changes changes = measures.update(id, p.input(), user);
                inserted += changes.added().size();
                updated.addAll(changes.revised());
                unchanged.addAll(changes.unchanged());
            }
            Measure now = measures.find(id).orElseThrow();
            for (Map.Entry<PlanRow, StatusInput> status : p.statuses().entrySet()) {
                long target = status.getKey() == p.row() ? id : now.activities().get(activityIndex(p, status.getKey(), now)).id();
                if (measures.setStatusIfNew(target, status.getValue(), user) && unchanged.remove(target)) {
                    updated.add(target);
                }
            }
        }
        return new int[] {inserted, updated.size(), unchanged.size()};
    }

    /** Where the activity of {@code row} is among the stored measure's activities (matched by id, else by name). */
    private static int activityIndex(Planned p, PlanRow row, Measure stored) {
        MeasureInput input = p.input().activities().get(p.activityRows().indexOf(row));
        for (int i = 0; i < stored.activities().size(); i++) {
            Measure activity = stored.activities().get(i);
            if (input.id() != null ? activity.id() == input.id() : sameTitle(activity.title(), input.title())) {
                return i;
            }
        }
        throw new IllegalStateException("activity of line " + row.line() + " not stored");
    }

    private static boolean sameTitle(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    private static String key(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
