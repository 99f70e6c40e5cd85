-- 0001: the registry's domain model.
-- Enumerated values here must match shared/domain/*.ts; test/integration/schema-vocabulary.test.ts
-- checks that every value in shared is accepted here and that a foreign value is refused.
-- Dates are ISO 'YYYY-MM-DD' text; `date(x) IS x` refuses anything else (including 2023-02-30).
-- Timestamps are ISO UTC text with milliseconds.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

-- Every user action that changes data is one operation; change_log rows hang off it. Undo applies
-- the inverse of an operation's changes and is itself recorded as an operation.
CREATE TABLE operations (
  id         INTEGER PRIMARY KEY,
  at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  operator   TEXT    NOT NULL DEFAULT '',
  kind       TEXT    NOT NULL CHECK (kind IN ('create', 'update', 'delete', 'lifecycle', 'import', 'undo', 'sample_data', 'other')),
  summary    TEXT    NOT NULL CHECK (length(summary) > 0),
  undoes     INTEGER REFERENCES operations (id),
  undone_by  INTEGER REFERENCES operations (id),
  CHECK ((kind = 'undo') = (undoes IS NOT NULL))
) STRICT;

CREATE TABLE units (
  id                     INTEGER PRIMARY KEY,
  name                   TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 60 AND name = trim(name)),
  short_name             TEXT    CHECK (short_name IS NULL OR (length(short_name) BETWEEN 1 AND 30 AND short_name = trim(short_name))),
  kind                   TEXT    NOT NULL CHECK (kind IN ('市直单位', '乡镇街道')),
  -- whether this unit is one of the enforcement agencies that keep a catalog and the four lists
  keeps_inspection_lists INTEGER NOT NULL DEFAULT 0 CHECK (keeps_inspection_lists IN (0, 1)),
  sort_order             INTEGER NOT NULL DEFAULT 0,
  staffing_quota         INTEGER CHECK (staffing_quota IS NULL OR staffing_quota >= 0),
  contact_person         TEXT,
  contact_phone          TEXT,
  notes                  TEXT,
  created_at             TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at             TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Other names an agency goes by in submissions (简称, old names), for recognising files.
CREATE TABLE unit_aliases (
  id      INTEGER PRIMARY KEY,
  alias   TEXT    NOT NULL UNIQUE CHECK (length(alias) >= 2 AND alias = trim(alias)),
  unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX unit_aliases_unit ON unit_aliases (unit_id);

CREATE TABLE personnel (
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
  staffing_type        TEXT    NOT NULL CHECK (staffing_type IN ('行政编制', '参照公务员管理', '事业编制', '工勤', '聘用辅助人员')),
  enforcement_category TEXT,
  enforcement_scope    TEXT,
  is_legal_reviewer    INTEGER NOT NULL DEFAULT 0 CHECK (is_legal_reviewer IN (0, 1)),
  phone                TEXT,
  notes                TEXT,
  created_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX personnel_unit ON personnel (unit_id);
CREATE INDEX personnel_name ON personnel (name);
CREATE INDEX personnel_initials ON personnel (name_initials);

CREATE TABLE certificates (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES personnel (id) ON DELETE CASCADE,
  cert_type     TEXT    NOT NULL CHECK (cert_type IN ('行政执法证', '行政执法监督证')),
  -- opaque: no province publishes a number format
  cert_number   TEXT    UNIQUE CHECK (cert_number IS NULL OR (length(cert_number) BETWEEN 1 AND 40 AND cert_number = trim(cert_number))),
  state         TEXT    NOT NULL CHECK (state IN ('待考试', '考试合格', '有效', '暂扣', '吊销', '已注销', '已换发')),
  issue_date    TEXT    CHECK (issue_date IS NULL OR date(issue_date) IS issue_date),
  expiry_date   TEXT    CHECK (expiry_date IS NULL OR date(expiry_date) IS expiry_date),
  cancel_reason TEXT    CHECK (cancel_reason IS NULL OR cancel_reason IN ('调离执法岗位', '退休', '辞职', '死亡', '辞退或开除', '其他')),
  cancel_date   TEXT    CHECK (cancel_date IS NULL OR date(cancel_date) IS cancel_date),
  announce_date TEXT    CHECK (announce_date IS NULL OR date(announce_date) IS announce_date),
  -- the card this one renewed or replaced
  replaces_id   INTEGER REFERENCES certificates (id),
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (expiry_date IS NULL OR issue_date IS NULL OR expiry_date > issue_date),
  -- a card that was ever issued has a number and both dates
  CHECK (state IN ('待考试', '考试合格') OR (cert_number IS NOT NULL AND issue_date IS NOT NULL AND expiry_date IS NOT NULL)),
  CHECK ((state = '已注销') = (cancel_reason IS NOT NULL)),
  CHECK (state <> '已注销' OR cancel_date IS NOT NULL),
  CHECK (announce_date IS NULL OR state = '已注销')
) STRICT;
CREATE INDEX certificates_person ON certificates (person_id);
CREATE INDEX certificates_expiry ON certificates (expiry_date);
-- a person holds at most one open certificate of each type
CREATE UNIQUE INDEX certificates_one_open_per_type ON certificates (person_id, cert_type)
  WHERE state IN ('待考试', '考试合格', '有效', '暂扣');

CREATE TABLE import_batches (
  id             INTEGER PRIMARY KEY,
  operation_id   INTEGER NOT NULL UNIQUE REFERENCES operations (id),
  file_name      TEXT    NOT NULL,
  sha256         TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  unit_id        INTEGER REFERENCES units (id),
  -- 'mixed' when one workbook held sheets of several kinds
  kind           TEXT    NOT NULL CHECK (kind IN ('personnel', 'inspection_items', 'no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion', 'mixed')),
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
CREATE INDEX import_batches_sha256 ON import_batches (sha256);

CREATE TABLE certificate_events (
  id             INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  event_type     TEXT    NOT NULL CHECK (event_type IN ('申领', '考试合格', '发证', '换证', '暂扣', '解除暂扣', '吊销', '注销', '补发', '信息更正')),
  event_date     TEXT    NOT NULL CHECK (date(event_date) IS event_date),
  reason         TEXT,
  doc_ref        TEXT,
  operator       TEXT    NOT NULL DEFAULT '',
  details        TEXT    CHECK (details IS NULL OR json_valid(details)),
  created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX certificate_events_certificate ON certificate_events (certificate_id);

CREATE TABLE exams (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES personnel (id) ON DELETE CASCADE,
  exam_type  TEXT    NOT NULL CHECK (exam_type IN ('通用法律知识', '专门法律知识')),
  exam_date  TEXT    NOT NULL CHECK (date(exam_date) IS exam_date),
  score      REAL    CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
  passed     INTEGER NOT NULL CHECK (passed IN (0, 1)),
  notes      TEXT,
  created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX exams_person ON exams (person_id);

CREATE TABLE training_records (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES personnel (id) ON DELETE CASCADE,
  training_date TEXT    NOT NULL CHECK (date(training_date) IS training_date),
  course        TEXT    NOT NULL CHECK (length(trim(course)) > 0),
  hours         REAL    NOT NULL CHECK (hours > 0 AND hours <= 200),
  organiser     TEXT,
  notes         TEXT,
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX training_records_person_date ON training_records (person_id, training_date);

CREATE TABLE transfers (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES personnel (id) ON DELETE CASCADE,
  from_unit_id  INTEGER NOT NULL REFERENCES units (id),
  to_unit_id    INTEGER NOT NULL REFERENCES units (id),
  transfer_date TEXT    NOT NULL CHECK (date(transfer_date) IS transfer_date),
  doc_ref       TEXT,
  notes         TEXT,
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (from_unit_id <> to_unit_id)
) STRICT;
CREATE INDEX transfers_person ON transfers (person_id);

CREATE TABLE inspection_items (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER NOT NULL REFERENCES units (id),
  item_code        TEXT    CHECK (item_code IS NULL OR (length(item_code) BETWEEN 1 AND 60 AND item_code = trim(item_code))),
  name             TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  category         TEXT    NOT NULL CHECK (category IN ('一般检查事项', '重点检查事项')),
  basis            TEXT,   -- 实施依据
  subject          TEXT,   -- 检查主体
  undertaking_body TEXT,   -- 承办机构
  target           TEXT,   -- 检查对象
  content          TEXT,   -- 检查内容
  method           TEXT,   -- 检查方式
  frequency        TEXT,   -- 检查频次
  notes            TEXT,
  sort_order       INTEGER NOT NULL DEFAULT 0,
  created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX inspection_items_unit ON inspection_items (unit_id, sort_order);
CREATE UNIQUE INDEX inspection_items_code ON inspection_items (unit_id, item_code) WHERE item_code IS NOT NULL;

CREATE TABLE penalty_list_items (
  id              INTEGER PRIMARY KEY,
  unit_id         INTEGER NOT NULL REFERENCES units (id),
  list_kind       TEXT    NOT NULL CHECK (list_kind IN ('no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion')),
  matter          TEXT,   -- 行政处罚事项 / 监管领域, when the agency gives one
  violation       TEXT    NOT NULL CHECK (length(trim(violation)) > 0), -- 违法行为, or 强制措施 for no_coercion
  violation_basis TEXT,   -- 违法依据
  penalty_basis   TEXT,   -- 处罚依据, or 实施依据 for no_coercion
  conditions      TEXT,   -- 适用情形 / 适用条件
  discretion      TEXT,   -- 裁量幅度 (reduced list)
  notes           TEXT,
  sort_order      INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX penalty_list_items_unit_kind ON penalty_list_items (unit_id, list_kind, sort_order);

-- Catalog and lists are held only by units flagged as enforcement agencies.
CREATE TRIGGER inspection_items_agency_only_insert BEFORE INSERT ON inspection_items
  WHEN (SELECT keeps_inspection_lists FROM units WHERE id = NEW.unit_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'unit does not keep inspection lists'); END;
CREATE TRIGGER inspection_items_agency_only_update BEFORE UPDATE OF unit_id ON inspection_items
  WHEN (SELECT keeps_inspection_lists FROM units WHERE id = NEW.unit_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'unit does not keep inspection lists'); END;
CREATE TRIGGER penalty_list_items_agency_only_insert BEFORE INSERT ON penalty_list_items
  WHEN (SELECT keeps_inspection_lists FROM units WHERE id = NEW.unit_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'unit does not keep inspection lists'); END;
CREATE TRIGGER penalty_list_items_agency_only_update BEFORE UPDATE OF unit_id ON penalty_list_items
  WHEN (SELECT keeps_inspection_lists FROM units WHERE id = NEW.unit_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'unit does not keep inspection lists'); END;

-- The normative document by which an agency published its catalog and lists.
CREATE TABLE list_publications (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES units (id),
  doc_number   TEXT    NOT NULL CHECK (length(trim(doc_number)) > 0), -- 文号
  title        TEXT,
  publish_date TEXT    NOT NULL CHECK (date(publish_date) IS publish_date),
  valid_from   TEXT    CHECK (valid_from IS NULL OR date(valid_from) IS valid_from),
  valid_to     TEXT    CHECK (valid_to IS NULL OR date(valid_to) IS valid_to),
  -- 1 when the agency withdrew the document before its end date
  revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  notes        TEXT,
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
) STRICT;
CREATE INDEX list_publications_unit ON list_publications (unit_id, publish_date);
CREATE TRIGGER list_publications_agency_only_insert BEFORE INSERT ON list_publications
  WHEN (SELECT keeps_inspection_lists FROM units WHERE id = NEW.unit_id) IS NOT 1
BEGIN SELECT RAISE(ABORT, 'unit does not keep inspection lists'); END;
CREATE TRIGGER units_keep_lists_while_items_exist BEFORE UPDATE OF keeps_inspection_lists ON units
  WHEN NEW.keeps_inspection_lists = 0 AND (
    EXISTS (SELECT 1 FROM inspection_items WHERE unit_id = NEW.id)
    OR EXISTS (SELECT 1 FROM penalty_list_items WHERE unit_id = NEW.id)
    OR EXISTS (SELECT 1 FROM list_publications WHERE unit_id = NEW.id))
BEGIN SELECT RAISE(ABORT, 'unit still holds inspection lists'); END;

-- Every change to a registry row, with its before and after images (JSON objects of all columns).
CREATE TABLE change_log (
  id           INTEGER PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations (id),
  table_name   TEXT    NOT NULL,
  row_id       INTEGER NOT NULL,
  action       TEXT    NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before_json  TEXT    CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json   TEXT    CHECK (after_json IS NULL OR json_valid(after_json)),
  CHECK ((action = 'insert') = (before_json IS NULL)),
  CHECK ((action = 'delete') = (after_json IS NULL))
) STRICT;
CREATE INDEX change_log_operation ON change_log (operation_id);
CREATE INDEX change_log_row ON change_log (table_name, row_id);

-- A column mapping the clerk confirmed, remembered per agency and header layout.
CREATE TABLE import_mappings (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER REFERENCES units (id) ON DELETE CASCADE,
  kind             TEXT    NOT NULL CHECK (kind IN ('personnel', 'inspection_items', 'no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion')),
  header_signature TEXT    NOT NULL,
  mapping_json     TEXT    NOT NULL CHECK (json_valid(mapping_json)),
  updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE UNIQUE INDEX import_mappings_key ON import_mappings (ifnull(unit_id, 0), kind, header_signature);
