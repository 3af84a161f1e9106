/**
 * Who may do what: the four built-in users ({@code viewer}, {@code analyst}, {@code ingest},
 * {@code admin}) over HTTP Basic, enabled by their {@code UKP_*_PASSWORD} variables.
 */
package no.ukp.monitor.security;
