package no.ukp.monitor.indicator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.Problems;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures "as of" an instant (issue 18, {@code asOf}): runs a read in a read-only transaction in
 * which every indicator view reads the data as recorded at or before the instant (the setting
 * {@code ukp.as_of} of R__indicator_views.sql, local to the transaction). The arithmetic is the
 * views', the same as for the figures of now; only their sources switch.
 */
@Component
public class AsOf {

    /** The description of the parameter {@code asOf}, the same on every endpoint that takes it. */
    public static final String DESCRIPTION = "ISO-8601 instant, e.g. 2025-08-20T10:00:00Z: the figures as the data stood then "
            + "(revisions, population, reference data and target versions recorded at or before it); default now";

    private final DSLContext dsl;
    private final TransactionTemplate readOnly;

    AsOf(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
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

    /** {@code work} with the views reading the data as recorded at or before {@code asOf}; null: as it is now. */
    public <T> T read(Instant asOf, Supplier<T> work) {
        if (asOf == null) {
            return work.get();
        }
        return readOnly.execute(status -> {
            dsl.fetch("SELECT set_config('ukp.as_of', ?, true)", asOf.toString());
            return work.get();
        });
    }
}
