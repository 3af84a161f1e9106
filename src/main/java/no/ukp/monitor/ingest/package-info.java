/**
 * Imports of UKP data files (CSV and XLSX): reading, validation with Norwegian messages, storing
 * all or nothing with revision history, the import audit, and the synthetic demo data (drawn by
 * the seeded generator the benchmark uses too).
 */
package no.ukp.monitor.ingest;
