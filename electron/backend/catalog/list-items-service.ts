import { AppError } from '../../../shared/api/errors.ts';
import type { ListItemRow, ListItemValues } from '../../../shared/api/methods/catalog.ts';
import { LIST_KIND_SHORT_LABELS, type ListKind } from '../../../shared/domain/list-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation } from '../db/tracked-writes.ts';
import { displayName, requireAgency } from './agency-lookup.ts';
import { LIST_ITEM_SELECT, shortText, toListItemRow, type ListItemDbRow } from './catalog-rows.ts';

export function listListItems(db: Db, unitId: number | null, listKind: ListKind, limit: number): { rows: ListItemRow[]; total: number } {
  const where = `WHERE l.list_kind = @listKind${unitId === null ? '' : ' AND l.unit_id = @unitId'}`;
  const total = db.prepare(`SELECT count(*) FROM penalty_list_items l ${where}`).pluck().get({ unitId, listKind }) as number;
  const rows = db.prepare(`${LIST_ITEM_SELECT} ${where} ORDER BY u.sort_order, u.id, l.sort_order, l.id LIMIT @limit`).all({ unitId, listKind, limit }) as ListItemDbRow[];
  return { rows: rows.map(toListItemRow), total };
}

export function getListItem(db: Db, id: number): ListItemRow {
  const row = db.prepare(`${LIST_ITEM_SELECT} WHERE l.id = ?`).get(id) as ListItemDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该清单事项不存在，可能已被删除');
  return toListItemRow(row);
}

function toColumns(v: ListItemValues) {
  return {
    unit_id: v.unitId,
    list_kind: v.listKind,
    matter: v.matter,
    violation: v.violation,
    violation_basis: v.violationBasis,
    penalty_basis: v.penaltyBasis,
    conditions: v.conditions,
    discretion: v.discretion,
    notes: v.notes,
  };
}

function nextSortOrder(db: Db, unitId: number, listKind: ListKind): number {
  return db.prepare(`SELECT coalesce(max(sort_order), 0) + 1 FROM penalty_list_items WHERE unit_id = ? AND list_kind = ?`).pluck().get(unitId, listKind) as number;
}

export function createListItem(db: Db, values: ListItemValues, operator: string): { id: number; operationId: number | null } {
  const unit = requireAgency(db, values.unitId);
  const summary = `新增${LIST_KIND_SHORT_LABELS[values.listKind]}清单事项“${shortText(values.violation)}”（${displayName(unit)}）`;
  const { operationId, value } = runOperation(db, { kind: 'create', summary, operator }, (w) =>
    w.insert('penalty_list_items', { ...toColumns(values), sort_order: nextSortOrder(w.db, values.unitId, values.listKind) }),
  );
  return { id: value, operationId };
}

export function updateListItem(db: Db, id: number, values: ListItemValues, operator: string): { operationId: number | null } {
  const current = getListItem(db, id);
  const unit = requireAgency(db, values.unitId);
  const summary = `修改${LIST_KIND_SHORT_LABELS[values.listKind]}清单事项“${shortText(values.violation)}”（${displayName(unit)}）`;
  const { operationId } = runOperation(db, { kind: 'update', summary, operator }, (w) => {
    const patch: Record<string, string | number | null> = toColumns(values);
    // Moved to another list or agency: it goes to the end of that list.
    if (values.unitId !== current.unitId || values.listKind !== current.listKind) patch['sort_order'] = nextSortOrder(w.db, values.unitId, values.listKind);
    w.update('penalty_list_items', id, patch);
  });
  return { operationId };
}

export function deleteListItem(db: Db, id: number, operator: string): { operationId: number | null } {
  const current = getListItem(db, id);
  const summary = `删除${LIST_KIND_SHORT_LABELS[current.listKind]}清单事项“${shortText(current.violation)}”（${current.unitName}）`;
  const { operationId } = runOperation(db, { kind: 'delete', summary, operator }, (w) => {
    w.delete('penalty_list_items', id);
  });
  return { operationId };
}
