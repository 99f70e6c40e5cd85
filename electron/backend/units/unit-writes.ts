import { AppError } from '../../../shared/api/errors.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { Db } from '../db/open-database.ts';
import type { Writer } from '../db/tracked-writes.ts';

/**
 * Writing units, inside a caller's operation (the Writer of runOperation). 单位管理 runs one of
 * these per operation (units-service.ts); the importer runs them for a whole unit list, and for the
 * units a submission names that the list lacks, inside the import's one operation. Both get the
 * same checks against the registry as it is inside the transaction, with the same messages: a name
 * or alias belongs to one unit, a unit holding a catalog, lists or publications stays an agency.
 */

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

/** The unit already called `name` (by its name or one of its aliases), other than `exceptId`. */
export function unitUsingName(db: Db, name: string, exceptId: number | null): string | undefined {
  return db
    .prepare(
      `SELECT u.name FROM units u WHERE u.name = ? AND u.id IS NOT ?
       UNION ALL SELECT u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE a.alias = ? AND a.unit_id IS NOT ?`,
    )
    .pluck()
    .get(name, exceptId, name, exceptId) as string | undefined;
}

export function assertNameFree(db: Db, name: string, exceptId: number | null): void {
  const clash = unitUsingName(db, name, exceptId);
  if (clash !== undefined) throw new AppError('CONFLICT', `名称“${name}”已被单位“${clash}”使用`);
}

/** The aliases worth keeping: trimmed, at least two characters, not the unit's own name, each once. */
export function cleanAliases(unitName: string, aliases: readonly string[]): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter((a) => a.length >= 2 && a !== unitName))];
}

/** Makes the unit's aliases exactly `aliases`. */
function syncAliases(w: Writer, unitId: number, unitName: string, aliases: readonly string[]): void {
  const wanted = cleanAliases(unitName, aliases);
  for (const alias of wanted) assertNameFree(w.db, alias, unitId);
  const existing = w.db.prepare(`SELECT id, alias FROM unit_aliases WHERE unit_id = ?`).all(unitId) as { id: number; alias: string }[];
  for (const row of existing) if (!wanted.includes(row.alias)) w.delete('unit_aliases', row.id);
  for (const alias of wanted) if (!existing.some((e) => e.alias === alias)) w.insert('unit_aliases', { unit_id: unitId, alias });
}

/** Adds aliases to a unit, keeping the ones it has. */
export function addUnitAliases(w: Writer, unitId: number, aliases: readonly string[]): void {
  const unit = w.get('units', unitId);
  if (!unit) throw new AppError('NOT_FOUND', '该单位不存在，可能已被删除');
  const existing = w.db.prepare(`SELECT alias FROM unit_aliases WHERE unit_id = ?`).pluck().all(unitId) as string[];
  syncAliases(w, unitId, String(unit['name']), [...existing, ...aliases]);
}

export function assertKeepsListsChangeAllowed(db: Db, unitId: number, keeps: boolean): void {
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

/** Adds a unit with its aliases; returns its id. */
export function insertUnitRow(w: Writer, values: UnitValues): number {
  assertNameFree(w.db, values.name, null);
  const id = w.insert('units', toColumns(values));
  syncAliases(w, id, values.name, values.aliases);
  return id;
}

/** Changes a unit and makes its aliases exactly `values.aliases`. */
export function updateUnitRow(w: Writer, id: number, values: UnitValues): void {
  if (!w.get('units', id)) throw new AppError('NOT_FOUND', '该单位不存在，可能已被删除');
  assertNameFree(w.db, values.name, id);
  assertKeepsListsChangeAllowed(w.db, id, values.keepsInspectionLists);
  w.update('units', id, toColumns(values));
  syncAliases(w, id, values.name, values.aliases);
}

/** A unit's current values, as updateUnitRow takes them (to change some and keep the rest). */
/** A `units` row as SQLite returns it (`SELECT * FROM units`). */
export interface UnitDbRow {
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
}

/** A unit's values as the services and the API speak of them, from its row and its aliases. */
export function unitValuesOf(r: UnitDbRow, aliases: string[]): UnitValues {
  return {
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    keepsInspectionLists: r.keeps_inspection_lists === 1,
    sortOrder: r.sort_order,
    staffingQuota: r.staffing_quota,
    contactPerson: r.contact_person,
    contactPhone: r.contact_phone,
    notes: r.notes,
    aliases,
  };
}

export function unitValues(db: Db, id: number): UnitValues {
  const r = db.prepare(`SELECT * FROM units WHERE id = ?`).get(id) as UnitDbRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', '该单位不存在，可能已被删除');
  return unitValuesOf(r, db.prepare(`SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY alias`).pluck().all(id) as string[]);
}
