import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import { normaliseWord } from '../../../shared/import/text-normalise.ts';
import type { Db } from '../db/open-database.ts';

/**
 * Recognises units in what agencies write: a title (沅江市公安局行政执法人员花名册), a 填报单位
 * line, a file name (市场监管局名册.xls), a 单位 column. Every unit's name, short name and aliases
 * (设置 › 单位管理) are searched; the longest one contained in the text wins, so 沅江市公安局 beats
 * 公安局. Two different units tied at the longest length is ambiguous and the clerk decides.
 */

export interface UnitInfo {
  /** Negative for a unit to add (not in the registry yet, see units-to-add.ts). */
  id: number;
  name: string;
  keepsLists: boolean;
  kind: UnitKind;
  /** Not in the unit list yet: added when the file is imported. */
  toAdd: boolean;
  /** In the unit list but not marked as an agency (执法主体) yet: marked when the file with its catalog or lists is imported. */
  toMark?: boolean;
}

export interface UnitIndex {
  units: ReadonlyMap<number, UnitInfo>;
  /** Normalised names and aliases, longest first. */
  terms: readonly { term: string; unitId: number }[];
}

export function loadUnitIndex(db: Db): UnitIndex {
  const rows = db.prepare(`SELECT id, name, short_name, kind, keeps_inspection_lists FROM units`).all() as {
    id: number;
    name: string;
    short_name: string | null;
    kind: UnitKind;
    keeps_inspection_lists: number;
  }[];
  const aliases = db.prepare(`SELECT alias, unit_id FROM unit_aliases`).all() as { alias: string; unit_id: number }[];
  const units = new Map<number, UnitInfo>();
  const terms = new Map<string, Set<number>>();
  const add = (text: string | null, unitId: number) => {
    if (!text) return;
    const term = normaliseWord(text);
    if ([...term].length < 2) return;
    let set = terms.get(term);
    if (!set) terms.set(term, (set = new Set()));
    set.add(unitId);
  };
  for (const r of rows) {
    units.set(r.id, { id: r.id, name: r.name, kind: r.kind, keepsLists: r.keeps_inspection_lists === 1, toAdd: false });
    add(r.name, r.id);
    add(r.short_name, r.id);
  }
  for (const a of aliases) add(a.alias, a.unit_id);
  const list: { term: string; unitId: number }[] = [];
  for (const [term, ids] of terms) for (const unitId of ids) list.push({ term, unitId });
  list.sort((a, b) => b.term.length - a.term.length);
  return { units, terms: list };
}

/** The index with more units (units to add, units to mark as agencies) and more names for known units; the terms stay longest first. */
export function extendUnitIndex(index: UnitIndex, units: readonly UnitInfo[], terms: readonly { text: string; unitId: number }[]): UnitIndex {
  const all = new Map(index.units);
  for (const u of units) all.set(u.id, u);
  const list = [...index.terms];
  for (const t of terms) {
    const term = normaliseWord(t.text);
    if ([...term].length >= 2 && !list.some((x) => x.term === term && x.unitId === t.unitId)) list.push({ term, unitId: t.unitId });
  }
  list.sort((a, b) => b.term.length - a.term.length);
  return { units: all, terms: list };
}

export type UnitMatch = { kind: 'none' } | { kind: 'one'; unitId: number; term: string } | { kind: 'ambiguous'; unitIds: number[] };

/** The unit a free text names (longest contained name or alias). */
export function unitNamedIn(index: UnitIndex, text: string): UnitMatch {
  const norm = normaliseWord(text);
  if (!norm) return { kind: 'none' };
  let bestLength = 0;
  const found = new Set<number>();
  let bestTerm = '';
  for (const { term, unitId } of index.terms) {
    if (term.length < bestLength) break;
    if (norm.includes(term)) {
      bestLength = term.length;
      bestTerm = term;
      found.add(unitId);
    }
  }
  if (found.size === 0) return { kind: 'none' };
  if (found.size > 1) return { kind: 'ambiguous', unitIds: [...found] };
  const [unitId] = [...found];
  return { kind: 'one', unitId: unitId ?? 0, term: bestTerm };
}

export function unitName(index: UnitIndex, id: number): string {
  return index.units.get(id)?.name ?? `单位#${id}`;
}
