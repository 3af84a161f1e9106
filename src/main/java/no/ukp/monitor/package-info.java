/**
 * UKP monitor. One package per feature: {@code database} (where the data lives),
 * {@code security} (users and roles), {@code reference} (regions, municipalities, population),
 * {@code ingest} (imports), {@code indicator} (the indicator catalogue and the figures), {@code report}.
 */
package no.ukp.monitor;
