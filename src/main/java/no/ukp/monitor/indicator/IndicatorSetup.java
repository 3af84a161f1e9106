package no.ukp.monitor.indicator;

import static no.ukp.monitor.db.Tables.INDICATOR_SETTING;

import com.zaxxer.hikari.HikariDataSource;
import no.ukp.monitor.database.AsOfConnections;
import java.sql.SQLException;
import javax.sql.DataSource;
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
 * database and lets {@code ukp_reader} log in with its configured password, with a connection
 * limit, a statement timeout and an idle-in-transaction timeout ({@code ukp.reader.*}).
 */
@Component
class IndicatorSetup {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSetup.class);

    /** Connections left free beside the service's pool and the reader: an operator's psql, a migration. */
    private static final int SPARE_CONNECTIONS = 5;

    private final DSLContext dsl;
    private final IndicatorProperties indicators;
    private final ReaderRoleProperties reader;
    private final DataSource dataSource;

    IndicatorSetup(DSLContext dsl, IndicatorProperties indicators, ReaderRoleProperties reader, DataSource dataSource) {
        this.dsl = dsl;
        this.indicators = indicators;
        this.reader = reader;
        this.dataSource = dataSource;
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
        limitReader();
    }

    /**
     * Bounds what {@code ukp_reader} can hold, with or without a password here (a login given to it
     * earlier or by hand stays): its connections, statements and idle transactions.
     */
    private void limitReader() {
        if (!dsl.fetchExists(DSL.selectOne().from("pg_roles").where("rolname = 'ukp_reader'"))) {
            return;
        }
        try {
            int limit = limitReaderConnections();
            dsl.execute("ALTER ROLE ukp_reader SET statement_timeout = " + reader.statementTimeout().toMillis());
            dsl.execute("ALTER ROLE ukp_reader SET idle_in_transaction_session_timeout = "
                    + reader.idleInTransactionTimeout().toMillis());
            log.info("Role ukp_reader: at most {} connections, statements up to {}, idle transactions up to {}", limit,
                    reader.statementTimeout(), reader.idleInTransactionTimeout());
        } catch (DataAccessException e) {
            log.warn("Could not limit role ukp_reader: {}", e.getMostSpecificCause().getMessage().split("\n")[0]);
        }
    }

    /**
     * Sets the reader's connection limit, lowered to fit beside the service's pool and a few spare
     * connections in the server's {@code max_connections}, so analysts and Grafana can never take
     * the connections the service needs. Returns the limit set.
     */
    private int limitReaderConnections() {
        int available = dsl.fetchSingle("SELECT current_setting('max_connections')::int "
                + "- current_setting('superuser_reserved_connections')::int "
                + "- coalesce(current_setting('reserved_connections', true)::int, 0)").get(0, Integer.class);
        int fits = Math.max(1, available - poolSize() - SPARE_CONNECTIONS);
        int limit = Math.max(1, Math.min(reader.connectionLimit(), fits));
        if (limit < reader.connectionLimit()) {
            log.warn("ukp.reader.connection-limit={} does not fit beside the service's pool in max_connections: "
                    + "ukp_reader gets {} connections", reader.connectionLimit(), limit);
        }
        dsl.execute("ALTER ROLE ukp_reader CONNECTION LIMIT " + limit);
        return limit;
    }

    private int poolSize() {
        try {
            return AsOfConnections.POOL_SIZE + (dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : 10);
        } catch (SQLException e) {
            return 10;
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
