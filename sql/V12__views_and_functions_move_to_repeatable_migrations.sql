-- From here on every view and function has one current text, in a repeatable migration
-- (sql/R__<what>.sql), and the versioned migrations (V<n>__<what>.sql) hold tables and data.
-- The views and functions that V1..V11 created keep their text there as history, and a V file
-- is never edited once applied (Flyway checks its checksum at every start).
--
--   R__indicator_views.sql   scopes, months, the sums behind every figure, the indicators,
--                            targets and statuses, the latest month (V3, V6, V7, V10)
--   R__indicator_sums.sql    the functions that keep the stored sums equal to their views (V7, V10, V11)
--   R__data_origin.sql       data_origin (V4, V9)
--   R__snapshot_latest.sql   snapshot_latest (V5, V9)
--
-- Only functions that the versioned migrations call while they run stay where they are
-- (V1: ukp_timescaledb_loaded, ukp_make_hypertable): a repeatable migration runs after them.
--
-- This drops every view the versioned migrations made, dependent ones first; Flyway runs the
-- repeatable migrations after it and they create them anew with their current text (the same
-- text as V11 left). The functions are not dropped: the triggers of V7 and V10 are bound to
-- them, and the repeatable migrations replace their bodies in place (CREATE OR REPLACE).
DROP VIEW indicator_latest_month;
DROP VIEW indicator_status;
DROP VIEW indicator_target_at;
DROP VIEW indicator_target_period;
DROP VIEW indicator_coverage;
DROP VIEW indicator_value;
DROP VIEW indicator_window_sums;
DROP VIEW indicator_month;
DROP VIEW scope_month_facts;
DROP VIEW scope_population;
DROP VIEW indicator_scope;
DROP VIEW scope_municipality;
DROP VIEW data_origin;
DROP VIEW snapshot_latest;
