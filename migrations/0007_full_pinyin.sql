-- 0007: find people by the full pinyin of their name (zhangsan, zhang san), not only by initials.
--
-- SQL cannot compute pinyin, so the backend keeps this table: one row per distinct name, with the
-- name's full pinyin (shared/domain/name-initials.ts namePinyin). It is keyed by the name, not by
-- the person, on purpose: a name's pinyin never changes, so nothing here goes stale when a person
-- is renamed, deleted or an operation is undone (undo restores rows of `personnel` from the change
-- log and knows nothing of this table), and `personnel` keeps its columns, so every change-log
-- image written before this version still matches its row and can be undone.
--
-- The person write path (electron/backend/personnel/person-writes.ts) adds the name of every person
-- it writes; opening the database adds any name still missing (rows written before this version,
-- the sample data), so the migration itself only creates the table.

CREATE TABLE name_pinyin (
  name   TEXT NOT NULL PRIMARY KEY,
  -- lower-case Latin letters only, without tones or spaces ('zhangsan'); ü is written v
  pinyin TEXT NOT NULL CHECK (pinyin NOT GLOB '*[^a-z]*')
) STRICT;

CREATE INDEX name_pinyin_pinyin ON name_pinyin (pinyin);
