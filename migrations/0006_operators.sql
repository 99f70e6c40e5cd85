-- 0005: operators and the access log.
-- Operators (设置 › 操作员): once any exists, the signed-in operator is the name recorded on every
-- change, reveal, print and export, instead of a free-text setting anyone could change. A password
-- is optional; when set, only scrypt(password, salt) is stored (64 bytes, with its 16-byte salt).
CREATE TABLE operators (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20 AND name = trim(name)),
  password_salt BLOB    CHECK (password_salt IS NULL OR length(password_salt) = 16),
  password_hash BLOB    CHECK (password_hash IS NULL OR length(password_hash) = 64),
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((password_salt IS NULL) = (password_hash IS NULL))
) STRICT;

-- What was read or handed out, which changes no data and so has no place in operations: a full
-- ID number shown, a roster printed or exported with full ID numbers, a copy of the whole database
-- taken out (to a chosen folder, a download, the command line), a restore, a change to the
-- operators, a sign-in and a refused one. Shown in 设置 › 操作记录 and exported from there.
CREATE TABLE access_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  operator  TEXT    NOT NULL CHECK (length(operator) > 0),
  kind      TEXT    NOT NULL CHECK (kind IN ('reveal_id_number', 'print_full_ids', 'export_full_ids', 'backup_copy', 'restore', 'operators', 'sign_in', 'sign_in_failed')),
  -- The person whose number was shown. No foreign key: the record outlives the person's deletion.
  person_id INTEGER,
  summary   TEXT    NOT NULL CHECK (length(summary) > 0),
  details   TEXT    CHECK (details IS NULL OR json_valid(details))
) STRICT;
CREATE INDEX access_log_person ON access_log (person_id) WHERE person_id IS NOT NULL;

-- An account of who saw what is only worth something if it cannot be rewritten afterwards.
CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE(ABORT, 'access_log is append-only');
END;
