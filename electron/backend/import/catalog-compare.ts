import type { ListKind } from '../../../shared/domain/list-kinds.ts';
import type { FieldDiff, MissingRecord } from '../../../shared/import/check-schema.ts';
import { fieldLabel } from '../../../shared/import/column-synonyms.ts';
import type { RowStatus } from '../../../shared/import/import-kinds.ts';
import { makeIssue } from '../../../shared/import/issues.ts';
import type { Db } from '../db/open-database.ts';
import { itemIdentity, ITEM_TEXT_FIELDS, listIdentity, LIST_TEXT_FIELDS, sameEntry, type EntryIdentity, type ItemDraft, type ListDraft } from './catalog-rows.ts';
import { hasErrors, type RowDraft } from './row-draft.ts';

/**
 * A catalog or a list against the agency's records. An inspection item is keyed by the agency's
 * item code when the row has one, else by its name together with its 实施依据 and 检查对象 (an item
 * the registry holds without a code is found so, and gets the code); a list entry by its violation
 * together with its 违法依据 (违反条款) and 处罚依据 — the same conduct under two laws is two
 * entries. A part the row leaves empty does not tell entries apart (see sameEntry). Records the
 * file no longer lists are reported for the clerk's decision, never deleted.
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
  /** Items by normalised name, each with its identity. */
  byName: Map<string, { item: RegistryItem; identity: EntryIdentity }[]>;
  all: RegistryItem[];
  maxSort: number;
}

export function loadItemRegistry(db: Db, unitId: number): ItemRegistry {
  const all = db
    .prepare(`SELECT id, item_code, name, category, ${ITEM_TEXT_FIELDS.join(', ')}, sort_order FROM inspection_items WHERE unit_id = ? ORDER BY sort_order, id`)
    .all(unitId) as RegistryItem[];
  const byCode = new Map<string, RegistryItem>();
  const byName = new Map<string, { item: RegistryItem; identity: EntryIdentity }[]>();
  for (const item of all) {
    if (item.item_code) byCode.set(item.item_code, item);
    const identity = itemIdentity(item.name, item['basis'] as string | null, item['target'] as string | null);
    const list = byName.get(identity.headline);
    if (list) list.push({ item, identity });
    else byName.set(identity.headline, [{ item, identity }]);
  }
  return { byCode, byName, all, maxSort: all.reduce((m, i) => Math.max(m, i.sort_order), 0) };
}

function diffFields(
  shape: 'inspection_items' | 'penalty_list',
  existing: Record<string, string | number | null>,
  next: Record<string, string | null>,
): { diff: FieldDiff[]; patch: Record<string, string | null> } {
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
  if (existing && taken.has(existing.id)) existing = undefined;
  if (!existing && draft.identity !== null) {
    const identity = draft.identity;
    existing = registry.byName.get(identity.headline)?.find((c) => !taken.has(c.item.id) && (it.code === null || c.item.item_code === null) && sameEntry(identity, c.identity))?.item;
  }
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
  /** Entries by normalised violation, each with its identity. */
  byViolation: Map<string, { item: RegistryListItem; identity: EntryIdentity }[]>;
  all: RegistryListItem[];
  maxSort: number;
}

export function loadListRegistry(db: Db, unitId: number, listKind: ListKind): ListRegistry {
  const all = db
    .prepare(`SELECT id, violation, ${LIST_TEXT_FIELDS.join(', ')}, sort_order FROM penalty_list_items WHERE unit_id = ? AND list_kind = ? ORDER BY sort_order, id`)
    .all(unitId, listKind) as RegistryListItem[];
  const byViolation = new Map<string, { item: RegistryListItem; identity: EntryIdentity }[]>();
  for (const item of all) {
    const identity = listIdentity(item.violation, item['violation_basis'] as string | null, item['penalty_basis'] as string | null);
    const list = byViolation.get(identity.headline);
    if (list) list.push({ item, identity });
    else byViolation.set(identity.headline, [{ item, identity }]);
  }
  return { byViolation, all, maxSort: all.reduce((m, i) => Math.max(m, i.sort_order), 0) };
}

export function compareListItem(draft: ListDraft, registry: ListRegistry, unitId: number | null, listKind: ListKind | null, position: number, taken: Set<number>): ComparedRecord {
  const none: ComparedRecord = { status: 'error', diff: [], recordId: null, plan: null };
  if (hasErrors(draft) || unitId === null || listKind === null || draft.identity === null) return none;
  const identity = draft.identity;
  const existing = registry.byViolation.get(identity.headline)?.find((c) => !taken.has(c.item.id) && sameEntry(identity, c.identity))?.item;
  if (existing) taken.add(existing.id);
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

/**
 * Rows of one sheet that are the same entry (the same key: an item's code, or its name with its
 * basis and target; a violation with its clause and basis) are duplicates: each but the last gets a
 * warning and the status `duplicate`, and the last one is imported — a revised row is usually
 * added below the old one. Returns the rows left out, by row number, with the row that wins.
 */
export function markRepeatedEntries(
  drafts: readonly (RowDraft & { key: string | null })[],
  file: string,
  sheet: string,
  field: string,
  what: string,
  columnOf: (field: string) => { column: string | null; header: string | null },
): Map<number, number> {
  const last = new Map<string, RowDraft>();
  for (const d of drafts) if (!d.excluded && d.key !== null && !hasErrors(d)) last.set(d.key, d);
  const repeated = new Map<number, number>();
  for (const d of drafts) {
    if (d.excluded || d.key === null || hasErrors(d)) continue;
    const winner = last.get(d.key);
    if (!winner || winner === d) continue;
    repeated.set(d.row, winner.row);
    d.issues.push(makeIssue('DUPLICATE_ENTRY', { file, sheet, row: d.row, field, ...columnOf(field) }, `与第 ${winner.row} 行是同一${what}，以第 ${winner.row} 行为准，本行不导入`));
  }
  return repeated;
}

export function missingItems(registry: ItemRegistry, matched: ReadonlySet<number>): MissingRecord[] {
  return registry.all.filter((i) => !matched.has(i.id)).map((i) => ({ recordId: i.id, label: i.name, detail: [i.item_code, i.category].filter(Boolean).join(' · '), openCertificate: null }));
}

export function missingListItems(registry: ListRegistry, matched: ReadonlySet<number>): MissingRecord[] {
  return registry.all.filter((i) => !matched.has(i.id)).map((i) => ({ recordId: i.id, label: i.violation, detail: String(i['matter'] ?? ''), openCertificate: null }));
}
