import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { OperationRow } from '../../shared/api/methods/history.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

/**
 * 操作记录 narrowed by day, kind and operator. The times are stored in UTC and the days the clerk
 * picks are the PC's, so an operation just after local midnight belongs to that local day even
 * where it is still the day before in UTC.
 */

let backend: Backend;
const recent = async (filter: Record<string, unknown> = {}) => callOk<{ operations: OperationRow[]; operators: string[] }>(backend, 'history.recent', { limit: 500, ...filter });
const unit = (name: string) => ({
  name,
  shortName: null,
  kind: '市直单位',
  keepsInspectionLists: false,
  sortOrder: 1,
  staffingQuota: null,
  contactPerson: null,
  contactPhone: null,
  notes: null,
  aliases: [],
});

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'settings.update', { operatorName: '李芳' });
  const { id } = await callOk<{ id: number }>(backend, 'units.create', unit('沅江市林业局'));
  await callOk(backend, 'settings.update', { operatorName: '王强' });
  await callOk(backend, 'units.create', unit('沅江市水务局'));
  await callOk(backend, 'units.update', { id, ...unit('沅江市林业局'), shortName: '林业局' });
  // Move the three operations to known local moments: 2026-05-31 23:50, 2026-06-01 00:10, 2026-06-03 12:00.
  const ops = (await recent()).operations.filter((o) => o.kind !== 'other').map((o) => o.id);
  const moments = [new Date(2026, 5, 3, 12, 0), new Date(2026, 5, 1, 0, 10), new Date(2026, 4, 31, 23, 50)];
  const db = backend.context.db;
  ops.slice(0, 3).forEach((opId, i) => db.prepare(`UPDATE operations SET at = ? WHERE id = ?`).run(moments[i]!.toISOString(), opId));
});
afterAll(() => backend.close());

describe('history.recent filters', () => {
  it('narrows by the PC’s calendar days, both ends included', async () => {
    const june = await recent({ from: '2026-06-01', to: '2026-06-03' });
    expect(june.operations.map((o) => o.summary)).toEqual(['修改单位“沅江市林业局”', '新增单位“沅江市水务局”']);
    const first = await recent({ from: '2026-06-01', to: '2026-06-01' });
    expect(first.operations.map((o) => o.summary)).toEqual(['新增单位“沅江市水务局”']);
    const may = await recent({ to: '2026-05-31' });
    expect(may.operations.map((o) => o.summary)).toContain('新增单位“沅江市林业局”');
    expect(may.operations.map((o) => o.summary)).not.toContain('新增单位“沅江市水务局”');
  });

  it('narrows by kind and by operator, and lists the operators', async () => {
    expect((await recent({ kind: 'update' })).operations.map((o) => o.summary)).toEqual(['修改单位“沅江市林业局”']);
    expect((await recent({ operator: '李芳', kind: 'create' })).operations.map((o) => o.summary)).toEqual(['新增单位“沅江市林业局”']);
    expect((await recent({ operator: '王强', from: '2026-06-02' })).operations.map((o) => o.summary)).toEqual(['修改单位“沅江市林业局”']);
    const all = await recent();
    expect(all.operators).toEqual(expect.arrayContaining(['李芳', '王强']));
    expect(all.operations.length).toBeGreaterThanOrEqual(3);
  });
});
