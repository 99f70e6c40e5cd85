import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase, type Db } from '../../electron/backend/db/open-database.ts';
import { CANCEL_REASONS, CERT_EVENT_TYPES, CERT_STATES, CERT_TYPES, EXAM_TYPES } from '../../shared/domain/certificate-vocabulary.ts';
import { INSPECTION_CATEGORIES, LIST_KINDS } from '../../shared/domain/list-kinds.ts';
import { IMPORT_KINDS } from '../../shared/import/import-kinds.ts';
import { PERSONNEL_KINDS, SEXES, STAFFING_TYPES } from '../../shared/domain/personnel-fields.ts';
import { UNIT_KINDS } from '../../shared/domain/unit-kinds.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { MIGRATIONS_DIR, tempDir } from '../helpers/paths.ts';

/**
 * The vocabulary lives twice by necessity, in shared/ (for the UI and rules) and in the schema's
 * CHECKs (so no writer can store anything else). This test keeps the two identical.
 */
let db: Db;
let unitId: number;
let agencyId: number;
let personSeq = 0;

beforeAll(async () => {
  const dir = tempDir();
  db = (await openDatabase(path.join(dir, 'r.sqlite3'), { backupDir: dir, migrations: loadMigrations(MIGRATIONS_DIR) })).db;
  unitId = Number(db.prepare(`INSERT INTO units (name, kind) VALUES ('沅江市教育局', '市直单位')`).run().lastInsertRowid);
  agencyId = Number(db.prepare(`INSERT INTO units (name, kind, keeps_inspection_lists) VALUES ('沅江市林业局', '市直单位', 1)`).run().lastInsertRowid);
});

function accepts(sql: string, params: unknown[]): boolean {
  const savepoint = db.transaction(() => db.prepare(sql).run(...params));
  try {
    savepoint();
    return true;
  } catch {
    return false;
  }
}

function newPerson(): number {
  personSeq += 1;
  return Number(
    db.prepare(`INSERT INTO personnel (unit_id, name, sex, id_number, staffing_type) VALUES (?, '王伟', '男', ?, '行政编制')`).run(unitId, composeIdNumber('430981', '1985-03-15', personSeq * 2 + 1))
      .lastInsertRowid,
  );
}

describe('schema CHECKs match the vocabulary in shared/', () => {
  it('unit kinds', () => {
    for (const kind of UNIT_KINDS) expect(accepts(`INSERT INTO units (name, kind) VALUES (?, ?)`, [`测试单位${kind}`, kind])).toBe(true);
    expect(accepts(`INSERT INTO units (name, kind) VALUES ('测试单位X', '村委会')`, [])).toBe(false);
  });

  it('personnel kinds, sexes and staffing types', () => {
    let seq = 500;
    const insert = (kind: string, sex: string, staffing: string) =>
      accepts(`INSERT INTO personnel (unit_id, personnel_kind, name, sex, id_number, staffing_type) VALUES (?, ?, '李娜', ?, ?, ?)`, [
        unitId,
        kind,
        sex,
        composeIdNumber('430981', '1990-01-01', (seq += 2)),
        staffing,
      ]);
    for (const kind of PERSONNEL_KINDS) expect(insert(kind, '女', '行政编制')).toBe(true);
    for (const sex of SEXES) expect(insert('执法人员', sex, '行政编制')).toBe(true);
    for (const staffing of STAFFING_TYPES) expect(insert('执法人员', '女', staffing)).toBe(true);
    expect(insert('协管员', '女', '行政编制')).toBe(false);
    expect(insert('执法人员', '未知', '行政编制')).toBe(false);
    expect(insert('执法人员', '女', '临时工')).toBe(false);
  });

  it('refuses malformed ID numbers, names with spaces and impossible dates', () => {
    const insert = (name: string, id: string, birth: string | null) =>
      accepts(`INSERT INTO personnel (unit_id, name, sex, id_number, birth_date, staffing_type) VALUES (?, ?, '男', ?, ?, '行政编制')`, [unitId, name, id, birth]);
    expect(insert('赵强', composeIdNumber('430981', '1980-02-29', 11), '1980-02-29')).toBe(true);
    expect(insert('赵强', '43098119800229001', null)).toBe(false); // 17 characters
    expect(insert('赵强', '43098119800229001x', null)).toBe(false); // lower-case x
    expect(insert('赵强', '4309811980022900AX', null)).toBe(false);
    expect(insert('赵 强', composeIdNumber('430981', '1980-02-28', 13), null)).toBe(false);
    expect(insert('赵强', composeIdNumber('430981', '1981-02-28', 15), '1981-02-29')).toBe(false);
    expect(insert('赵强', composeIdNumber('430981', '1981-02-28', 17), '1981/2/28')).toBe(false);
  });

  it('certificate types, states, cancel reasons and event types', () => {
    for (const type of CERT_TYPES) {
      expect(accepts(`INSERT INTO certificates (person_id, cert_type, state) VALUES (?, ?, '待考试')`, [newPerson(), type])).toBe(true);
    }
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, state) VALUES (?, '工作证', '待考试')`, [newPerson()])).toBe(false);
    let n = 0;
    for (const state of CERT_STATES) {
      const cancelled = state === '已注销';
      const ok = accepts(
        `INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date, cancel_reason, cancel_date) VALUES (?, '行政执法证', ?, ?, '2021-03-01', '2026-02-28', ?, ?)`,
        [newPerson(), `湘V-${(n += 1)}`, state, cancelled ? '退休' : null, cancelled ? '2024-05-01' : null],
      );
      expect(ok, state).toBe(true);
    }
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, state) VALUES (?, '行政执法证', '作废')`, [newPerson()])).toBe(false);
    for (const reason of CANCEL_REASONS) {
      const ok = accepts(
        `INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date, cancel_reason, cancel_date) VALUES (?, '行政执法证', ?, '已注销', '2021-03-01', '2026-02-28', ?, '2024-05-01')`,
        [newPerson(), `湘R-${reason}`, reason],
      );
      expect(ok, reason).toBe(true);
    }
    const certId = Number(db.prepare(`SELECT id FROM certificates LIMIT 1`).pluck().get());
    for (const type of CERT_EVENT_TYPES) {
      expect(accepts(`INSERT INTO certificate_events (certificate_id, event_type, event_date) VALUES (?, ?, '2023-01-01')`, [certId, type])).toBe(true);
    }
    expect(accepts(`INSERT INTO certificate_events (certificate_id, event_type, event_date) VALUES (?, '年审', '2023-01-01')`, [certId])).toBe(false);
    for (const type of EXAM_TYPES) {
      expect(accepts(`INSERT INTO exams (person_id, exam_type, exam_date, passed) VALUES (?, ?, '2023-01-01', 1)`, [newPerson(), type])).toBe(true);
    }
    expect(accepts(`INSERT INTO exams (person_id, exam_type, exam_date, passed) VALUES (?, '口试', '2023-01-01', 1)`, [newPerson()])).toBe(false);
  });

  it('enforces the certificate rules the schema owns', () => {
    const person = newPerson();
    // issued cards need a number and both dates
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, state) VALUES (?, '行政执法证', '有效')`, [person])).toBe(false);
    // expiry after issue
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date) VALUES (?, '行政执法证', 'X1', '有效', '2023-01-01', '2022-12-31')`, [person])).toBe(
      false,
    );
    // 已注销 needs a reason and a date; a reason needs 已注销
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date) VALUES (?, '行政执法证', 'X2', '已注销', '2023-01-01', '2027-12-31')`, [person])).toBe(
      false,
    );
    expect(
      accepts(
        `INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date, cancel_reason, cancel_date) VALUES (?, '行政执法证', 'X3', '有效', '2023-01-01', '2027-12-31', '退休', '2024-01-01')`,
        [person],
      ),
    ).toBe(false);
    // at most one open card of each type per person
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date) VALUES (?, '行政执法证', 'X4', '有效', '2023-01-01', '2027-12-31')`, [person])).toBe(
      true,
    );
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, state) VALUES (?, '行政执法证', '待考试')`, [person])).toBe(false);
    expect(accepts(`INSERT INTO certificates (person_id, cert_type, state) VALUES (?, '行政执法监督证', '待考试')`, [person])).toBe(true);
    // certificate numbers are unique
    expect(
      accepts(`INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date) VALUES (?, '行政执法证', 'X4', '有效', '2023-01-01', '2027-12-31')`, [newPerson()]),
    ).toBe(false);
  });

  it('inspection categories and list kinds, held only by agencies', () => {
    for (const category of INSPECTION_CATEGORIES) {
      expect(accepts(`INSERT INTO inspection_items (unit_id, name, category) VALUES (?, '对林木种子经营的监督检查', ?)`, [agencyId, category])).toBe(true);
    }
    expect(accepts(`INSERT INTO inspection_items (unit_id, name, category) VALUES (?, '检查', '一般')`, [agencyId])).toBe(false);
    expect(accepts(`INSERT INTO inspection_items (unit_id, name, category) VALUES (?, '检查', '一般检查事项')`, [unitId])).toBe(false);
    for (const kind of LIST_KINDS) {
      expect(accepts(`INSERT INTO penalty_list_items (unit_id, list_kind, violation) VALUES (?, ?, '未按规定…')`, [agencyId, kind])).toBe(true);
    }
    expect(accepts(`INSERT INTO penalty_list_items (unit_id, list_kind, violation) VALUES (?, 'heavier_penalty', '…')`, [agencyId])).toBe(false);
    expect(accepts(`INSERT INTO penalty_list_items (unit_id, list_kind, violation) VALUES (?, 'no_penalty', '…')`, [unitId])).toBe(false);
    // an agency holding items cannot lose its agency flag
    expect(accepts(`UPDATE units SET keeps_inspection_lists = 0 WHERE id = ?`, [agencyId])).toBe(false);
  });

  it('import kinds', () => {
    let n = 0;
    const op = Number(db.prepare(`INSERT INTO operations (kind, summary) VALUES ('import', '导入')`).run().lastInsertRowid);
    for (const kind of [...IMPORT_KINDS, 'mixed']) {
      const opId = n === 0 ? op : Number(db.prepare(`INSERT INTO operations (kind, summary) VALUES ('import', '导入')`).run().lastInsertRowid);
      n += 1;
      expect(accepts(`INSERT INTO import_batches (operation_id, file_name, sha256, kind) VALUES (?, 'a.xlsx', ?, ?)`, [opId, 'a'.repeat(64), kind]), kind).toBe(true);
    }
    const opId = Number(db.prepare(`INSERT INTO operations (kind, summary) VALUES ('import', '导入')`).run().lastInsertRowid);
    expect(accepts(`INSERT INTO import_batches (operation_id, file_name, sha256, kind) VALUES (?, 'a.xlsx', ?, 'roster')`, [opId, 'a'.repeat(64)])).toBe(false);
    for (const kind of IMPORT_KINDS) {
      expect(accepts(`INSERT INTO import_mappings (kind, header_signature, mapping_json) VALUES (?, ?, '{}')`, [kind, `sig-${kind}`]), kind).toBe(true);
    }
    expect(accepts(`INSERT INTO import_mappings (kind, header_signature, mapping_json) VALUES ('mixed', 'sig', '{}')`, [])).toBe(false);
  });
});
