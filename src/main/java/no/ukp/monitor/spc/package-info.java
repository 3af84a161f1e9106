/**
 * Statistical process control (SPC) in the style of NHS England's "Making Data Count": the XmR
 * engine ({@link no.ukp.monitor.spc.XmrEngine}, the one place that knows the rules of
 * analysis.md: phases, mean, moving ranges, limits, the four signals, variation and assurance)
 * and {@code GET /api/v1/kpis/spc}, which runs it on an indicator's monthly values. The report
 * draws its XmR charts with the same engine. Computes statistics about the values the indicator
 * views give; never an indicator.
 */
package no.ukp.monitor.spc;
