import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { UnitInput, UnitRow } from '../../shared/api/methods/units.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

let backend: Backend;
beforeEach(async () => {
  backend = await freshBackend();
});
afterEach(() => backend.close());

function unit(overrides: Partial<UnitInput> = {}): UnitInput {
  return {
    name: '沅江市林业局',
    shortName: '市林业局',
    kind: '市直单位',
    keepsInspectionLists: true,
    sortOrder: 10,
    staffingQuota: 40,
    contactPerson: '刘洋',
    contactPhone: '0737-2712345',
    notes: null,
    aliases: ['林业局'],
    ...overrides,
  };
}

async function list(): Promise<UnitRow[]> {
  return (await callOk<{ units: UnitRow[] }>(backend, 'units.list', {})).units;
}

describe('units', () => {
  it('creates, edits and lists units with their aliases', async () => {
    const { id } = await callOk<{ id: number }>(backend, 'units.create', unit());
    await callOk(backend, 'units.create', unit({ name: '草尾镇', shortName: null, kind: '乡镇街道', keepsInspectionLists: false, aliases: [], sortOrder: 1 }));
    await callOk(backend, 'units.update', { id, ...unit({ shortName: '林业局', aliases: ['市林业局', '沅江林业局'] }) });
    const rows = await list();
    expect(rows.map((u) => [u.name, u.kind])).toEqual([
      ['沅江市林业局', '市直单位'],
      ['草尾镇', '乡镇街道'],
    ]);
    expect(rows[0]).toMatchObject({ shortName: '林业局', aliases: ['市林业局', '沅江林业局'], keepsInspectionLists: true, staffingQuota: 40 });
  });

  it('refuses a name or alias another unit already uses', async () => {
    await callOk(backend, 'units.create', unit());
    const sameName = await callErr(backend, 'units.create', unit({ aliases: [] }));
    expect(sameName).toMatchObject({ code: 'CONFLICT' });
    expect(sameName.message).toContain('沅江市林业局');
    const aliasClash = await callErr(backend, 'units.create', unit({ name: '沅江市水利局', aliases: ['林业局'] }));
    expect(aliasClash.code).toBe('CONFLICT');
    expect(await list()).toHaveLength(1);
  });

  it('refuses to delete a unit that still has personnel, and deletes an empty one with undo', async () => {
    const { id } = await callOk<{ id: number }>(backend, 'units.create', unit());
    const db = backend.context.db;
    db.prepare(`INSERT INTO personnel (unit_id, name, sex, id_number, staffing_type) VALUES (?, '王芳', '女', ?, '行政编制')`).run(id, composeIdNumber('430981', '1990-05-06', 124));
    const refused = await callErr(backend, 'units.delete', { id });
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.message).toContain('1 名人员');
    db.prepare(`DELETE FROM personnel`).run();

    const before = await list();
    const { operationId } = await callOk<{ operationId: number }>(backend, 'units.delete', { id });
    expect(await list()).toEqual([]);
    await callOk(backend, 'history.undo', { operationId });
    expect(await list()).toEqual(before);
  });

  it('keeps the agency flag while the unit holds inspection items', async () => {
    const { id } = await callOk<{ id: number }>(backend, 'units.create', unit());
    backend.context.db.prepare(`INSERT INTO inspection_items (unit_id, name, category) VALUES (?, '对林木种苗生产经营的监督检查', '一般检查事项')`).run(id);
    const error = await callErr(backend, 'units.update', { id, ...unit({ keepsInspectionLists: false }) });
    expect(error.code).toBe('RULE_VIOLATION');
    expect((await list())[0]?.keepsInspectionLists).toBe(true);
  });

  it('lists recent operations with their operator for the history panel', async () => {
    await callOk(backend, 'settings.update', { operatorName: '李芳' });
    await callOk(backend, 'units.create', unit());
    const { operations } = await callOk<{ operations: { summary: string; operator: string; changeCount: number }[] }>(backend, 'history.recent', {});
    expect(operations[0]).toMatchObject({ summary: '新增单位“沅江市林业局”', operator: '李芳', changeCount: 2 });
  });
});
