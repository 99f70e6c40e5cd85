-- 0005: a person whose staffing type the agency did not report, and unit lists as an import kind.
--
-- Agencies' rosters rarely carry 编制类型. Such a person is imported with staffing type 未填写
-- ("not reported", to be confirmed) instead of being refused; shared/domain/personnel-fields.ts
-- holds the same vocabulary. The clerk's unit list (单位名单) is imported like every other file:
-- import_batches and import_mappings take the kind 'units'.
--
-- SQLite cannot change a CHECK constraint in place: each table is rebuilt (create the new table,
-- copy every row with its id, drop the old one, rename the new one) and its indexes are created
-- again. The migration runner switches foreign keys off around the migrations' transaction, as
-- SQLite's procedure for rebuilding a table requires (with them on, dropping `personnel` would
-- delete every certificate, exam, training record and transfer by ON DELETE CASCADE), and runs
-- PRAGMA foreign_key_check before it commits. No trigger is defined on these three tables.

CREATE TABLE personnel_new (
  id                   INTEGER PRIMARY KEY,
  unit_id              INTEGER NOT NULL REFERENCES units (id),
  personnel_kind       TEXT    NOT NULL DEFAULT '执法人员' CHECK (personnel_kind IN ('执法人员', '监督人员')),
  name                 TEXT    NOT NULL CHECK (length(name) BETWEEN 2 AND 30 AND name NOT GLOB '*[ 　]*'),
  -- pinyin initials of the name ('zw' for 张伟), kept by the backend for search
  name_initials        TEXT    NOT NULL DEFAULT '',
  sex                  TEXT    NOT NULL CHECK (sex IN ('男', '女')),
  -- GB 11643: 17 digits and a check character; the checksum itself is verified in shared/domain/id-number.ts
  id_number            TEXT    NOT NULL UNIQUE CHECK (
                         length(id_number) = 18
                         AND substr(id_number, 1, 17) NOT GLOB '*[^0-9]*'
                         AND substr(id_number, 18, 1) GLOB '[0-9X]'),
  birth_date           TEXT    CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
  post                 TEXT,
  -- 未填写: the agency did not report it (to be confirmed; not a reason to refuse a card)
  staffing_type        TEXT    NOT NULL CHECK (staffing_type IN ('行政编制', '参照公务员管理', '事业编制', '工勤', '聘用辅助人员', '未填写')),
  enforcement_category TEXT,
  enforcement_scope    TEXT,
  is_legal_reviewer    INTEGER NOT NULL DEFAULT 0 CHECK (is_legal_reviewer IN (0, 1)),
  phone                TEXT,
  notes                TEXT,
  created_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
INSERT INTO personnel_new (id, unit_id, personnel_kind, name, name_initials, sex, id_number, birth_date, post, staffing_type,
                           enforcement_category, enforcement_scope, is_legal_reviewer, phone, notes, created_at, updated_at)
  SELECT id, unit_id, personnel_kind, name, name_initials, sex, id_number, birth_date, post, staffing_type,
         enforcement_category, enforcement_scope, is_legal_reviewer, phone, notes, created_at, updated_at
    FROM personnel;
DROP TABLE personnel;
ALTER TABLE personnel_new RENAME TO personnel;
CREATE INDEX personnel_unit ON personnel (unit_id);
CREATE INDEX personnel_name ON personnel (name);
CREATE INDEX personnel_initials ON personnel (name_initials);

CREATE TABLE import_batches_new (
  id             INTEGER PRIMARY KEY,
  operation_id   INTEGER NOT NULL UNIQUE REFERENCES operations (id),
  file_name      TEXT    NOT NULL,
  sha256         TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  unit_id        INTEGER REFERENCES units (id),
  -- 'mixed' when one workbook held sheets of several kinds; 'units' for the clerk's unit list
  kind           TEXT    NOT NULL CHECK (kind IN ('personnel', 'inspection_items', 'no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion', 'units', 'mixed')),
  rows_read      INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
  rows_added     INTEGER NOT NULL DEFAULT 0 CHECK (rows_added >= 0),
  rows_changed   INTEGER NOT NULL DEFAULT 0 CHECK (rows_changed >= 0),
  rows_unchanged INTEGER NOT NULL DEFAULT 0 CHECK (rows_unchanged >= 0),
  rows_error     INTEGER NOT NULL DEFAULT 0 CHECK (rows_error >= 0),
  rows_warning   INTEGER NOT NULL DEFAULT 0 CHECK (rows_warning >= 0),
  rows_skipped   INTEGER NOT NULL DEFAULT 0 CHECK (rows_skipped >= 0),
  details        TEXT    CHECK (details IS NULL OR json_valid(details)),
  committed_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
INSERT INTO import_batches_new (id, operation_id, file_name, sha256, unit_id, kind, rows_read, rows_added, rows_changed, rows_unchanged,
                                rows_error, rows_warning, rows_skipped, details, committed_at)
  SELECT id, operation_id, file_name, sha256, unit_id, kind, rows_read, rows_added, rows_changed, rows_unchanged,
         rows_error, rows_warning, rows_skipped, details, committed_at
    FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;
CREATE INDEX import_batches_sha256 ON import_batches (sha256);

CREATE TABLE import_mappings_new (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER REFERENCES units (id) ON DELETE CASCADE,
  kind             TEXT    NOT NULL CHECK (kind IN ('personnel', 'inspection_items', 'no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion', 'units')),
  header_signature TEXT    NOT NULL,
  mapping_json     TEXT    NOT NULL CHECK (json_valid(mapping_json)),
  updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
INSERT INTO import_mappings_new (id, unit_id, kind, header_signature, mapping_json, updated_at)
  SELECT id, unit_id, kind, header_signature, mapping_json, updated_at FROM import_mappings;
DROP TABLE import_mappings;
ALTER TABLE import_mappings_new RENAME TO import_mappings;
CREATE UNIQUE INDEX import_mappings_key ON import_mappings (ifnull(unit_id, 0), kind, header_signature);
