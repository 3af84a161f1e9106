/**
 * The national comparison ("blant de beste i landet"): Helsedirektoratet's yearly UKP figures for
 * every municipality of Norway (imported by {@code ingest} as {@code national-statistics} and
 * {@code national-municipalities}), ranked by the SQL views of {@code sql/R__national.sql} (the one
 * definition, shared with Grafana), served by {@code /api/v1/national/ranking} and shown as the
 * vision's status and a section of the monthly report.
 */
package no.ukp.monitor.national;
