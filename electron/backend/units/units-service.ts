import { AppError } from '../../../shared/api/errors.ts';
import type { UnitRow } from '../../../shared/api/methods/units.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation, type Writer } from '../db/tracked-writes.ts';

export interface UnitValues {
  name: string;
  shortName: string | null;
  kind: UnitKind;
  keepsInspectionLists: boolean;
  sortOrder: number;
  staffingQuota: number | null;
  contactPerson: string | null;
  contactPhone: string | null;
  notes: string | null;
  aliases: string[];
}

interface UnitDbRow {
  id: number;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  keeps_inspection_lists: number;
  sort_order: number;
  staffing_quota: number | null;
  contact_person: string | null;
  contact_phone: string | null;
  notes: string | null;
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
    .all() as UnitDbRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    keepsInspectionLists: r.keeps_inspection_lists === 1,
    sortOrder: r.sort_order,
    staffingQuota: r.staffing_quota,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    notes: r.notes,
    aliases: r.aliases ? r.aliases.split('\u001f') : [],
    personnelCount: r.personnel_count,
    inspectionItemCount: r.item_count,
    listItemCount: r.list_count,
    updatedAt: r.updated_at,
  }));
}

function toColumns(v: UnitValues) {
  return {
    name: v.name,
    short_name: v.shortName,
    kind: v.kind,
    keeps_inspection_lists: v.keepsInspectionLists ? 1 : 0,
    sort_order: v.sortOrder,
    staffing_quota: v.staffingQuota,
    contact_person: v.contactPerson,
    contact_phone: v.contactPhone,
    notes: v.notes,
  };
}

function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = db
    .prepare(
      `SELECT u.name FROM units u WHERE u.name = ? AND u.id IS NOT ?
       UNION ALL SELECT u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE a.alias = ? AND a.unit_id IS NOT ?`,
    )
    .pluck()
    .get(name, exceptId, name, exceptId) as string | undefined;
  if (clash !== undefined) throw new AppError('CONFLICT', `名称“${name}”已被单位“${clash}”使用`);
}

function syncAliases(w: Writer, unitId: number, unitName: string, aliases: string[]): void {
  const wanted = [...new Set(aliases.map((a) => a.trim()).filter((a) => a.length >= 2 && a !== unitName))];
  for (const alias of wanted) assertNameFree(w.db, alias, unitId);
  const existing = w.db.prepare(`SELECT id, alias FROM unit_aliases WHERE unit_id = ?`).all(unitId) as { id: number; alias: string }[];
  for (const row of existing) if (!wanted.includes(row.alias)) w.delete('unit_aliases', row.id);
  for (const alias of wanted) if (!existing.some((e) => e.alias === alias)) w.insert('unit_aliases', { unit_id: unitId, alias });
}

function assertKeepsListsChangeAllowed(db: Db, unitId: number, keeps: boolean): void {
  if (keeps) return;
  const held = db
    .prepare(
      `SELECT (SELECT count(*) FROM inspection_items WHERE unit_id = ?) + (SELECT count(*) FROM penalty_list_items WHERE unit_id = ?) + (SELECT count(*) FROM list_publications WHERE unit_id = ?)`,
    )
    .pluck()
    .get(unitId, unitId, unitId) as number;
  if (held > 0) {
    throw new AppError('RULE_VIOLATION', `该单位还有 ${held} 条检查事项、清单事项或发布记录，不能取消“执法主体（编制清单）”标记。请先删除或移交这些记录。`);
  }
}

export function createUnit(db: Db, values: UnitValues, operator: string): { id: number; operationId: number | null } {
  assertNameFree(db, values.name, null);
  const { operationId, value } = runOperation(db, { kind: 'create', summary: `新增单位“${values.name}”`, operator }, (w) => {
    const id = w.insert('units', toColumns(values));
    syncAliases(w, id, values.name, values.aliases);
    return id;
  });
  return { id: value, operationId };
}

export function updateUnit(db: Db, id: number, values: UnitValues, operator: string): { operationId: number | null } {
  const current = db.prepare(`SELECT name FROM units WHERE id = ?`).pluck().get(id) as string | undefined;
  if (current === undefined) throw new AppError('NOT_FOUND', '该单位不存在，可能已被删除');
  assertNameFree(db, values.name, id);
  assertKeepsListsChangeAllowed(db, id, values.keepsInspectionLists);
  const { operationId } = runOperation(db, { kind: 'update', summary: `修改单位“${values.name}”`, operator }, (w) => {
    w.update('units', id, toColumns(values));
    syncAliases(w, id, values.name, values.aliases);
  });
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
