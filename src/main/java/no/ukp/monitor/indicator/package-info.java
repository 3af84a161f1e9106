/**
 * The indicators: the catalogue (what each indicator is: table {@code indicator}, rows in
 * {@code sql/R__indicator_catalogue.sql}, served by {@code /api/v1/indicators}) and their values,
 * targets and statuses as the SQL views of {@code sql/R__indicator_views.sql} compute them (the
 * one definition of the arithmetic), served by {@code /api/v1/kpis}, as CSV and as Prometheus
 * gauges; targets as versioned data.
 */
package no.ukp.monitor.indicator;
