/**
 * Who may do what: the four built-in users ({@code viewer}, {@code analyst}, {@code ingest},
 * {@code admin}), enabled by their {@code UKP_*_PASSWORD} variables; HTTP Basic for the API,
 * the login form and a session for the browser pages.
 */
package no.ukp.monitor.security;
