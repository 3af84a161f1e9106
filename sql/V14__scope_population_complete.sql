-- Whether every municipality of a scope has its population for the year: a rate per inhabitant
-- (ukp_days_per_1000) is only given for a scope whose population is complete. The column is
-- filled from the view scope_population (R__indicator_views.sql), which R__ files store anew.
ALTER TABLE scope_population_sums ADD COLUMN complete BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE scope_population_sums ALTER COLUMN complete DROP DEFAULT;
