import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase, type Db } from '../../electron/backend/db/open-database.ts';
import { MIGRATIONS_DIR, tempDir } from '../helpers/paths.ts';

/**
 * 0005_unconfirmed_staffing_and_unit_imports rebuilds personnel, import_batches and import_mappings
 * to widen their CHECKs. Built at version 4 with rows in every table that hangs off them, migrated,
 * and every row, index and reference is still there — the children of personnel above all, which
 * dropping the old table would have emptied by ON DELETE CASCADE had foreign keys been on.
 */

const TABLES = [
  'units',
  'unit_aliases',
  'personnel',
  'certificates',
  'certificate_events',
  'certificate_current',
  'exams',
  'training_records',
  'training_year_hours',
  'transfers',
  'import_batches',
  'import_mappings',
  'operations',
  'change_log',
];

function dump(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

function indexes(db: Db, table: string): string[] {
  return db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`).pluck().all(table) as string[];
}

function refuses(db: Db, sql: string): boolean {
  try {
    db.prepare(sql).run();
    return false;
  } catch {
    return true;
  }
}

describe('migration 0005 (staffing type 未填写, unit lists as an import kind)', () => {
  it('keeps every row of the rebuilt tables and of the tables that reference them', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite3');
    const all = loadMigrations(MIGRATIONS_DIR);
    const v4 = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: all.filter((m) => m.version <= 4) });
    expect(v4.schemaVersion).toBe(4);
    v4.db.exec(`
      INSERT INTO operations (id, kind, summary, operator) VALUES (1, 'import', '导入文件“公安局.xlsx”', '李芳');
      INSERT INTO units (id, name, kind, keeps_inspection_lists) VALUES (1, '沅江市公安局', '市直单位', 1), (2, '琼湖街道', '乡镇街道', 0);
      INSERT INTO unit_aliases (id, alias, unit_id) VALUES (1, '市公安局', 1);
      INSERT INTO personnel (id, unit_id, name, name_initials, sex, id_number, birth_date, post, staffing_type, phone, notes)
        VALUES (1, 1, '张伟', 'zw', '男', '430102198503150110', '1985-03-15', '民警', '行政编制', '13907370001', '第一行
第二行'),
               (2, 2, '李娜', 'ln', '女', '430102199011200221', '1990-11-20', NULL, '聘用辅助人员', NULL, NULL);
      INSERT INTO certificates (id, person_id, cert_type, cert_number, state, issue_date, expiry_date) VALUES (1, 1, '行政执法证', 'A-1', '已换发', '2019-03-15', '2024-03-14');
      INSERT INTO certificates (id, person_id, cert_type, cert_number, state, issue_date, expiry_date, replaces_id) VALUES (2, 1, '行政执法证', 'A-2', '有效', '2024-03-10', '2029-03-09', 1);
      INSERT INTO certificate_events (id, certificate_id, event_type, event_date, details) VALUES (1, 1, '发证', '2019-03-15', '{"source":"import","batch":1}'), (2, 2, '换证', '2024-03-10', NULL);
      INSERT INTO exams (id, person_id, exam_type, exam_date, score, passed) VALUES (1, 1, '通用法律知识', '2024-01-10', 88, 1);
      INSERT INTO training_records (id, person_id, training_date, course, hours) VALUES (1, 1, '2024-05-01', '行政处罚法', 16);
      INSERT INTO transfers (id, person_id, from_unit_id, to_unit_id, transfer_date) VALUES (1, 2, 1, 2, '2023-07-01');
      INSERT INTO import_batches (id, operation_id, file_name, sha256, unit_id, kind, rows_read, rows_added, details)
        VALUES (1, 1, '公安局.xlsx', '${'a'.repeat(64)}', 1, 'personnel', 2, 2, '{"sheets":[]}');
      INSERT INTO import_mappings (id, unit_id, kind, header_signature, mapping_json) VALUES (1, 1, 'personnel', 'A:姓名|B:身份证号', '{"A":"name","B":"id_number"}');
      INSERT INTO change_log (operation_id, table_name, row_id, action, before_json, after_json) VALUES (1, 'personnel', 1, 'insert', NULL, '{"id":1}');
    `);
    const before = dump(v4.db);
    const indexesBefore = { personnel: indexes(v4.db, 'personnel'), import_batches: indexes(v4.db, 'import_batches'), import_mappings: indexes(v4.db, 'import_mappings') };
    expect(refuses(v4.db, `UPDATE personnel SET staffing_type = '未填写' WHERE id = 1`)).toBe(true);
    v4.db.close();

    const migrated = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: all });
    const db = migrated.db;
    try {
      expect(migrated.applied).toContain(5);
      expect(dump(db)).toEqual(before);
      expect({ personnel: indexes(db, 'personnel'), import_batches: indexes(db, 'import_batches'), import_mappings: indexes(db, 'import_mappings') }).toEqual(indexesBefore);
      expect(indexesBefore.personnel).toEqual(['personnel_initials', 'personnel_name', 'personnel_unit']);
      // The runner restores foreign keys, and they hold for the rebuilt tables in both directions.
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(refuses(db, `INSERT INTO certificates (person_id, cert_type, state) VALUES (99, '行政执法证', '待考试')`)).toBe(true);
      expect(refuses(db, `INSERT INTO personnel (unit_id, name, sex, id_number, staffing_type) VALUES (99, '王伟', '男', '43010219880702069X', '行政编制')`)).toBe(true);
      // The widened CHECKs, and nothing wider.
      db.prepare(`UPDATE personnel SET staffing_type = '未填写' WHERE id = 1`).run();
      expect(refuses(db, `UPDATE personnel SET staffing_type = '临时工' WHERE id = 1`)).toBe(true);
      db.prepare(`INSERT INTO operations (id, kind, summary) VALUES (2, 'import', '导入单位名单')`).run();
      db.prepare(`INSERT INTO import_batches (operation_id, file_name, sha256, kind) VALUES (2, '单位名单.xlsx', ?, 'units')`).run('b'.repeat(64));
      expect(refuses(db, `INSERT INTO import_batches (operation_id, file_name, sha256, kind) VALUES (1, 'x.xlsx', '${'c'.repeat(64)}', 'roster')`)).toBe(true);
      db.prepare(`INSERT INTO import_mappings (unit_id, kind, header_signature, mapping_json) VALUES (NULL, 'units', 'A:单位名称', '{}')`).run();
      // A person's cards still cascade with the person (the rebuilt table kept ON DELETE CASCADE on the children's side).
      db.prepare(`DELETE FROM certificate_events`).run();
      db.prepare(`DELETE FROM personnel WHERE id = 1`).run();
      expect(db.prepare(`SELECT count(*) FROM certificates`).pluck().get()).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM certificate_current`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
