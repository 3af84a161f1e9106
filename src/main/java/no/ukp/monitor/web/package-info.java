/**
 * What the browser pages share: the layout (header with the service name, navigation, the
 * logged-in user and logout; {@code templates/layout.html}), the login page, the style sheet and
 * script beside the vendored Designsystemet; each feature's own pages live in its package
 * (the import pages in {@code ingest}, {@code /mal} in {@code indicator}, {@code /kommuner} in
 * {@code reference}, the action plan's in {@code measure}); {@code templates/fields.html} and {@link no.ukp.monitor.web.Choice} serve their forms.
 */
package no.ukp.monitor.web;
