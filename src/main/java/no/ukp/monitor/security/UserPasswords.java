package no.ukp.monitor.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passwords of the built-in users, from {@code UKP_VIEWER_PASSWORD}, {@code UKP_ANALYST_PASSWORD},
 * {@code UKP_INGEST_PASSWORD}, {@code UKP_ADMIN_PASSWORD} and {@code UKP_PLANNER_PASSWORD} (the
 * kompetansegruppe: reads everything, edits the action plan). A user without a password is
 * disabled, except in the embedded mode, where one is generated and printed once at start.
 */
@ConfigurationProperties("ukp.users")
public record UserPasswords(String viewer, String analyst, String ingest, String admin, String planner) {
}
