package no.ukp.monitor.indicator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read-only database role {@code ukp_reader} for analysts and Grafana.
 *
 * @param password                  its password ({@code UKP_READER_PASSWORD}); unset leaves the role unable to log in
 * @param connectionLimit           most connections of the role at once; lowered at start to what the server's
 *                                  {@code max_connections} leaves beside the service's pool
 * @param statementTimeout          its statements are cancelled after this
 * @param idleInTransactionTimeout  its sessions are ended when a transaction stays idle this long
 */
@ConfigurationProperties("ukp.reader")
public record ReaderRoleProperties(String password, int connectionLimit, Duration statementTimeout,
                                   Duration idleInTransactionTimeout) {
}
