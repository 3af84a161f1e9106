/**
 * Who may do what: the five built-in users ({@code viewer}, {@code analyst}, {@code ingest},
 * {@code planner}, {@code admin}), enabled by their {@code UKP_*_PASSWORD} variables (HTTP Basic
 * for the API, the login form and a session for the browser pages; {@code ukp.security.basic-enabled}
 * switches them off), and people signed in through single sign-on (OpenID Connect: HelseID, Entra
 * ID), with the roles of a built-in user from a claim or kept by the service ({@link
 * no.ukp.monitor.security.SingleSignOn}, {@link no.ukp.monitor.security.PersonRoles}).
 */
package no.ukp.monitor.security;
