import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase, type Db } from '../../electron/backend/db/open-database.ts';
import { runOperation, undoOperation } from '../../electron/backend/db/tracked-writes.ts';
import { AppError } from '../../shared/api/errors.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { MIGRATIONS_DIR, tempDir } from '../helpers/paths.ts';

let db: Db;

beforeEach(async () => {
  const dir = tempDir();
  db = (await openDatabase(path.join(dir, 'r.sqlite3'), { backupDir: dir, migrations: loadMigrations(MIGRATIONS_DIR) })).db;
});

/** Every row of the registry tables, to compare states exactly. */
function snapshot(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['units', 'unit_aliases', 'personnel', 'certificates', 'certificate_events', 'training_records']) {
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  }
  return out;
}

const op = (summary: string) => ({ kind: 'other' as const, summary, operator: '李芳' });

describe('tracked writes and undo', () => {
  it('logs insert, update and delete with before and after images, in one operation', () => {
    const { operationId, value: unitId } = runOperation(db, op('建单位'), (w) => {
      const id = w.insert('units', { name: '沅江市水利局', kind: '市直单位' });
      w.update('units', id, { short_name: '市水利局' });
      return id;
    });
    expect(operationId).not.toBeNull();
    const log = db.prepare(`SELECT table_name, row_id, action, before_json, after_json FROM change_log WHERE operation_id = ? ORDER BY id`).all(operationId) as {
      action: string;
      before_json: string | null;
      after_json: string | null;
    }[];
    expect(log.map((l) => l.action)).toEqual(['insert', 'update']);
    expect(JSON.parse(log[1]?.before_json ?? '{}')).toMatchObject({ id: unitId, short_name: null });
    expect(JSON.parse(log[1]?.after_json ?? '{}')).toMatchObject({ id: unitId, short_name: '市水利局' });
    expect(db.prepare(`SELECT operator FROM operations WHERE id = ?`).pluck().get(operationId)).toBe('李芳');
  });

  it('records no operation when nothing changed', () => {
    const unitId = runOperation(db, op('建'), (w) => w.insert('units', { name: '沅江市水利局', kind: '市直单位' })).value;
    const opsBefore = db.prepare(`SELECT count(*) FROM operations`).pluck().get();
    const { operationId, value } = runOperation(db, op('无改动'), (w) => w.update('units', unitId, { name: '沅江市水利局' }));
    expect(value).toBe(false);
    expect(operationId).toBeNull();
    expect(db.prepare(`SELECT count(*) FROM operations`).pluck().get()).toBe(opsBefore);
  });

  it('undoes an update and a delete exactly, including children the delete removed first', () => {
    const unitId = runOperation(db, op('建'), (w) => w.insert('units', { name: '沅江市卫生健康局', kind: '市直单位' })).value;
    const personId = runOperation(db, op('建人'), (w) => {
      const id = w.insert('personnel', { unit_id: unitId, name: '周敏', sex: '女', id_number: composeIdNumber('430981', '1988-08-08', 22), staffing_type: '行政编制' });
      const cert = w.insert('certificates', { person_id: id, cert_type: '行政执法证', cert_number: '湘0981001', state: '有效', issue_date: '2023-04-01', expiry_date: '2028-03-31' });
      w.insert('certificate_events', { certificate_id: cert, event_type: '发证', event_date: '2023-04-01' });
      w.insert('training_records', { person_id: id, training_date: '2026-03-01', course: '行政处罚法专题培训', hours: 12.5 });
      return id;
    }).value;
    const before = snapshot();

    const edit = runOperation(db, op('改'), (w) => w.update('personnel', personId, { post: '科长', phone: '13800000000' }));
    expect(snapshot()).not.toEqual(before);
    undoOperation(db, edit.operationId as number, '李芳');
    expect(snapshot()).toEqual(before);

    const removal = runOperation(db, op('删'), (w) => w.delete('personnel', personId));
    expect(db.prepare(`SELECT count(*) FROM certificate_events`).pluck().get()).toBe(0);
    const actions = db.prepare(`SELECT table_name || ':' || action FROM change_log WHERE operation_id = ? ORDER BY id`).pluck().all(removal.operationId);
    expect(actions).toEqual(['certificate_events:delete', 'certificates:delete', 'training_records:delete', 'personnel:delete']);
    undoOperation(db, removal.operationId as number, '李芳');
    expect(snapshot()).toEqual(before);
  });

  it('undoes an insert, and marks the operation so it cannot be undone twice', () => {
    const before = snapshot();
    const created = runOperation(db, op('建'), (w) => w.insert('units', { name: '沅江市气象局', kind: '市直单位' }));
    const undo = undoOperation(db, created.operationId as number, '李芳');
    expect(snapshot()).toEqual(before);
    expect(db.prepare(`SELECT undone_by FROM operations WHERE id = ?`).pluck().get(created.operationId)).toBe(undo.operationId);
    expect(() => undoOperation(db, created.operationId as number, '李芳')).toThrow(/已经撤销过/);
  });

  it('refuses to undo over a later change of the same row, changing nothing', () => {
    const unitId = runOperation(db, op('建'), (w) => w.insert('units', { name: '沅江市商务局', kind: '市直单位' })).value;
    const first = runOperation(db, op('改1'), (w) => w.update('units', unitId, { short_name: '商务局' }));
    runOperation(db, op('改2'), (w) => w.update('units', unitId, { short_name: '市商务局' }));
    const before = snapshot();
    let caught: unknown;
    try {
      undoOperation(db, first.operationId as number, '李芳');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('CONFLICT');
    expect(snapshot()).toEqual(before);
    expect(db.prepare(`SELECT count(*) FROM operations WHERE kind = 'undo'`).pluck().get()).toBe(0);
  });

  it('rolls back the whole operation when any write fails', () => {
    const before = snapshot();
    expect(() =>
      runOperation(db, op('坏'), (w) => {
        w.insert('units', { name: '沅江市财政局', kind: '市直单位' });
        w.insert('units', { name: '沅江市财政局', kind: '市直单位' }); // UNIQUE violation
      }),
    ).toThrow(/UNIQUE/);
    expect(snapshot()).toEqual(before);
    expect(db.prepare(`SELECT count(*) FROM operations`).pluck().get()).toBe(0);
  });

  it('rejects unknown tables and columns (no SQL built from untrusted names)', () => {
    expect(() => runOperation(db, op('x'), (w) => w.insert('sqlite_schema' as never, { name: 'x' }))).toThrow(/Not a tracked table/);
    expect(() => runOperation(db, op('x'), (w) => w.insert('units', { 'name) VALUES (1); --': 'x' }))).toThrow(/Unknown column/);
  });
});
