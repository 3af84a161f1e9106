package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR_SETTING;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * At start, before anything reads an indicator: writes the configured settings into the
 * database and lets {@code ukp_reader} log in with its configured password.
 */
@Component
class IndicatorSetup {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSetup.class);

    private final DSLContext dsl;
    private final IndicatorProperties indicators;
    private final ReaderRoleProperties reader;

    IndicatorSetup(DSLContext dsl, IndicatorProperties indicators, ReaderRoleProperties reader) {
        this.dsl = dsl;
        this.indicators = indicators;
        this.reader = reader;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    void apply() {
        setting("baseline_year", Integer.toString(indicators.baselineYear()));
        setting("measurement_start_month", indicators.measurementStartMonth().toString());
        log.info("Indicators: baseline year {}, measured from {}", indicators.baselineYear(),
                indicators.measurementStartMonth());
        if (StringUtils.hasText(reader.password())) {
            try {
                // a utility statement takes no bind values: the password is inlined as an escaped literal
                dsl.execute("ALTER ROLE ukp_reader LOGIN PASSWORD {0}", DSL.inline(reader.password()));
                dsl.execute("ALTER ROLE ukp_reader SET jit = off");
                log.info("Role ukp_reader may log in (read-only)");
            } catch (DataAccessException e) {
                log.warn("Could not enable role ukp_reader: {}", e.getMostSpecificCause().getMessage().split("\n")[0]);
            }
        }
    }

    private void setting(String key, String value) {
        dsl.insertInto(INDICATOR_SETTING)
                .set(INDICATOR_SETTING.KEY, key)
                .set(INDICATOR_SETTING.VALUE, value)
                .onConflict(INDICATOR_SETTING.KEY)
                .doUpdate()
                .set(INDICATOR_SETTING.VALUE, value)
                .execute();
    }
}
