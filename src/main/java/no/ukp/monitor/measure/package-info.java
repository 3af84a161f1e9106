/**
 * The committee's action plan (tiltaksplan): measures with activities, their monthly statuses with
 * history, and whether the linked indicators changed after a measure started (its effect, judged
 * by the one XmR engine against the baseline's limits extended forward); the API and the page
 * {@code /tiltak}.
 */
package no.ukp.monitor.measure;
