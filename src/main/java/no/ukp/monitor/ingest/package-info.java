/**
 * Imports of UKP data files (CSV and XLSX): reading, validation with Norwegian messages, storing
 * all or nothing with revision history, the import audit, the synthetic demo data (drawn by
 * the seeded generator the benchmark uses too), and the import pages ({@code /import},
 * {@code /import/historikk}).
 */
package no.ukp.monitor.ingest;
