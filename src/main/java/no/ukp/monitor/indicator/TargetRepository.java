package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR;
import static no.ukp.monitor.db.Tables.INDICATOR_TARGET;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import no.ukp.monitor.reference.ReferenceRepository;
import no.ukp.monitor.reference.ScopeType;
import no.ukp.monitor.system.AlreadyExists;
import no.ukp.monitor.system.InvalidRequest;
import no.ukp.monitor.system.RequestMonth;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Target versions: every version ever added, none overwritten. A new version is checked against
 * what is stored (a known indicator and scope, no version for the same month yet) before it is added.
 */
@Repository
class TargetRepository {

    private static final String MISSING = "mangler";
    private static final String DIGITS = "kan ha høyst 8 sifre før og 6 etter desimaltegnet";

    private final DSLContext dsl;
    private final ReferenceRepository reference;

    TargetRepository(DSLContext dsl, ReferenceRepository reference) {
        this.dsl = dsl;
        this.reference = reference;
    }

    /**
     * A target version. {@code scopeId} null: the default for every scope of the type.
     * {@code replacedFrom}: the month the next version of the same indicator and scope applies
     * from (this one applies to the months before it), null while it is the current one.
     */
    record Target(Long id, String indicatorId, String scopeType, String scopeId, String validFrom, String replacedFrom,
                  BigDecimal target, BigDecimal tolerance, String toleranceKind, String statusWindow, boolean apportioned,
                  String createdBy, OffsetDateTime createdAt, String note) {
    }

    /**
     * A new target version as an admin sends it. {@code target} and {@code tolerance} fit the
     * columns (NUMERIC(14,6)), {@code note} at most 300 characters, {@code validFrom} a month
     * {@link RequestMonth} accepts.
     */
    record NewTarget(@NotBlank(message = MISSING) @Size(max = 40, message = "kan ha høyst 40 tegn") String indicatorId,
                     @NotBlank(message = MISSING) @Pattern(regexp = "total|region|municipality",
                             message = "må være total, region eller municipality") String scopeType,
                     @Size(max = 40, message = "kan ha høyst 40 tegn") String scopeId,
                     @NotBlank(message = MISSING) @Pattern(regexp = "[0-9]{4}-[0-9]{2}", message = "må skrives ÅÅÅÅ-MM")
                     String validFrom,
                     @NotNull(message = MISSING) @Digits(integer = 8, fraction = 6, message = DIGITS) BigDecimal target,
                     @NotNull(message = MISSING) @PositiveOrZero(message = "kan ikke være negativ")
                     @Digits(integer = 8, fraction = 6, message = DIGITS) BigDecimal tolerance,
                     @NotBlank(message = MISSING) @Pattern(regexp = "relative|absolute", message = "må være relative eller absolute")
                     String toleranceKind,
                     @Pattern(regexp = "month|ytd|rolling12|projectedYear",
                             message = "må være month, ytd, rolling12 eller projectedYear") String statusWindow,
                     Boolean apportioned,
                     @Size(max = 300, message = "kan ha høyst 300 tegn") String note) {
    }

    /**
     * The versions by indicator, scope (defaults first) and month: of one indicator, scope type or scope, each null for all: {@code scopeId}
     * {@code default} for the defaults of the scope type (no scope id).
     */
    List<Target> list(String indicatorId, String scopeType, String scopeId) {
        var t = INDICATOR_TARGET;
        Condition condition = DSL.noCondition();
        if (indicatorId != null) {
            condition = condition.and(t.INDICATOR_ID.eq(indicatorId));
        }
        if (scopeType != null) {
            condition = condition.and(t.SCOPE_TYPE.eq(scopeType));
        }
        if (scopeId != null) {
            condition = condition.and(scopeId.equals("default") ? t.SCOPE_ID.isNull() : t.SCOPE_ID.eq(scopeId));
        }
        return select(condition);
    }

    /**
     * Adds a version created by {@code user}; {@link InvalidRequest} for an unknown indicator or
     * scope or an apportioned total, {@link AlreadyExists} when the indicator and scope have a
     * version from that month already.
     */
    Target add(NewTarget target, String user) {
        if (!dsl.fetchExists(INDICATOR, INDICATOR.ID.eq(target.indicatorId()))) {
            throw new InvalidRequest("Ukjent indikator «" + target.indicatorId() + "»");
        }
        String scopeId = target.scopeId() == null || target.scopeId().isBlank() ? null : target.scopeId().strip();
        if (scopeId != null && !ScopeType.TOTAL.key().equals(target.scopeType())
                && reference.scope(target.scopeType() + ":" + scopeId).isEmpty()) {
            throw new InvalidRequest("Ukjent " + target.scopeType() + " «" + scopeId + "»");
        }
        boolean apportioned = Boolean.TRUE.equals(target.apportioned());
        if (apportioned && ScopeType.TOTAL.key().equals(target.scopeType())) {
            throw new InvalidRequest("Et fordelt mål (apportioned) gjelder regioner og kommuner, ikke totalen");
        }
        LocalDate validFrom = RequestMonth.parse("validFrom", target.validFrom()).atDay(1);
        var t = INDICATOR_TARGET;
        boolean exists = dsl.fetchExists(t, t.INDICATOR_ID.eq(target.indicatorId()), t.SCOPE_TYPE.eq(target.scopeType()),
                scopeId == null ? t.SCOPE_ID.isNull() : t.SCOPE_ID.eq(scopeId), t.VALID_FROM.eq(validFrom));
        if (exists) {
            throw new AlreadyExists("Det finnes allerede et mål for denne indikatoren og dette omfanget fra "
                    + target.validFrom());
        }
        Long id = dsl.insertInto(t)
                .set(t.INDICATOR_ID, target.indicatorId())
                .set(t.SCOPE_TYPE, target.scopeType())
                .set(t.SCOPE_ID, ScopeType.TOTAL.key().equals(target.scopeType()) ? null : scopeId)
                .set(t.VALID_FROM, validFrom)
                .set(t.TARGET, target.target())
                .set(t.TOLERANCE, target.tolerance())
                .set(t.TOLERANCE_KIND, target.toleranceKind())
                .set(t.STATUS_WINDOW, target.statusWindow() == null ? Window.ROLLING12.key() : target.statusWindow())
                .set(t.APPORTIONED, apportioned)
                .set(t.CREATED_BY, user)
                .set(t.NOTE, target.note())
                .returning(t.ID)
                .fetchSingle(t.ID);
        return select(t.ID.eq(id)).get(0);
    }

    private List<Target> select(Condition condition) {
        var t = INDICATOR_TARGET;
        var next = INDICATOR_TARGET.as("n");
        // the next version of the same indicator and scope (scope ids compared as values: NULL = the default)
        Field<String> replacedFrom = DSL.select(DSL.toChar(DSL.min(next.VALID_FROM), "YYYY-MM")).from(next)
                .where(next.INDICATOR_ID.eq(t.INDICATOR_ID), next.SCOPE_TYPE.eq(t.SCOPE_TYPE),
                        next.SCOPE_ID.isNotDistinctFrom(t.SCOPE_ID), next.VALID_FROM.gt(t.VALID_FROM))
                .asField("replaced_from");
        return dsl.select(t.ID, t.INDICATOR_ID, t.SCOPE_TYPE, t.SCOPE_ID, DSL.toChar(t.VALID_FROM, "YYYY-MM"), replacedFrom,
                        t.TARGET, t.TOLERANCE, t.TOLERANCE_KIND, t.STATUS_WINDOW, t.APPORTIONED, t.CREATED_BY, t.CREATED_AT,
                        t.NOTE)
                .from(t)
                .where(condition)
                .orderBy(t.INDICATOR_ID, t.SCOPE_TYPE, t.SCOPE_ID.nullsFirst(), t.VALID_FROM)
                .fetch(Records.mapping(Target::new));
    }
}
