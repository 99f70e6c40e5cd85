import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { FieldDiff } from '../../../shared/import/check-schema.ts';
import { cleanLongText, cleanText } from '../../../shared/import/cell-cleaning.ts';
import type { RowStatus } from '../../../shared/import/import-kinds.ts';
import { makeIssue } from '../../../shared/import/issues.ts';
import { normaliseWord } from '../../../shared/import/text-normalise.ts';
import { guessUnitKind, parseUnitKind, splitAliases, unitKindLabel } from '../../../shared/import/unit-names.ts';
import { parseYesNo } from '../../../shared/import/value-synonyms.ts';
import type { Db } from '../db/open-database.ts';
import { cleanAliases, unitValuesOf, type UnitDbRow, type UnitValues } from '../units/unit-writes.ts';
import { hasErrors, RowReader, type RowContext, type RowDraft } from './row-draft.ts';

/**
 * The clerk's unit list (单位名单: 单位名称, 类型, 是否行政执法单位, 简称/别名), one unit per row,
 * against the registry's units. A row names a unit by its name, short name or an alias (compared
 * whole, after normaliseWord); a known unit is compared field by field — an empty cell changes
 * nothing, aliases are only ever added — and a new one is added with its kind guessed from its
 * name when the row does not say. The commit writes through the units' write functions
 * (units/unit-writes.ts), which refuse what 单位管理 refuses.
 */

export interface UnitDraft extends RowDraft {
  unit: {
    name: string | null;
    kind: UnitKind | null;
    keepsLists: boolean | null;
    shortName: string | null;
    aliases: string[];
    notes: string | null;
  };
  /** The comparable form of the name. */
  key: string | null;
}

export type UnitPlan = { action: 'add'; values: UnitValues } | { action: 'update'; unitId: number; values: UnitValues };

interface RegistryUnit {
  id: number;
  values: UnitValues;
  holdsLists: boolean;
}

export interface UnitRegistry {
  /** Every name, short name and alias (normaliseWord) → the units called so. */
  byName: Map<string, RegistryUnit[]>;
  maxSort: number;
}

export function loadUnitRegistry(db: Db): UnitRegistry {
  const rows = db
    .prepare(
      `SELECT u.*, (EXISTS (SELECT 1 FROM inspection_items WHERE unit_id = u.id) OR EXISTS (SELECT 1 FROM penalty_list_items WHERE unit_id = u.id)
                    OR EXISTS (SELECT 1 FROM list_publications WHERE unit_id = u.id)) AS holds_lists
         FROM units u ORDER BY u.id`,
    )
    .all() as (UnitDbRow & { holds_lists: number })[];
  const aliases = db.prepare(`SELECT unit_id, alias FROM unit_aliases ORDER BY alias`).all() as { unit_id: number; alias: string }[];
  const byName = new Map<string, RegistryUnit[]>();
  const index = (text: string | null, unit: RegistryUnit) => {
    if (!text) return;
    const key = normaliseWord(text);
    const list = byName.get(key) ?? [];
    if (!list.includes(unit)) list.push(unit);
    byName.set(key, list);
  };
  let maxSort = 0;
  for (const r of rows) {
    maxSort = Math.max(maxSort, r.sort_order);
    const unit: RegistryUnit = {
      id: r.id,
      holdsLists: r.holds_lists === 1,
      values: unitValuesOf(
        r,
        aliases.filter((a) => a.unit_id === r.id).map((a) => a.alias),
      ),
    };
    index(r.name, unit);
    index(r.short_name, unit);
    for (const a of unit.values.aliases) index(a, unit);
  }
  return { byName, maxSort };
}

function text(reader: RowReader, field: string, max: number): string | null {
  if (!reader.has(field)) return null;
  const cleaned = field === 'notes' ? cleanLongText(reader.cell(field)) : cleanText(reader.cell(field));
  const value = cleaned.ok ? cleaned.value : null;
  if (value !== null && [...value].length > max) {
    reader.issue('TEXT_TOO_LONG', field, `内容超过 ${max} 个字`);
    return null;
  }
  reader.set(field, value);
  return value;
}

export function readUnitRow(rowIndex: number, ctx: RowContext): UnitDraft {
  const reader = new RowReader(rowIndex, ctx);
  const rawName = reader.has('name') ? cleanText(reader.cell('name')) : null;
  const name = rawName?.ok ? rawName.value : null;
  reader.set('name', name);
  if (name === null) reader.issue('UNIT_NAME_MISSING', 'name', '缺少单位名称');
  else if ([...name].length < 2 || [...name].length > 60) reader.issue('UNIT_NAME_INVALID', 'name', `单位名称“${name}”应为 2—60 个字`);

  let kind: UnitKind | null = null;
  const rawKind = text(reader, 'kind', 20);
  if (rawKind !== null) {
    kind = parseUnitKind(rawKind);
    if (kind === null && name !== null) {
      kind = guessUnitKind(name);
      reader.issue('UNIT_KIND_UNREADABLE', 'kind', `类型“${rawKind}”无法识别（应为“市直单位”或“乡镇（街道）”），按名称登记为“${unitKindLabel(kind)}”`);
    }
  }
  reader.set('kind', kind);

  let keepsLists: boolean | null = null;
  const rawFlag = text(reader, 'keeps_lists', 10);
  if (rawFlag !== null) {
    keepsLists = parseYesNo(rawFlag);
    if (keepsLists === null) reader.issue('VALUE_INVALID', 'keeps_lists', `“${rawFlag}”无法识别，应填“是”或“否”`);
  }
  reader.set('keeps_lists', keepsLists);

  const shortName = text(reader, 'short_name', 30);
  const aliasText = reader.has('aliases') ? cleanLongText(reader.cell('aliases')) : null;
  const aliases = aliasText?.ok && aliasText.value ? splitAliases(aliasText.value) : [];
  if (reader.has('aliases')) reader.set('aliases', aliases.length > 0 ? aliases.join('、') : null);
  const notes = text(reader, 'notes', 500);
  return Object.assign(reader.draft, {
    unit: { name, kind, keepsLists, shortName, aliases, notes },
    key: name !== null ? normaliseWord(name) : null,
  });
}

export interface ComparedUnit {
  status: RowStatus;
  diff: FieldDiff[];
  recordId: number | null;
  plan: UnitPlan | null;
}

interface UnitCompareContext {
  file: string;
  sheet: string;
  registry: UnitRegistry;
  /** Every name and alias the file's rows give, → the rows giving it (to find one name given to two units). */
  namesInFile: ReadonlyMap<string, ReadonlySet<number>>;
  columnOf: (field: string) => { column: string | null; header: string | null };
  position: number;
}

const LABELS: Record<string, string> = { kind: '类型', keeps_lists: '是否行政执法单位', short_name: '简称', aliases: '别名', notes: '备注' };

export function compareUnit(draft: UnitDraft, ctx: UnitCompareContext): ComparedUnit {
  const none: ComparedUnit = { status: 'error', diff: [], recordId: null, plan: null };
  const u = draft.unit;
  if (draft.key === null || u.name === null) return none;
  const at = (field: string) => ({ file: ctx.file, sheet: ctx.sheet, row: draft.row, field, ...ctx.columnOf(field) });
  const matches = ctx.registry.byName.get(draft.key) ?? [];
  if (matches.length > 1) {
    draft.issues.push(makeIssue('UNIT_AMBIGUOUS', at('name'), `“${u.name}”是${matches.map((m) => `“${m.values.name}”`).join('和')}共用的名称，无法确定是哪一个单位`));
    return none;
  }
  const existing = matches[0];
  // A name or alias of this row that is another unit's, in the registry or in another row of the file.
  for (const alias of [u.shortName, ...u.aliases]) {
    if (alias === null) continue;
    const key = normaliseWord(alias);
    const owners = (ctx.registry.byName.get(key) ?? []).filter((m) => m.id !== existing?.id);
    const field = alias === u.shortName ? 'short_name' : 'aliases';
    if (owners.length > 0) draft.issues.push(makeIssue('UNIT_NAME_TAKEN', at(field), `“${alias}”已是单位“${owners[0]?.values.name ?? ''}”的名称或别名，同一名称只能属于一个单位`));
    const otherRows = [...(ctx.namesInFile.get(key) ?? [])].filter((r) => r !== draft.row);
    if (otherRows.length > 0 && key !== draft.key) {
      draft.issues.push(makeIssue('UNIT_NAME_TAKEN', at(field), `“${alias}”在第 ${otherRows.join('、')} 行也用作单位名称或别名，同一名称只能属于一个单位`));
    }
  }
  if (hasErrors(draft)) return { ...none, recordId: existing?.id ?? null };

  if (!existing) {
    const kind = u.kind ?? guessUnitKind(u.name);
    if (u.kind === null && !draft.issues.some((i) => i.code === 'UNIT_KIND_UNREADABLE')) {
      draft.issues.push(makeIssue('UNIT_KIND_GUESSED', at('kind'), `未填类型，按名称登记为“${unitKindLabel(kind)}”`));
    }
    const values: UnitValues = {
      name: u.name,
      shortName: u.shortName,
      kind,
      keepsInspectionLists: u.keepsLists ?? false,
      sortOrder: ctx.registry.maxSort + ctx.position,
      staffingQuota: null,
      contactPerson: null,
      contactPhone: null,
      notes: u.notes,
      aliases: cleanAliases(u.name, u.aliases),
    };
    return { status: 'add', diff: [], recordId: null, plan: { action: 'add', values } };
  }

  const before = existing.values;
  const next: UnitValues = { ...before, aliases: [...before.aliases] };
  const diff: FieldDiff[] = [];
  if (u.kind !== null && u.kind !== before.kind) {
    next.kind = u.kind;
    diff.push({ field: 'kind', label: LABELS['kind'] ?? '', before: unitKindLabel(before.kind), after: unitKindLabel(u.kind) });
  }
  if (u.keepsLists !== null && u.keepsLists !== before.keepsInspectionLists) {
    if (!u.keepsLists && existing.holdsLists) {
      draft.issues.push(makeIssue('UNIT_KEEPS_LISTS_HELD', at('keeps_lists'), `表中为“否”，但“${before.name}”已有检查事项、清单或发布记录，仍保留为执法主体`));
    } else {
      next.keepsInspectionLists = u.keepsLists;
      diff.push({ field: 'keeps_lists', label: LABELS['keeps_lists'] ?? '', before: before.keepsInspectionLists ? '是' : '否', after: u.keepsLists ? '是' : '否' });
    }
  }
  if (u.shortName !== null && u.shortName !== before.shortName) {
    next.shortName = u.shortName;
    diff.push({ field: 'short_name', label: LABELS['short_name'] ?? '', before: before.shortName, after: u.shortName });
  }
  // The row may name the unit by an alias: its name, if not the registry's, becomes one more alias.
  const added = cleanAliases(before.name, [...(u.name !== before.name ? [u.name] : []), ...u.aliases]).filter((a) => !before.aliases.includes(a) && a !== next.shortName);
  if (added.length > 0) {
    next.aliases = [...before.aliases, ...added];
    diff.push({ field: 'aliases', label: LABELS['aliases'] ?? '', before: before.aliases.join('、') || null, after: next.aliases.join('、') });
  }
  if (u.notes !== null && u.notes !== before.notes) {
    next.notes = u.notes;
    diff.push({ field: 'notes', label: LABELS['notes'] ?? '', before: before.notes, after: u.notes });
  }
  return {
    status: diff.length > 0 ? 'change' : 'unchanged',
    diff,
    recordId: existing.id,
    plan: diff.length > 0 ? { action: 'update', unitId: existing.id, values: next } : null,
  };
}
