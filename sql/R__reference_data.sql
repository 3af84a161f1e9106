-- Reference data of the helsefellesskap: regions, municipalities and older municipality numbers.
--
-- This file seeds the reference data: every statement inserts only the rows that are absent
-- (ON CONFLICT DO NOTHING), so that what the admin changed through the API (/kommuner,
-- POST/PUT /api/v1/municipalities, /api/v1/municipalities/old-numbers; audited in
-- reference_change) survives every run of this file. Flyway re-runs it whenever it changes:
-- a row added here reaches existing databases, an edit of an existing row here does not (use
-- the API, or SQL for a region). Municipalities listed here are members from 2000-01 (the
-- default of municipality.member_from, V18); one that joins later is added through the API with
-- the month it joins, so that earlier windows stay complete.

-- [jooq ignore start]
INSERT INTO region (id, name, sort_order) VALUES
  ('trondheim',          'Trondheim',                          1),
  ('trondheimsomradet',  'Trondheimsområdet',                  2),
  ('trondelag-sor-vest', 'Trøndelag sør-vest (Orkdalsregionen)', 3),
  ('fjellregionen',      'Fjellregionen',                      4),
  ('fosenregionen',      'Fosenregionen',                      5),
  ('vaernesregionen',    'Værnesregionen',                     6)
ON CONFLICT (id) DO NOTHING;

INSERT INTO municipality (number, name, region_id) VALUES
  ('5001', 'Trondheim',      'trondheim'),
  ('5028', 'Melhus',         'trondheimsomradet'),
  ('5029', 'Skaun',          'trondheimsomradet'),
  ('5031', 'Malvik',         'trondheimsomradet'),
  ('5027', 'Midtre Gauldal', 'trondheimsomradet'),
  ('5059', 'Orkland',        'trondelag-sor-vest'),
  ('5055', 'Heim',           'trondelag-sor-vest'),
  ('5056', 'Hitra',          'trondelag-sor-vest'),
  ('5014', 'Frøya',          'trondelag-sor-vest'),
  ('5061', 'Rindal',         'trondelag-sor-vest'),
  ('5021', 'Oppdal',         'fjellregionen'),
  ('5022', 'Rennebu',        'fjellregionen'),
  ('5025', 'Røros',          'fjellregionen'),
  ('5026', 'Holtålen',       'fjellregionen'),
  ('5057', 'Ørland',         'fosenregionen'),
  ('5058', 'Åfjord',         'fosenregionen'),
  ('5054', 'Indre Fosen',    'fosenregionen'),
  ('5020', 'Osen',           'fosenregionen'),
  ('5032', 'Selbu',          'vaernesregionen'),
  ('5033', 'Tydal',          'vaernesregionen')
ON CONFLICT (number) DO NOTHING;

-- Old number -> current number. 16xx (Sør-Trøndelag), 17xx (Nord-Trøndelag) and 15xx
-- (Møre og Romsdal) were used until 2018 (Rindal until 2019, Halsa until 2020); the 50xx numbers
-- of 2018 that disappeared in the 2020 mergers are listed too. Source: Statistics Norway's
-- classification of municipalities (Kostra/KLASS 131) change tables.
INSERT INTO municipality_number_mapping (old_number, current_number, old_name, valid_until, note) VALUES
  ('1601', '5001', 'Trondheim',      '2017-12-31', 'Trøndelag 2018'),
  ('1662', '5001', 'Klæbu',          '2017-12-31', 'Trøndelag 2018, then into Trondheim 2020'),
  ('5030', '5001', 'Klæbu',          '2019-12-31', 'merged into Trondheim 2020'),
  ('1653', '5028', 'Melhus',         '2017-12-31', 'Trøndelag 2018'),
  ('1657', '5029', 'Skaun',          '2017-12-31', 'Trøndelag 2018'),
  ('1663', '5031', 'Malvik',         '2017-12-31', 'Trøndelag 2018'),
  ('1648', '5027', 'Midtre Gauldal', '2017-12-31', 'Trøndelag 2018'),
  ('1638', '5059', 'Orkdal',         '2017-12-31', 'Trøndelag 2018, then Orkland 2020'),
  ('5024', '5059', 'Orkdal',         '2019-12-31', 'merged into Orkland 2020'),
  ('1622', '5059', 'Agdenes',        '2017-12-31', 'Trøndelag 2018, then Orkland 2020'),
  ('5016', '5059', 'Agdenes',        '2019-12-31', 'merged into Orkland 2020'),
  ('1636', '5059', 'Meldal',         '2017-12-31', 'Trøndelag 2018, then Orkland 2020'),
  ('5023', '5059', 'Meldal',         '2019-12-31', 'merged into Orkland 2020'),
  ('1613', '5059', 'Snillfjord',     '2017-12-31', 'split in 2020 between Orkland, Heim and Hitra; mapped to Orkland, which took the most of it'),
  ('5012', '5059', 'Snillfjord',     '2019-12-31', 'split in 2020 between Orkland, Heim and Hitra; mapped to Orkland, which took the most of it'),
  ('1612', '5055', 'Hemne',          '2017-12-31', 'Trøndelag 2018, then Heim 2020'),
  ('5011', '5055', 'Hemne',          '2019-12-31', 'merged into Heim 2020'),
  ('1571', '5055', 'Halsa',          '2019-12-31', 'Møre og Romsdal, merged into Heim 2020'),
  ('1617', '5056', 'Hitra',          '2017-12-31', 'Trøndelag 2018, new number 2020'),
  ('5013', '5056', 'Hitra',          '2019-12-31', 'new number 2020 (part of Snillfjord joined)'),
  ('1620', '5014', 'Frøya',          '2017-12-31', 'Trøndelag 2018'),
  ('1567', '5061', 'Rindal',         '2018-12-31', 'Møre og Romsdal, moved to Trøndelag 2019'),
  ('1634', '5021', 'Oppdal',         '2017-12-31', 'Trøndelag 2018'),
  ('1635', '5022', 'Rennebu',        '2017-12-31', 'Trøndelag 2018'),
  ('1640', '5025', 'Røros',          '2017-12-31', 'Trøndelag 2018'),
  ('1644', '5026', 'Holtålen',       '2017-12-31', 'Trøndelag 2018'),
  ('1621', '5057', 'Ørland',         '2017-12-31', 'Trøndelag 2018, then Ørland (with Bjugn) 2020'),
  ('5015', '5057', 'Ørland',         '2019-12-31', 'merged with Bjugn into Ørland 2020'),
  ('1627', '5057', 'Bjugn',          '2017-12-31', 'Trøndelag 2018, then Ørland 2020'),
  ('5017', '5057', 'Bjugn',          '2019-12-31', 'merged into Ørland 2020'),
  ('1630', '5058', 'Åfjord',         '2017-12-31', 'Trøndelag 2018, then Åfjord (with Roan) 2020'),
  ('5018', '5058', 'Åfjord',         '2019-12-31', 'merged with Roan into Åfjord 2020'),
  ('1632', '5058', 'Roan',           '2017-12-31', 'Trøndelag 2018, then Åfjord 2020'),
  ('5019', '5058', 'Roan',           '2019-12-31', 'merged into Åfjord 2020'),
  ('1624', '5054', 'Rissa',          '2017-12-31', 'merged with Leksvik into Indre Fosen 2018'),
  ('1718', '5054', 'Leksvik',        '2017-12-31', 'merged with Rissa into Indre Fosen 2018'),
  ('1633', '5020', 'Osen',           '2017-12-31', 'Trøndelag 2018'),
  ('1664', '5032', 'Selbu',          '2017-12-31', 'Trøndelag 2018'),
  ('1665', '5033', 'Tydal',          '2017-12-31', 'Trøndelag 2018')
ON CONFLICT (old_number) DO NOTHING;
-- [jooq ignore stop]
