import { expect } from 'vitest';
import type { Db } from '../../electron/backend/db/open-database.ts';

/**
 * One fixture per migration, for the per-migration test in migrations.test.ts: `before` writes rows
 * into the database as it is just before the migration (plain SQL of that version — never the
 * app's current services, which expect the latest schema), `after` asserts what the migration
 * must have done with them. The test itself also checks, for every migration, that every row of
 * every table that existed before is still there unchanged, that integrity_check and
 * foreign_key_check pass, and that the file was backed up first.
 *
 * Keyed by the migration's name without its number (0003_personnel_roster_index.sql →
 * personnel_roster_index), so renumbering a migration changes nothing here. A new migration
 * without a fixture fails the test, naming this file.
 */
export interface MigrationFixture {
  before(db: Db): void;
  after(db: Db): void;
}

const ID_A = '430981198503120016';
const ID_B = '430981199001010027';
const ID_C = '430981197712150035';

/** A small registry in the version-1 schema: what every later migration must carry over. */
function seedVersion1(db: Db): void {
  db.exec(`
    INSERT INTO units (id, name, kind, keeps_inspection_lists) VALUES (1, '沅江市市场监督管理局', '市直单位', 1), (2, '琼湖街道办事处', '乡镇街道', 0);
    INSERT INTO unit_aliases (alias, unit_id) VALUES ('市场监管局', 1);
    INSERT INTO operations (id, operator, kind, summary) VALUES (1, '李芳', 'create', '新增人员'), (2, '李芳', 'lifecycle', '换证');
    INSERT INTO personnel (id, unit_id, name, sex, id_number, staffing_type) VALUES
      (1, 1, '张伟', '男', '${ID_A}', '行政编制'),
      (2, 1, '王芳', '女', '${ID_B}', '事业编制'),
      (3, 2, '刘洋', '男', '${ID_C}', '参照公务员管理');
    INSERT INTO certificates (id, person_id, cert_type, cert_number, state, issue_date, expiry_date, replaces_id) VALUES
      (1, 1, '行政执法证', 'HN-0001', '已换发', '2018-03-01', '2023-02-28', NULL),
      (2, 1, '行政执法证', 'HN-0002', '有效', '2023-02-20', '2028-02-19', 1),
      (3, 2, '行政执法证', 'HN-0003', '有效', '2021-06-01', '2026-05-31', NULL);
    INSERT INTO certificates (id, person_id, cert_type, state) VALUES (4, 3, '行政执法证', '待考试');
    INSERT INTO certificate_events (certificate_id, event_type, event_date, operator) VALUES (1, '发证', '2018-03-01', '李芳'), (2, '换证', '2023-02-20', '李芳');
    INSERT INTO training_records (person_id, training_date, course, hours) VALUES (1, '2024-03-01', '行政处罚法', 24), (1, '2024-09-01', '行政许可法', 16), (2, '2024-05-01', '执法规范', 60);
    INSERT INTO inspection_items (id, unit_id, item_code, name, category, basis) VALUES (1, 1, 'SC-JC-01', '食品经营许可证悬挂情况检查', '一般检查事项', '《食品安全法》第三十五条');
    INSERT INTO penalty_list_items (id, unit_id, list_kind, violation, penalty_basis) VALUES (1, 1, 'no_penalty', '未按规定公示营业执照', '《市场主体登记管理条例》');
    INSERT INTO change_log (operation_id, table_name, row_id, action, after_json) VALUES (1, 'personnel', 1, 'insert', '{"id":1}');
    INSERT INTO settings (key, value) VALUES ('operatorName', '"李芳"');
  `);
}

function count(db: Db, sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

export const MIGRATION_FIXTURES: Record<string, MigrationFixture> = {
  initial_schema: {
    before: () => undefined,
    after(db) {
      for (const table of ['units', 'personnel', 'certificates', 'operations', 'change_log', 'import_batches', 'settings']) {
        expect(count(db, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table), table).toBe(1);
      }
    },
  },

  catalog_search: {
    before: seedVersion1,
    after(db) {
      // Rows that existed before the search indexes are indexed by the migration itself.
      expect(db.prepare(`SELECT rowid FROM catalog_fts_trigram WHERE catalog_fts_trigram MATCH '"营业执照"'`).pluck().all()).toEqual([-1]);
      expect(db.prepare(`SELECT rowid FROM catalog_fts_trigram WHERE catalog_fts_trigram MATCH '"许可证悬挂"'`).pluck().all()).toEqual([1]);
      expect(db.prepare(`SELECT rowid FROM catalog_fts_chars WHERE catalog_fts_chars MATCH '"食 品"'`).pluck().all()).toEqual([1]);
      expect(db.prepare(`SELECT doc_id, unit_id, kind FROM catalog_fts_owners ORDER BY doc_id`).all()).toEqual([
        { doc_id: -1, unit_id: 1, kind: 'no_penalty' },
        { doc_id: 1, unit_id: 1, kind: 'inspection_items' },
      ]);
    },
  },

  personnel_roster_index: {
    before: seedVersion1,
    after(db) {
      // The caches are filled for the people already there: the renewed card is 张伟's current one.
      expect(db.prepare(`SELECT person_id, certificate_id, state FROM certificate_current ORDER BY person_id`).all()).toEqual([
        { person_id: 1, certificate_id: 2, state: '有效' },
        { person_id: 2, certificate_id: 3, state: '有效' },
        { person_id: 3, certificate_id: 4, state: '待考试' },
      ]);
      expect(db.prepare(`SELECT person_id, year, hours FROM training_year_hours ORDER BY person_id`).all()).toEqual([
        { person_id: 1, year: 2024, hours: 40 },
        { person_id: 2, year: 2024, hours: 60 },
      ]);
    },
  },

  import_undo_index: {
    before: seedVersion1,
    after(db) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM certificates WHERE replaces_id = ?`).all(1) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('certificates_replaces');
    },
  },

  unconfirmed_staffing_and_unit_imports: {
    before: seedVersion1,
    after(db) {
      // The rebuilt personnel table kept its ids, so every card, exam, training record and transfer still points home.
      expect(db.prepare(`SELECT p.name FROM certificates c JOIN personnel p ON p.id = c.person_id WHERE c.id = 2`).pluck().get()).toBe('张伟');
      expect(count(db, `SELECT count(*) FROM pragma_index_list('personnel') WHERE name IN ('personnel_unit', 'personnel_name', 'personnel_initials')`)).toBe(3);
      // 未填写 is now a staffing type; anything else is still refused.
      db.prepare(`INSERT INTO personnel (unit_id, name, sex, id_number, staffing_type) VALUES (1, '李强', '男', '430981198001010019', '未填写')`).run();
      expect(() => db.prepare(`INSERT INTO personnel (unit_id, name, sex, id_number, staffing_type) VALUES (1, '赵敏', '女', '430981198001010027', '临时工')`).run()).toThrow(/CHECK/);
      // A unit list is an import kind.
      db.prepare(`INSERT INTO import_batches (operation_id, file_name, sha256, kind) VALUES (2, '单位名单.xlsx', ?, 'units')`).run('a'.repeat(64));
      expect(() => db.prepare(`INSERT INTO import_batches (operation_id, file_name, sha256, kind) VALUES (1, 'x.xlsx', ?, 'something')`).run('b'.repeat(64))).toThrow(/CHECK/);
    },
  },

  operators: {
    before: seedVersion1,
    after(db) {
      expect(count(db, `SELECT count(*) FROM operators`)).toBe(0);
      // The name typed under 业务规则 stays: without operators it is still the one recorded.
      expect(db.prepare(`SELECT value FROM settings WHERE key = 'operatorName'`).pluck().get()).toBe('"李芳"');
      // A password is stored as salt and hash together, or not at all.
      expect(() => db.prepare(`INSERT INTO operators (name, password_salt) VALUES ('王芳', zeroblob(16))`).run()).toThrow(/CHECK/);
      db.prepare(`INSERT INTO access_log (operator, kind, person_id, summary) VALUES ('李芳', 'reveal_id_number', 1, '查看了“张伟”的完整身份证号')`).run();
      // The access log is append-only.
      expect(() => db.prepare(`UPDATE access_log SET operator = '他人'`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM access_log`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`INSERT INTO access_log (operator, kind, summary) VALUES ('李芳', 'something_else', 'x')`).run()).toThrow(/CHECK/);
    },
  },

  full_pinyin: {
    before: seedVersion1,
    after(db) {
      // Opening the database gave every name already there its full pinyin.
      expect(db.prepare(`SELECT name, pinyin FROM name_pinyin ORDER BY pinyin`).all()).toEqual([
        { name: '刘洋', pinyin: 'liuyang' },
        { name: '王芳', pinyin: 'wangfang' },
        { name: '张伟', pinyin: 'zhangwei' },
      ]);
      // personnel itself is unchanged, so change-log images written before still match their rows (undo).
      expect(db.prepare(`SELECT name FROM pragma_table_info('personnel') WHERE name LIKE '%pinyin%'`).all()).toEqual([]);
      expect(() => db.prepare(`INSERT INTO name_pinyin (name, pinyin) VALUES ('李强', 'Li Qiang')`).run()).toThrow(/CHECK/);
    },
  },

  card_number_search_index: {
    before(db) {
      seedVersion1(db);
      // As opening the database at version 7 left them (0007), so the rows compared are the ones the migration met.
      db.exec(`INSERT INTO name_pinyin (name, pinyin) VALUES ('张伟', 'zhangwei'), ('王芳', 'wangfang'), ('刘洋', 'liuyang')`);
    },
    after(db) {
      // A search by part of a card number reads the number and the person from the index alone.
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT person_id FROM certificates WHERE cert_number LIKE ? ESCAPE '\\'`).all('%0002%') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('COVERING INDEX certificates_number_person');
      expect(db.prepare(`SELECT person_id FROM certificates WHERE cert_number LIKE '%0002%'`).pluck().all()).toEqual([1]);
    },
  },
};
