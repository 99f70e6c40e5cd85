import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase } from '../../electron/backend/db/open-database.ts';
import { MIGRATIONS_DIR, tempDir } from '../helpers/paths.ts';

/** 0004_import_undo_index: migrate to 3, hold a renewed card, migrate to 4; the rows stay and the FK lookup uses the index. */
describe('migration 0004 (index on certificates.replaces_id)', () => {
  it('keeps existing certificates and makes the replaces_id lookup an index search', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite3');
    const all = loadMigrations(MIGRATIONS_DIR);
    const upTo3 = all.filter((m) => m.version <= 3);
    const v3 = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: upTo3 });
    expect(v3.schemaVersion).toBe(3);
    v3.db.exec(`
      INSERT INTO units (id, name, kind) VALUES (1, '沅江市公安局', '市直单位');
      INSERT INTO personnel (id, unit_id, name, sex, id_number, staffing_type) VALUES (1, 1, '张伟', '男', '430102198503150110', '行政编制');
      INSERT INTO certificates (id, person_id, cert_type, cert_number, state, issue_date, expiry_date) VALUES (1, 1, '行政执法证', 'A-1', '已换发', '2019-03-15', '2024-03-14');
      INSERT INTO certificates (id, person_id, cert_type, cert_number, state, issue_date, expiry_date, replaces_id) VALUES (2, 1, '行政执法证', 'A-2', '有效', '2024-03-10', '2029-03-09', 1);
    `);
    const planBefore = v3.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM certificates WHERE replaces_id = ?`).all(1) as { detail: string }[];
    expect(planBefore.map((p) => p.detail).join(' ')).toMatch(/SCAN/);
    v3.db.close();

    const v4 = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: all });
    expect(v4.applied).toContain(4);
    expect(v4.db.prepare(`SELECT id, replaces_id FROM certificates ORDER BY id`).all()).toEqual([
      { id: 1, replaces_id: null },
      { id: 2, replaces_id: 1 },
    ]);
    const planAfter = v4.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM certificates WHERE replaces_id = ?`).all(1) as { detail: string }[];
    expect(planAfter.map((p) => p.detail).join(' ')).toContain('USING COVERING INDEX certificates_replaces');
    v4.db.close();
  });
});
