import { FIGURE_KEYS, FIGURE_LABELS, type FigureCounts, type FigureKey } from './reported-figures.ts';

/**
 * Setting the registry's counts beside the reported ones. A difference is always returned (and
 * shown); nothing is adjusted to make the figures agree.
 */

export type RegistryCounts = Readonly<Record<FigureKey, number>>;

export interface ReconciliationRow {
  key: FigureKey | 'agencies' | 'published';
  label: string;
  reported: number | null;
  registry: number;
  /** registry − reported; null when the report states no figure. */
  difference: number | null;
}

export function difference(registry: number, reported: number | null): number | null {
  return reported === null ? null : registry - reported;
}

export function reconcileCounts(registry: RegistryCounts, reported: FigureCounts): ReconciliationRow[] {
  return FIGURE_KEYS.map((key) => ({ key, label: FIGURE_LABELS[key], reported: reported[key], registry: registry[key], difference: difference(registry[key], reported[key]) }));
}

export interface ConsistencyCheck {
  ok: boolean;
  text: string;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** A report must agree with itself: 事项总数 = 一般 + 重点 (1,771 = 1,538 + 233). */
export function checkReportedTotals(reported: FigureCounts): ConsistencyCheck | null {
  const { items, general, key } = reported;
  if (items === null || general === null || key === null) return null;
  const sum = general + key;
  return sum === items ? { ok: true, text: `${fmt(items)} = ${fmt(general)} + ${fmt(key)}` } : { ok: false, text: `${fmt(items)} ≠ ${fmt(general)} + ${fmt(key)}（相差 ${fmt(items - sum)}）` };
}

export function emptyCounts(): Record<FigureKey, number> {
  return { items: 0, general: 0, key: 0, no_penalty: 0, lighter_penalty: 0, reduced_penalty: 0, no_coercion: 0 };
}

export interface UnitNames {
  id: number;
  name: string;
  shortName: string | null;
  aliases: readonly string[];
}

function squeeze(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Finds the unit a report means by a name such as 市卫健局: its full name, short name or an
 * alias; failing that, the one unit whose full name ends with the name (沅江市公安局 for 市公安局).
 * Returns null when none or several fit: the clerk must see an unmatched name, not a guess.
 */
export function resolveUnitName(written: string, units: readonly UnitNames[]): number | null {
  const name = squeeze(written);
  const exact = units.filter((u) => squeeze(u.name) === name || (u.shortName !== null && squeeze(u.shortName) === name) || u.aliases.some((a) => squeeze(a) === name));
  if (exact.length === 1) return exact[0]?.id ?? null;
  if (exact.length > 1) return null;
  if (name.length < 3) return null;
  const suffix = units.filter((u) => squeeze(u.name).endsWith(name));
  return suffix.length === 1 ? (suffix[0]?.id ?? null) : null;
}

export interface PublishedComparison {
  /** Named in the report but not 已发布 in the registry. */
  namedButNotPublished: { written: string; unitId: number }[];
  /** 已发布 in the registry but not named in the report. */
  publishedButNotNamed: number[];
  /** Names in the report that match no unit (or several). */
  unresolved: string[];
}

export function comparePublishedAgencies(named: readonly string[], units: readonly UnitNames[], publishedUnitIds: ReadonlySet<number>): PublishedComparison {
  const namedIds = new Set<number>();
  const result: PublishedComparison = { namedButNotPublished: [], publishedButNotNamed: [], unresolved: [] };
  for (const written of named) {
    const id = resolveUnitName(written, units);
    if (id === null) {
      result.unresolved.push(written);
      continue;
    }
    namedIds.add(id);
    if (!publishedUnitIds.has(id)) result.namedButNotPublished.push({ written, unitId: id });
  }
  for (const id of publishedUnitIds) if (!namedIds.has(id)) result.publishedButNotNamed.push(id);
  return result;
}
