package no.ukp.monitor.indicator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read-only database role {@code ukp_reader} for analysts and Grafana.
 *
 * @param password its password ({@code UKP_READER_PASSWORD}); unset leaves the role unable to log in
 */
@ConfigurationProperties("ukp.reader")
public record ReaderRoleProperties(String password) {
}
