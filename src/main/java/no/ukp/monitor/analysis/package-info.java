/**
 * Analysis for the analysegruppe (analysis.md): why UKP-days changed (the Shapley decomposition
 * into stays, share of stays with days and mean days, per scope and member municipality) and what
 * they would be if (the scenario, judged against the target). The arithmetic is SQL
 * ({@code sql/R__analysis.sql}); this package serves it as the API, CSV and the page
 * {@code /scenario}, and rounds it for display ({@link no.ukp.monitor.analysis.LargestRemainder}).
 */
package no.ukp.monitor.analysis;
