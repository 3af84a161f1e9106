package no.ukp.monitor.national;

import static no.ukp.monitor.db.Tables.NATIONAL_SETTING;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** At start: writes {@code ukp.national.*} into {@code national_setting}, where the ranking views read it. */
@Component
class NationalSetup {

    private static final Logger log = LoggerFactory.getLogger(NationalSetup.class);

    private final DSLContext dsl;
    private final NationalProperties properties;

    NationalSetup(DSLContext dsl, NationalProperties properties) {
        this.dsl = dsl;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(-10)
    void apply() {
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(NATIONAL_SETTING).execute();
            tx.dsl().insertInto(NATIONAL_SETTING, NATIONAL_SETTING.KEY, NATIONAL_SETTING.VALUE)
                    .values("best_fraction", Double.toString(properties.bestFraction()))
                    .execute();
            if (StringUtils.hasText(properties.community())) {
                tx.dsl().insertInto(NATIONAL_SETTING, NATIONAL_SETTING.KEY, NATIONAL_SETTING.VALUE)
                        .values("community", properties.community().strip())
                        .execute();
            }
        });
        log.info("National comparison: among the best = the best {} of the communities; our community {}",
                properties.bestFraction(), StringUtils.hasText(properties.community()) ? properties.community()
                        : "that of our reference municipalities");
    }
}
