import type { ListKind } from '../../../shared/domain/list-kinds.ts';
import type { FieldDiff, MissingRecord } from '../../../shared/import/check-schema.ts';
import { fieldLabel } from '../../../shared/import/column-synonyms.ts';
import type { RowStatus } from '../../../shared/import/import-kinds.ts';
import { makeIssue } from '../../../shared/import/issues.ts';
import { normalizeViolationText } from '../../../shared/domain/violation-text.ts';
import { normaliseKeyText } from '../../../shared/import/text-normalise.ts';
import type { Db } from '../db/open-database.ts';
import { ITEM_TEXT_FIELDS, LIST_TEXT_FIELDS, type ItemDraft, type ListDraft } from './catalog-rows.ts';
import { hasErrors, type RowDraft } from './row-draft.ts';

/**
 * A catalog or a list against the agency's records. Inspection items are keyed by the agency's
 * item code when the row has one, else by the normalised item name (an item the registry holds
 * without a code is found by name, and gets the code); list items by the normalised violation.
 * Records the file no longer lists are reported for the clerk's decision, never deleted.
 */

export interface CatalogPlan {
  action: 'add' | 'update';
  table: 'inspection_items' | 'penalty_list_items';
  recordId: number | null;
  values: Record<string, string | number | null>;
}

export interface ComparedRecord {
  status: RowStatus;
  diff: FieldDiff[];
  recordId: number | null;
  plan: CatalogPlan | null;
}

interface RegistryItem {
  id: number;
  item_code: string | null;
  name: string;
  category: string;
  sort_order: number;
  [field: string]: string | number | null;
}

export interface ItemRegistry {
  byCode: Map<string, RegistryItem>;
  byName: Map<string, RegistryItem>;
  all: RegistryItem[];
  maxSort: number;
}

export function loadItemRegistry(db: Db, unitId: number): ItemRegistry {
  const all = db
    .prepare(`SELECT id, item_code, name, category, ${ITEM_TEXT_FIELDS.join(', ')}, sort_order FROM inspection_items WHERE unit_id = ? ORDER BY sort_order, id`)
    .all(unitId) as RegistryItem[];
  const byCode = new Map<string, RegistryItem>();
  const byName = new Map<string, RegistryItem>();
  for (const item of all) {
    if (item.item_code) byCode.set(item.item_code, item);
    const key = normaliseKeyText(item.name);
    if (!byName.has(key)) byName.set(key, item);
  }
  return { byCode, byName, all, maxSort: all.reduce((m, i) => Math.max(m, i.sort_order), 0) };
}

function diffFields(shape: 'inspection_items' | 'penalty_list', existing: Record<string, string | number | null>, next: Record<string, string | null>): { diff: FieldDiff[]; patch: Record<string, string | null> } {
  const diff: FieldDiff[] = [];
  const patch: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(next)) {
    // An empty cell or an absent column is no information: it never erases what the registry holds.
    if (value === null) continue;
    const before = existing[field] ?? null;
    if (before === value) continue;
    patch[field] = value;
    diff.push({ field, label: fieldLabel(shape, field), before: before === null ? null : String(before), after: value });
  }
  return { diff, patch };
}

export function compareItem(draft: ItemDraft, registry: ItemRegistry, unitId: number | null, position: number, taken: Set<number>): ComparedRecord {
  const none: ComparedRecord = { status: 'error', diff: [], recordId: null, plan: null };
  if (hasErrors(draft) || unitId === null) return none;
  const it = draft.item;
  let existing = it.code !== null ? registry.byCode.get(it.code) : undefined;
  if (!existing && it.name !== null) {
    const byName = registry.byName.get(normaliseKeyText(it.name));
    if (byName && (it.code === null || byName.item_code === null)) existing = byName;
  }
  if (existing && taken.has(existing.id)) existing = undefined;
  const next: Record<string, string | null> = { item_code: it.code, name: it.name, category: it.category, ...it.texts };
  if (!existing) {
    return {
      status: 'add',
      diff: [],
      recordId: null,
      plan: { action: 'add', table: 'inspection_items', recordId: null, values: { unit_id: unitId, ...next, sort_order: registry.maxSort + position + 1 } },
    };
  }
  taken.add(existing.id);
  const { diff, patch } = diffFields('inspection_items', existing, next);
  return {
    status: diff.length > 0 ? 'change' : 'unchanged',
    diff,
    recordId: existing.id,
    plan: diff.length > 0 ? { action: 'update', table: 'inspection_items', recordId: existing.id, values: patch } : null,
  };
}

interface RegistryListItem {
  id: number;
  violation: string;
  sort_order: number;
  [field: string]: string | number | null;
}

export interface ListRegistry {
  byKey: Map<string, RegistryListItem>;
  all: RegistryListItem[];
  maxSort: number;
}

export function loadListRegistry(db: Db, unitId: number, listKind: ListKind): ListRegistry {
  const all = db
    .prepare(`SELECT id, violation, ${LIST_TEXT_FIELDS.join(', ')}, sort_order FROM penalty_list_items WHERE unit_id = ? AND list_kind = ? ORDER BY sort_order, id`)
    .all(unitId, listKind) as RegistryListItem[];
  const byKey = new Map<string, RegistryListItem>();
  for (const item of all) {
    const key = normalizeViolationText(item.violation);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  return { byKey, all, maxSort: all.reduce((m, i) => Math.max(m, i.sort_order), 0) };
}

export function compareListItem(draft: ListDraft, registry: ListRegistry, unitId: number | null, listKind: ListKind | null, position: number): ComparedRecord {
  const none: ComparedRecord = { status: 'error', diff: [], recordId: null, plan: null };
  if (hasErrors(draft) || unitId === null || listKind === null || draft.key === null) return none;
  const existing = registry.byKey.get(draft.key);
  const next: Record<string, string | null> = { violation: draft.listItem.violation, ...draft.listItem.texts };
  if (!existing) {
    return {
      status: 'add',
      diff: [],
      recordId: null,
      plan: { action: 'add', table: 'penalty_list_items', recordId: null, values: { unit_id: unitId, list_kind: listKind, ...next, sort_order: registry.maxSort + position + 1 } },
    };
  }
  const { diff, patch } = diffFields('penalty_list', existing, next);
  return {
    status: diff.length > 0 ? 'change' : 'unchanged',
    diff,
    recordId: existing.id,
    plan: diff.length > 0 ? { action: 'update', table: 'penalty_list_items', recordId: existing.id, values: patch } : null,
  };
}

/** Rows of one file naming the same item (by key) are all errors: which one is right is the agency's call. */
export function markKeyDuplicates(
  drafts: readonly (RowDraft & { key: string | null })[],
  file: string,
  sheet: string,
  field: string,
  what: (key: string) => string,
  columnOf: (field: string) => { column: string | null; header: string | null },
): void {
  const first = new Map<string, RowDraft & { key: string | null }>();
  const repeated = new Map<string, (RowDraft & { key: string | null })[]>();
  for (const d of drafts) {
    if (d.excluded || d.key === null) continue;
    const seen = first.get(d.key);
    if (seen === undefined) first.set(d.key, d);
    else repeated.set(d.key, [...(repeated.get(d.key) ?? [seen]), d]);
  }
  for (const [key, list] of repeated) {
    for (const d of list) {
      const others = list.filter((o) => o !== d).map((o) => `第 ${o.row} 行`);
      d.issues.push(makeIssue('DUPLICATE_IN_FILE', { file, sheet, row: d.row, field, ...columnOf(field) }, `${what(key)}与${others.join('、')}重复，无法确定以哪一行为准`));
    }
  }
}

export function missingItems(registry: ItemRegistry, matched: ReadonlySet<number>): MissingRecord[] {
  return registry.all
    .filter((i) => !matched.has(i.id))
    .map((i) => ({ recordId: i.id, label: i.name, detail: [i.item_code, i.category].filter(Boolean).join(' · '), openCertificate: null }));
}

export function missingListItems(registry: ListRegistry, matched: ReadonlySet<number>): MissingRecord[] {
  return registry.all
    .filter((i) => !matched.has(i.id))
    .map((i) => ({ recordId: i.id, label: i.violation, detail: String(i['matter'] ?? ''), openCertificate: null }));
}
