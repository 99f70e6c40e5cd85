-- 0003: derived indexes that let the personnel roster filter and sort 100,000 people in one query.
-- Both tables are caches of other tables, kept exact by triggers (which also fire for undo, imports
-- and the sample data, since every write ends up as plain INSERT / UPDATE / DELETE). They are never
-- written by the application and are not part of the change log.

-- Each person's current certificate of each type: the open card (待考试, 考试合格, 有效, 暂扣; at most
-- one exists) if any, else the most recently issued closed one; never a replaced card (已换发). The
-- ORDER BY is the one in electron/backend/db/current-certificate.ts; a test keeps them in step.
CREATE TABLE certificate_current (
  person_id      INTEGER NOT NULL,
  cert_type      TEXT    NOT NULL,
  certificate_id INTEGER NOT NULL UNIQUE,
  state          TEXT    NOT NULL,
  cert_number    TEXT,
  issue_date     TEXT,
  expiry_date    TEXT,
  PRIMARY KEY (person_id, cert_type)
) STRICT;
CREATE INDEX certificate_current_expiry ON certificate_current (state, expiry_date);

CREATE TRIGGER certificate_current_after_insert AFTER INSERT ON certificates BEGIN
  DELETE FROM certificate_current WHERE person_id = NEW.person_id AND cert_type = NEW.cert_type;
  INSERT INTO certificate_current (person_id, cert_type, certificate_id, state, cert_number, issue_date, expiry_date)
    SELECT person_id, cert_type, id, state, cert_number, issue_date, expiry_date FROM certificates
     WHERE person_id = NEW.person_id AND cert_type = NEW.cert_type AND state <> '已换发'
     ORDER BY CASE WHEN state IN ('待考试', '考试合格', '有效', '暂扣') THEN 0 ELSE 1 END, issue_date DESC, id DESC
     LIMIT 1;
END;

CREATE TRIGGER certificate_current_after_update AFTER UPDATE ON certificates BEGIN
  DELETE FROM certificate_current WHERE (person_id = OLD.person_id AND cert_type = OLD.cert_type) OR (person_id = NEW.person_id AND cert_type = NEW.cert_type);
  INSERT INTO certificate_current (person_id, cert_type, certificate_id, state, cert_number, issue_date, expiry_date)
    SELECT person_id, cert_type, id, state, cert_number, issue_date, expiry_date FROM certificates
     WHERE person_id = OLD.person_id AND cert_type = OLD.cert_type AND state <> '已换发'
     ORDER BY CASE WHEN state IN ('待考试', '考试合格', '有效', '暂扣') THEN 0 ELSE 1 END, issue_date DESC, id DESC
     LIMIT 1;
  INSERT INTO certificate_current (person_id, cert_type, certificate_id, state, cert_number, issue_date, expiry_date)
    SELECT person_id, cert_type, id, state, cert_number, issue_date, expiry_date FROM certificates
     WHERE person_id = NEW.person_id AND cert_type = NEW.cert_type AND state <> '已换发'
       AND (NEW.person_id <> OLD.person_id OR NEW.cert_type <> OLD.cert_type)
     ORDER BY CASE WHEN state IN ('待考试', '考试合格', '有效', '暂扣') THEN 0 ELSE 1 END, issue_date DESC, id DESC
     LIMIT 1;
END;

CREATE TRIGGER certificate_current_after_delete AFTER DELETE ON certificates BEGIN
  DELETE FROM certificate_current WHERE person_id = OLD.person_id AND cert_type = OLD.cert_type;
  INSERT INTO certificate_current (person_id, cert_type, certificate_id, state, cert_number, issue_date, expiry_date)
    SELECT person_id, cert_type, id, state, cert_number, issue_date, expiry_date FROM certificates
     WHERE person_id = OLD.person_id AND cert_type = OLD.cert_type AND state <> '已换发'
     ORDER BY CASE WHEN state IN ('待考试', '考试合格', '有效', '暂扣') THEN 0 ELSE 1 END, issue_date DESC, id DESC
     LIMIT 1;
END;

INSERT INTO certificate_current (person_id, cert_type, certificate_id, state, cert_number, issue_date, expiry_date)
  SELECT person_id, cert_type, id, state, cert_number, issue_date, expiry_date FROM (
    SELECT c.*, row_number() OVER (
             PARTITION BY person_id, cert_type
             ORDER BY CASE WHEN state IN ('待考试', '考试合格', '有效', '暂扣') THEN 0 ELSE 1 END, issue_date DESC, id DESC) AS rn
      FROM certificates c WHERE state <> '已换发')
   WHERE rn = 1;

-- Training hours per person and calendar year (the 60-hour rule is yearly).
CREATE TABLE training_year_hours (
  person_id INTEGER NOT NULL,
  year      INTEGER NOT NULL,
  hours     REAL    NOT NULL,
  PRIMARY KEY (person_id, year)
) STRICT;

CREATE TRIGGER training_year_hours_after_insert AFTER INSERT ON training_records BEGIN
  DELETE FROM training_year_hours WHERE person_id = NEW.person_id AND year = CAST(substr(NEW.training_date, 1, 4) AS INTEGER);
  INSERT INTO training_year_hours (person_id, year, hours)
    SELECT NEW.person_id, CAST(substr(NEW.training_date, 1, 4) AS INTEGER), total(hours) FROM training_records
     WHERE person_id = NEW.person_id AND training_date BETWEEN substr(NEW.training_date, 1, 4) || '-01-01' AND substr(NEW.training_date, 1, 4) || '-12-31'
    HAVING count(*) > 0;
END;

CREATE TRIGGER training_year_hours_after_update AFTER UPDATE ON training_records BEGIN
  DELETE FROM training_year_hours
   WHERE (person_id = OLD.person_id AND year = CAST(substr(OLD.training_date, 1, 4) AS INTEGER))
      OR (person_id = NEW.person_id AND year = CAST(substr(NEW.training_date, 1, 4) AS INTEGER));
  INSERT INTO training_year_hours (person_id, year, hours)
    SELECT OLD.person_id, CAST(substr(OLD.training_date, 1, 4) AS INTEGER), total(hours) FROM training_records
     WHERE person_id = OLD.person_id AND training_date BETWEEN substr(OLD.training_date, 1, 4) || '-01-01' AND substr(OLD.training_date, 1, 4) || '-12-31'
    HAVING count(*) > 0;
  INSERT INTO training_year_hours (person_id, year, hours)
    SELECT NEW.person_id, CAST(substr(NEW.training_date, 1, 4) AS INTEGER), total(hours) FROM training_records
     WHERE person_id = NEW.person_id AND training_date BETWEEN substr(NEW.training_date, 1, 4) || '-01-01' AND substr(NEW.training_date, 1, 4) || '-12-31'
       AND (NEW.person_id <> OLD.person_id OR substr(NEW.training_date, 1, 4) <> substr(OLD.training_date, 1, 4))
    HAVING count(*) > 0;
END;

CREATE TRIGGER training_year_hours_after_delete AFTER DELETE ON training_records BEGIN
  DELETE FROM training_year_hours WHERE person_id = OLD.person_id AND year = CAST(substr(OLD.training_date, 1, 4) AS INTEGER);
  INSERT INTO training_year_hours (person_id, year, hours)
    SELECT OLD.person_id, CAST(substr(OLD.training_date, 1, 4) AS INTEGER), total(hours) FROM training_records
     WHERE person_id = OLD.person_id AND training_date BETWEEN substr(OLD.training_date, 1, 4) || '-01-01' AND substr(OLD.training_date, 1, 4) || '-12-31'
    HAVING count(*) > 0;
END;

INSERT INTO training_year_hours (person_id, year, hours)
  SELECT person_id, CAST(substr(training_date, 1, 4) AS INTEGER), total(hours) FROM training_records GROUP BY 1, 2;
