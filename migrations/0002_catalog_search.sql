-- 0002: full-text search over the inspection catalog and the four lists, and the clerk's review
-- of possible duplicates in the lists.
--
-- Two FTS5 indexes hold every inspection item (rowid = +id) and every list entry (rowid = -id):
--   catalog_fts_trigram  trigram tokenizer: substrings of 3 or more characters.
--   catalog_fts_chars    one token per character: the text is indexed with a space between its
--                        characters, so a 1-character query is one token and a 2-character query a
--                        two-token phrase (the trigram tokenizer returns nothing, silently, for
--                        them). Punctuation and symbols are tokens too, and whitespace is indexed
--                        as the token '_', so "可证" does not match "可，证" or "可\n证": a phrase
--                        match here is exactly a substring match.
-- Both are contentless (the text lives in the source tables) with contentless_delete, so triggers
-- drop a row by rowid alone. Column title is the headline (事项名称 / 违法行为), body the other
-- fields joined by line breaks. catalog_fts_owners maps each rowid to its agency and kind. The
-- triggers keep all three in step with every insert, update and delete, undo included.

CREATE VIRTUAL TABLE catalog_fts_trigram USING fts5 (
  title, body,
  tokenize = 'trigram',
  content = '', contentless_delete = 1
);

CREATE VIRTUAL TABLE catalog_fts_chars USING fts5 (
  title, body,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'",
  content = '', contentless_delete = 1
);

-- Character positions 1..20000, to split text into characters inside triggers (which may not use
-- WITH). Text past 20,000 characters in one field is left out of the character index only.
CREATE TABLE catalog_fts_positions (n INTEGER PRIMARY KEY) STRICT;
INSERT INTO catalog_fts_positions (n)
  WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20000)
  SELECT n FROM seq;

-- Which agency and kind each indexed row belongs to, keyed like the FTS rowids: a narrow table
-- that search joins to count matches per agency and kind without reading the wide source rows.
CREATE TABLE catalog_fts_owners (
  doc_id  INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL,
  kind    TEXT    NOT NULL CHECK (kind IN ('inspection_items', 'no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion'))
) STRICT;
CREATE INDEX catalog_fts_owners_unit_kind ON catalog_fts_owners (unit_id, kind);
CREATE INDEX catalog_fts_owners_kind ON catalog_fts_owners (kind);

CREATE TRIGGER inspection_items_fts_insert AFTER INSERT ON inspection_items BEGIN
  INSERT INTO catalog_fts_owners (doc_id, unit_id, kind) VALUES (NEW.id, NEW.unit_id, 'inspection_items');
  INSERT INTO catalog_fts_trigram (rowid, title, body) VALUES (NEW.id, NEW.name, concat_ws(char(10), NEW.item_code, NEW.category, NEW.basis, NEW.subject, NEW.undertaking_body, NEW.target, NEW.content, NEW.method, NEW.frequency, NEW.notes));
  INSERT INTO catalog_fts_chars (rowid, title, body)
    SELECT NEW.id,
      (SELECT group_concat(substr(t, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(t)),
      (SELECT group_concat(substr(b, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(b))
    FROM (SELECT
      replace(replace(replace(replace(replace(replace(NEW.name, char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS t,
      replace(replace(replace(replace(replace(replace(concat_ws(char(10), NEW.item_code, NEW.category, NEW.basis, NEW.subject, NEW.undertaking_body, NEW.target, NEW.content, NEW.method, NEW.frequency, NEW.notes), char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS b);
END;

CREATE TRIGGER inspection_items_fts_delete AFTER DELETE ON inspection_items BEGIN
  DELETE FROM catalog_fts_owners WHERE doc_id = OLD.id;
  DELETE FROM catalog_fts_trigram WHERE rowid = OLD.id;
  DELETE FROM catalog_fts_chars WHERE rowid = OLD.id;
END;

CREATE TRIGGER inspection_items_fts_update AFTER UPDATE ON inspection_items BEGIN
  DELETE FROM catalog_fts_owners WHERE doc_id = OLD.id;
  INSERT INTO catalog_fts_owners (doc_id, unit_id, kind) VALUES (NEW.id, NEW.unit_id, 'inspection_items');
  DELETE FROM catalog_fts_trigram WHERE rowid = OLD.id;
  DELETE FROM catalog_fts_chars WHERE rowid = OLD.id;
  INSERT INTO catalog_fts_trigram (rowid, title, body) VALUES (NEW.id, NEW.name, concat_ws(char(10), NEW.item_code, NEW.category, NEW.basis, NEW.subject, NEW.undertaking_body, NEW.target, NEW.content, NEW.method, NEW.frequency, NEW.notes));
  INSERT INTO catalog_fts_chars (rowid, title, body)
    SELECT NEW.id,
      (SELECT group_concat(substr(t, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(t)),
      (SELECT group_concat(substr(b, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(b))
    FROM (SELECT
      replace(replace(replace(replace(replace(replace(NEW.name, char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS t,
      replace(replace(replace(replace(replace(replace(concat_ws(char(10), NEW.item_code, NEW.category, NEW.basis, NEW.subject, NEW.undertaking_body, NEW.target, NEW.content, NEW.method, NEW.frequency, NEW.notes), char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS b);
END;

CREATE TRIGGER penalty_list_items_fts_insert AFTER INSERT ON penalty_list_items BEGIN
  INSERT INTO catalog_fts_owners (doc_id, unit_id, kind) VALUES (-NEW.id, NEW.unit_id, NEW.list_kind);
  INSERT INTO catalog_fts_trigram (rowid, title, body) VALUES (-NEW.id, NEW.violation, concat_ws(char(10), NEW.matter, NEW.violation_basis, NEW.penalty_basis, NEW.conditions, NEW.discretion, NEW.notes));
  INSERT INTO catalog_fts_chars (rowid, title, body)
    SELECT -NEW.id,
      (SELECT group_concat(substr(t, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(t)),
      (SELECT group_concat(substr(b, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(b))
    FROM (SELECT
      replace(replace(replace(replace(replace(replace(NEW.violation, char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS t,
      replace(replace(replace(replace(replace(replace(concat_ws(char(10), NEW.matter, NEW.violation_basis, NEW.penalty_basis, NEW.conditions, NEW.discretion, NEW.notes), char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS b);
END;

CREATE TRIGGER penalty_list_items_fts_delete AFTER DELETE ON penalty_list_items BEGIN
  DELETE FROM catalog_fts_owners WHERE doc_id = -OLD.id;
  DELETE FROM catalog_fts_trigram WHERE rowid = -OLD.id;
  DELETE FROM catalog_fts_chars WHERE rowid = -OLD.id;
END;

CREATE TRIGGER penalty_list_items_fts_update AFTER UPDATE ON penalty_list_items BEGIN
  DELETE FROM catalog_fts_owners WHERE doc_id = -OLD.id;
  INSERT INTO catalog_fts_owners (doc_id, unit_id, kind) VALUES (-NEW.id, NEW.unit_id, NEW.list_kind);
  DELETE FROM catalog_fts_trigram WHERE rowid = -OLD.id;
  DELETE FROM catalog_fts_chars WHERE rowid = -OLD.id;
  INSERT INTO catalog_fts_trigram (rowid, title, body) VALUES (-NEW.id, NEW.violation, concat_ws(char(10), NEW.matter, NEW.violation_basis, NEW.penalty_basis, NEW.conditions, NEW.discretion, NEW.notes));
  INSERT INTO catalog_fts_chars (rowid, title, body)
    SELECT -NEW.id,
      (SELECT group_concat(substr(t, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(t)),
      (SELECT group_concat(substr(b, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(b))
    FROM (SELECT
      replace(replace(replace(replace(replace(replace(NEW.violation, char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS t,
      replace(replace(replace(replace(replace(replace(concat_ws(char(10), NEW.matter, NEW.violation_basis, NEW.penalty_basis, NEW.conditions, NEW.discretion, NEW.notes), char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS b);
END;

-- Rows already in the registry when this migration runs.
INSERT INTO catalog_fts_owners (doc_id, unit_id, kind)
  SELECT id, unit_id, 'inspection_items' FROM inspection_items
  UNION ALL
  SELECT -id, unit_id, list_kind FROM penalty_list_items;
INSERT INTO catalog_fts_trigram (rowid, title, body)
  SELECT id, name, concat_ws(char(10), item_code, category, basis, subject, undertaking_body, target, content, method, frequency, notes) FROM inspection_items
  UNION ALL
  SELECT -id, violation, concat_ws(char(10), matter, violation_basis, penalty_basis, conditions, discretion, notes) FROM penalty_list_items;
INSERT INTO catalog_fts_chars (rowid, title, body)
  SELECT r,
      (SELECT group_concat(substr(t, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(t)),
      (SELECT group_concat(substr(b, n, 1), ' ' ORDER BY n) FROM catalog_fts_positions WHERE n <= length(b))
  FROM (
    SELECT id AS r, replace(replace(replace(replace(replace(replace(name, char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS t,
      replace(replace(replace(replace(replace(replace(concat_ws(char(10), item_code, category, basis, subject, undertaking_body, target, content, method, frequency, notes), char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') AS b FROM inspection_items
    UNION ALL
    SELECT -id, replace(replace(replace(replace(replace(replace(violation, char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_'), replace(replace(replace(replace(replace(replace(concat_ws(char(10), matter, violation_basis, penalty_basis, conditions, discretion, notes), char(13), '_'), char(10), '_'), char(9), '_'), ' ', '_'), char(12288), '_'), char(160), '_') FROM penalty_list_items
  );

-- Possible duplicates (the same violation in two agencies' lists, or in 不予处罚 and 从轻/减轻 of
-- one agency) are computed, not stored (shared/domain/violation-text.ts). A flag the clerk has
-- checked and kept is remembered here by its key, which changes when the set of agencies and lists
-- it covers changes, so a new overlap is flagged again.
CREATE TABLE catalog_duplicate_reviews (
  id          INTEGER PRIMARY KEY,
  flag_key    TEXT    NOT NULL UNIQUE CHECK (length(flag_key) BETWEEN 1 AND 2000),
  note        TEXT    CHECK (note IS NULL OR length(note) <= 500),
  operator    TEXT    NOT NULL DEFAULT '',
  reviewed_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
