import { AppError } from '../../../shared/api/errors.ts';
import type { UnitRow } from '../../../shared/api/methods/units.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation } from '../db/tracked-writes.ts';
import { insertUnitRow, unitValuesOf, updateUnitRow, type UnitDbRow, type UnitValues } from './unit-writes.ts';

interface UnitListRow extends UnitDbRow {
  updated_at: string;
  aliases: string | null;
  personnel_count: number;
  item_count: number;
  list_count: number;
}

export function listUnits(db: Db): UnitRow[] {
  const rows = db
    .prepare(
      `SELECT u.*,
              (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM unit_aliases a WHERE a.unit_id = u.id ORDER BY alias)) AS aliases,
              (SELECT count(*) FROM personnel p WHERE p.unit_id = u.id) AS personnel_count,
              (SELECT count(*) FROM inspection_items i WHERE i.unit_id = u.id) AS item_count,
              (SELECT count(*) FROM penalty_list_items l WHERE l.unit_id = u.id) AS list_count
         FROM units u
        ORDER BY CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END, u.sort_order, u.id`,
    )
    .all() as UnitListRow[];
  return rows.map((r) => ({
    id: r.id,
    ...unitValuesOf(r, r.aliases ? r.aliases.split('\u001f') : []),
    personnelCount: r.personnel_count,
    inspectionItemCount: r.item_count,
    listItemCount: r.list_count,
    updatedAt: r.updated_at,
  }));
}

export function createUnit(db: Db, values: UnitValues, operator: string): { id: number; operationId: number | null } {
  const { operationId, value } = runOperation(db, { kind: 'create', summary: `新增单位“${values.name}”`, operator }, (w) => insertUnitRow(w, values));
  return { id: value, operationId };
}

export function updateUnit(db: Db, id: number, values: UnitValues, operator: string): { operationId: number | null } {
  const current = db.prepare(`SELECT name FROM units WHERE id = ?`).pluck().get(id) as string | undefined;
  if (current === undefined) throw new AppError('NOT_FOUND', '该单位不存在，可能已被删除');
  const { operationId } = runOperation(db, { kind: 'update', summary: `修改单位“${values.name}”`, operator }, (w) => updateUnitRow(w, id, values));
  return { operationId };
}

export function deleteUnit(db: Db, id: number, operator: string): { operationId: number | null } {
  const unit = db.prepare(`SELECT name FROM units WHERE id = ?`).pluck().get(id) as string | undefined;
  if (unit === undefined) throw new AppError('NOT_FOUND', '该单位不存在，可能已被删除');
  const refs = db
    .prepare(
      `SELECT (SELECT count(*) FROM personnel WHERE unit_id = @id) AS personnel,
              (SELECT count(*) FROM inspection_items WHERE unit_id = @id) + (SELECT count(*) FROM penalty_list_items WHERE unit_id = @id) AS items,
              (SELECT count(*) FROM transfers WHERE from_unit_id = @id OR to_unit_id = @id) + (SELECT count(*) FROM import_batches WHERE unit_id = @id)
                + (SELECT count(*) FROM list_publications WHERE unit_id = @id) AS history`,
    )
    .get({ id }) as { personnel: number; items: number; history: number };
  if (refs.personnel > 0 || refs.items > 0 || refs.history > 0) {
    const parts = [
      refs.personnel > 0 ? `${refs.personnel} 名人员` : '',
      refs.items > 0 ? `${refs.items} 条检查事项或清单事项` : '',
      refs.history > 0 ? `${refs.history} 条调动、导入或发布记录` : '',
    ].filter(Boolean);
    throw new AppError('RULE_VIOLATION', `单位“${unit}”下还有${parts.join('、')}，不能删除。请先将人员调出、删除或移交相关记录。`);
  }
  const { operationId } = runOperation(db, { kind: 'delete', summary: `删除单位“${unit}”`, operator }, (w) => {
    w.delete('units', id);
  });
  return { operationId };
}
