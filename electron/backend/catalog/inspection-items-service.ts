import { AppError } from '../../../shared/api/errors.ts';
import type { InspectionItemRow, InspectionItemValues } from '../../../shared/api/methods/catalog.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation } from '../db/tracked-writes.ts';
import { displayName, requireAgency } from './agency-lookup.ts';
import { INSPECTION_ITEM_SELECT, shortText, toInspectionItemRow, type InspectionItemDbRow } from './catalog-rows.ts';

/** One agency's catalog (or every agency's, unitId null), in the agencies' order and the catalog's own order. */
export function listInspectionItems(db: Db, unitId: number | null, limit: number): { rows: InspectionItemRow[]; total: number } {
  const where = unitId === null ? '' : 'WHERE i.unit_id = @unitId';
  const total = db.prepare(`SELECT count(*) FROM inspection_items i ${where}`).pluck().get({ unitId }) as number;
  const rows = db.prepare(`${INSPECTION_ITEM_SELECT} ${where} ORDER BY u.sort_order, u.id, i.sort_order, i.id LIMIT @limit`).all({ unitId, limit }) as InspectionItemDbRow[];
  return { rows: rows.map(toInspectionItemRow), total };
}

export function getInspectionItem(db: Db, id: number): InspectionItemRow {
  const row = db.prepare(`${INSPECTION_ITEM_SELECT} WHERE i.id = ?`).get(id) as InspectionItemDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该检查事项不存在，可能已被删除');
  return toInspectionItemRow(row);
}

function toColumns(v: InspectionItemValues) {
  return {
    unit_id: v.unitId,
    item_code: v.itemCode,
    name: v.name,
    category: v.category,
    basis: v.basis,
    subject: v.subject,
    undertaking_body: v.undertakingBody,
    target: v.target,
    content: v.content,
    method: v.method,
    frequency: v.frequency,
    notes: v.notes,
  };
}

function assertCodeFree(db: Db, unitId: number, code: string | null, exceptId: number | null): void {
  if (code === null) return;
  const clash = db.prepare(`SELECT name FROM inspection_items WHERE unit_id = ? AND item_code = ? AND id IS NOT ?`).pluck().get(unitId, code, exceptId) as string | undefined;
  if (clash !== undefined) throw new AppError('CONFLICT', `事项编码“${code}”已被本单位的事项“${shortText(clash)}”使用，请换一个编码`);
}

export function createInspectionItem(db: Db, values: InspectionItemValues, operator: string): { id: number; operationId: number | null } {
  const unit = requireAgency(db, values.unitId);
  assertCodeFree(db, values.unitId, values.itemCode, null);
  const summary = `新增检查事项“${shortText(values.name)}”（${displayName(unit)}）`;
  const { operationId, value } = runOperation(db, { kind: 'create', summary, operator }, (w) => {
    const next = (w.db.prepare(`SELECT coalesce(max(sort_order), 0) + 1 FROM inspection_items WHERE unit_id = ?`).pluck().get(values.unitId) as number) ?? 1;
    return w.insert('inspection_items', { ...toColumns(values), sort_order: next });
  });
  return { id: value, operationId };
}

export function updateInspectionItem(db: Db, id: number, values: InspectionItemValues, operator: string): { operationId: number | null } {
  const current = getInspectionItem(db, id);
  const unit = requireAgency(db, values.unitId);
  assertCodeFree(db, values.unitId, values.itemCode, id);
  const summary = `修改检查事项“${shortText(values.name)}”（${displayName(unit)}）`;
  const { operationId } = runOperation(db, { kind: 'update', summary, operator }, (w) => {
    const patch: Record<string, string | number | null> = toColumns(values);
    // Moved to another agency: put it at the end of that agency's catalog.
    if (values.unitId !== current.unitId) {
      patch['sort_order'] = w.db.prepare(`SELECT coalesce(max(sort_order), 0) + 1 FROM inspection_items WHERE unit_id = ?`).pluck().get(values.unitId) as number;
    }
    w.update('inspection_items', id, patch);
  });
  return { operationId };
}

export function deleteInspectionItem(db: Db, id: number, operator: string): { operationId: number | null } {
  const current = getInspectionItem(db, id);
  const summary = `删除检查事项“${shortText(current.name)}”（${current.unitName}）`;
  const { operationId } = runOperation(db, { kind: 'delete', summary, operator }, (w) => {
    w.delete('inspection_items', id);
  });
  return { operationId };
}
