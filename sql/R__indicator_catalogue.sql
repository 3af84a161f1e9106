-- The indicator catalogue: one row per indicator, every column (see V13__indicator_catalogue.sql
-- for what each column means). This file is data, meant to be edited: Flyway re-runs it whenever
-- it changes, and every statement is an upsert, so an indicator that facts or targets refer to
-- is never deleted. An indicator also needs its arithmetic: a case in the view indicator_value
-- (docs/architecture.md, "Adding an indicator").
--
-- name and short_name are what people read (the report, the dashboards, the API);
-- decimals are those of the value as people see it (percent for shares and changes).

-- [jooq ignore start]
INSERT INTO indicator (id, sort_order, name, short_name, direction, unit, decimals, windows, status_window,
                       target_period, description, note) VALUES
  ('ukp_days', 1, 'Antall UKP-døgn per år', 'UKP-døgn', 'at_most', 'days', 0,
   '{month,ytd,rolling12,projectedYear}', 'rolling12', 'year',
   'Summen av UKP-døgn (somatikk) i vinduet. Prognosen for året er hittil i år × 12 / antall måneder.',
   NULL),
  ('zero_day_share', 2, 'Andel UKP med opphold 0 døgn', '0 døgn', 'at_least', 'share', 1,
   '{month,ytd,rolling12}', 'rolling12', 'month',
   'Andelen UKP-opphold uten UKP-døgn: Σ opphold med 0 døgn / Σ UKP-opphold.',
   'Andelen med 0 døgn avhenger av hvordan sykehuset registrerer UKP-opphold: Helsedirektoratet påpeker at sykehusene i Midt-Norge registrerer få UKP-opphold med 0 døgn.'),
  ('avg_ukp_days', 3, 'Gjennomsnittlig liggetid som UKP', 'Liggetid UKP', 'at_most', 'days', 2,
   '{month,ytd,rolling12}', 'rolling12', 'month',
   'Gjennomsnittlig antall UKP-døgn per opphold med minst ett UKP-døgn: Σ UKP-døgn / Σ (UKP-opphold − opphold med 0 døgn). Snittet over alle UKP-opphold vises ved siden av.',
   NULL),
  ('direct_home_share', 4, 'Andel UKP som reiser rett hjem', 'Rett hjem', 'at_least', 'share', 1,
   '{month,ytd,rolling12}', 'rolling12', 'month',
   'Andelen UKP-opphold som ender med utskrivning rett hjem: Σ rett hjem / Σ UKP-opphold.',
   NULL),
  ('readmission_30d_share', 5, 'Andel re-innleggelser < 30 døgn', 'Reinnleggelser', 'at_most', 'share', 1,
   '{month,ytd,rolling12}', 'rolling12', 'month',
   'Andelen UKP-opphold med reinnleggelse innen 30 døgn: Σ reinnleggelser / Σ UKP-opphold, begge over rader der reinnleggelser er kjent.',
   'Reinnleggelser innen 30 døgn blir kjent 30 dager etter månedsslutt. Andelen regnes bare over opphold der tallet er kjent; et ukjent tall teller ikke som 0.'),
  ('short_term_los_change', 6, 'Endring i liggetid på korttidsopphold (Øya helsehus)', 'Korttid, endring', 'at_most',
   'change', 1, '{month,ytd,rolling12}', 'rolling12', 'month',
   'Gjennomsnittlig liggetid på korttidsopphold (Σ liggedøgn / Σ utskrivninger) mot de samme kalendermånedene i basisåret, minus 1.',
   'Endring i gjennomsnittlig liggetid på korttidsopphold (alle enheter i utvalget) mot de samme månedene i {baselineYear}.'),
  ('ukp_days_per_1000', 7, 'UKP-døgn per 1 000 innbyggere', 'UKP-døgn per 1 000', 'at_most', 'per_1000', 1,
   '{month,ytd,rolling12}', 'rolling12', 'year',
   'Summen av UKP-døgn (somatikk) i vinduet per 1 000 innbyggere: Σ UKP-døgn / folketall × 1 000, folketallet for utvalget i siste år til og med månedens år. Mangler folketall for en kommune i utvalget, gis ingen verdi.',
   'Rå rate, ikke standardisert for alder og kjønn. Over 12 måneder er den sammenlignbar med målet UKP-døgn per 1 000 innbyggere i Samhandlingsbarometeret og SAMDATA; måned og hittil i år er ikke omregnet til år.')
ON CONFLICT (id) DO UPDATE SET
  sort_order = EXCLUDED.sort_order, name = EXCLUDED.name, short_name = EXCLUDED.short_name,
  direction = EXCLUDED.direction, unit = EXCLUDED.unit, decimals = EXCLUDED.decimals, windows = EXCLUDED.windows,
  status_window = EXCLUDED.status_window, target_period = EXCLUDED.target_period,
  description = EXCLUDED.description, note = EXCLUDED.note;
-- [jooq ignore stop]
