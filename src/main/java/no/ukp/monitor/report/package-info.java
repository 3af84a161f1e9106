/**
 * The monthly committee report (månedsrapport): every catalogue indicator of a month and scope as
 * Norwegian HTML and PDF, with traffic lights, trend charts, statistical process control (XmR,
 * NHS "Making Data Count", computed by {@code no.ukp.monitor.spc}), statuses by region or
 * municipality, coverage and the imports the figures rest on. Served at {@code /api/v1/reports/monthly} and {@code /}, and written by the
 * command {@code java -jar ukp-monitor.jar report}.
 *
 * <p>Computes no indicator: every figure comes from {@code KpiRepository} (the SQL views), the SPC
 * statistics from {@code XmrEngine}; this package words and draws them.
 */
package no.ukp.monitor.report;
