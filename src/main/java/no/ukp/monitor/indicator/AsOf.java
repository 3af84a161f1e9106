package no.ukp.monitor.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;
import no.ukp.monitor.database.AsOfConnections;
import no.ukp.monitor.reference.Scope;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures "as of" an instant (issue 18, {@code asOf}): runs a read in a transaction in which every
 * indicator view reads the data as recorded at or before the instant (the setting
 * {@code ukp.as_of} of R__indicator_views.sql, local to the transaction). The arithmetic is the
 * views', the same as for the figures of now; only their sources switch.
 */
@Component
public class AsOf {

    /** The description of the parameter {@code asOf}, the same on every endpoint that takes it. */
    public static final String DESCRIPTION = "ISO-8601 instant, e.g. 2025-08-20T10:00:00Z: the figures as the data stood then "
            + "(revisions, population, reference data and target versions recorded at or before it); default now";

    private final DSLContext dsl;
    private final TransactionTemplate transaction;

    AsOf(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        // not read-only: the sums of the request are kept in temporary tables (dropped at commit); never
        // joins a transaction of now, whose connection is not one of AsOfConnections
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The request parameter {@code asOf}: an ISO-8601 instant with its offset ({@code 2025-08-20T10:00:00Z},
     * {@code 2025-08-20T12:00:00+02:00}); null when absent; {@link InvalidRequest} in Norwegian otherwise.
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("Tidspunktet «" + Problems.cut(text) + "» i «asOf» må skrives som ISO-8601 med tidssone, "
                    + "for eksempel 2025-08-20T10:00:00Z eller 2025-08-20T12:00:00+02:00");
        }
    }

    /**
     * What a request reads: the scope (null: every scope) and the months it shows, {@code from} to
     * {@code to} (null: every month). The sums as of the instant are formed once for these, with the
     * 11 months before {@code from} that its rolling windows reach back to and the baseline year of
     * the short-term ward indicator, and kept for the transaction (R__indicator_views.sql,
     * {@code ukp_as_of_sums}); the views read them from there.
     */
    public record Extent(Scope scope, YearMonth from, YearMonth to) {

        /** Every scope and month: the report, which shows several scopes and long series. */
        public static Extent everything() {
            return new Extent(null, null, null);
        }
    }

    /**
     * {@code work} with the views reading the data as recorded at or before {@code asOf} (null: as it
     * is now), for what {@code extentThen} says it reads (asked for once the instant is set, and
     * given to {@code work}: the months it names, such as the latest month then, are looked up once).
     */
    public <T> T read(Instant asOf, Supplier<Extent> extentThen, Function<Extent, T> work) {
        if (asOf == null) {
            return work.apply(extentThen.get());
        }
        // a transaction of its own on a connection that only ever reads as of an instant (its plans are made so)
        return AsOfConnections.use(() -> transaction.execute(status -> {
            dsl.fetch("SELECT set_config('ukp.as_of', ?, true)", asOf.toString());
            // the views as of an instant read small sets; starting parallel workers costs more (20 ms) than it saves
            dsl.execute("SET LOCAL max_parallel_workers_per_gather = 0");
            Extent extent = extentThen.get();
            keepSums(extent);
            return work.apply(extent);
        }));
    }

    /**
     * The sums and the population as of the instant for what the request reads, in the temporary
     * tables the views read them from (the months may depend on the data then: the latest month).
     */
    private void keepSums(Extent extent) {
        Condition scope = extent.scope() == null ? DSL.trueCondition()
                : DSL.field(DSL.name("scope_type")).eq(DSL.inline(extent.scope().type().key()))
                        .and(DSL.field(DSL.name("scope_id")).eq(DSL.inline(extent.scope().id())));
        Condition months = DSL.trueCondition();
        if (extent.from() != null && extent.to() != null) {
            Field<LocalDate> month = DSL.field(DSL.name("month"), LocalDate.class);
            months = month.between(DSL.inline(extent.from().minusMonths(11).atDay(1)), DSL.inline(extent.to().atDay(1)));
            Object baseline = dsl.fetchValue("SELECT value FROM indicator_setting WHERE key = 'baseline_year'");
            if (baseline != null) {
                int year = Integer.parseInt(baseline.toString());
                months = months.or(month.between(DSL.inline(LocalDate.of(year, 1, 1)), DSL.inline(LocalDate.of(year, 12, 1))));
            }
        }
        dsl.execute("CREATE TEMPORARY TABLE ukp_as_of_sums ON COMMIT DROP AS SELECT * FROM scope_month_facts WHERE "
                + dsl.renderInlined(scope.and(months)));
        // the whole community's population too: an apportioned target is the scope's share of it
        Condition total = DSL.field(DSL.name("scope_type")).eq(DSL.inline("total"));
        dsl.execute("CREATE TEMPORARY TABLE ukp_as_of_population ON COMMIT DROP AS "
                + "SELECT scope_type, scope_id, year, population, complete FROM scope_population WHERE "
                + dsl.renderInlined(scope.or(total)));
    }
}
