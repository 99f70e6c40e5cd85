import { normaliseKeyText } from '../import/text-normalise.ts';
import { LIST_KIND_SHORT_LABELS, type ListKind } from './list-kinds.ts';

/**
 * Agencies write the same violation in slightly different ways: full-width or half-width
 * characters, stray spaces and line breaks, different punctuation, a leading number, 之 for 的,
 * 或者 for 或, with or without the closing 的. Comparing the normalised text finds the same
 * violation in two agencies' lists, or in two lists of one agency, so the clerk can review it.
 */

const LEADING_NUMBER = /^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[）)]|[0-9一二三四五六七八九十]{1,3}[、.．])+/u;

/**
 * The comparable form of a violation: the comparable form of any key text (normaliseKeyText: NFKC,
 * simplified characters, no white space, punctuation or symbols, lower case) after dropping a
 * leading number, with 或者 read as 或, 之 as 的, and no closing 的. The duplicate review and the
 * importer's matching of list entries both use it, so they agree on what "the same violation" is.
 */
export function normalizeViolationText(raw: string): string {
  // The leading number is recognised by its punctuation, so it goes before the punctuation does.
  let text = normaliseKeyText(raw.normalize('NFKC').trim().replace(LEADING_NUMBER, ''));
  text = text.replaceAll('或者', '或').replaceAll('之', '的');
  // The clause ending 的 ("……的") is written or left out at will.
  text = text.replace(/的+$/u, '');
  return text;
}

export type DuplicateFlagKind = 'cross_agency' | 'same_agency';

export interface ListEntryForComparison {
  id: number;
  unitId: number;
  listKind: ListKind;
  violation: string;
}

export interface DuplicateFlag<E extends ListEntryForComparison = ListEntryForComparison> {
  /** Stable while the same entries (agency and list) are involved; a review is remembered by it. */
  key: string;
  kind: DuplicateFlagKind;
  normalized: string;
  /** What the clerk reads as the reason for the flag. */
  reason: string;
  entries: E[];
}

/**
 * Lists that cannot both hold one violation of one agency without a clear difference in the
 * conditions: 不予处罚 means no penalty at all, 从轻 and 减轻 mean a (smaller) penalty.
 * 从轻 together with 减轻 is common (different degrees) and is not flagged.
 */
const CONFLICTING_PAIRS: ReadonlyArray<readonly [ListKind, ListKind]> = [
  ['no_penalty', 'lighter_penalty'],
  ['no_penalty', 'reduced_penalty'],
];

/** 不予实施行政强制措施 entries name coercive measures, not violations: they are not compared. */
const COMPARED_KINDS: ReadonlySet<ListKind> = new Set(['no_penalty', 'lighter_penalty', 'reduced_penalty']);

function memberSignature(entries: readonly ListEntryForComparison[]): string {
  return [...new Set(entries.map((e) => `${e.unitId}:${e.listKind}`))].sort().join(',');
}

export function findDuplicateFlags<E extends ListEntryForComparison>(entries: readonly E[]): DuplicateFlag<E>[] {
  const byText = new Map<string, E[]>();
  for (const entry of entries) {
    if (!COMPARED_KINDS.has(entry.listKind)) continue;
    const norm = normalizeViolationText(entry.violation);
    if (norm.length === 0) continue;
    const group = byText.get(norm);
    if (group) group.push(entry);
    else byText.set(norm, [entry]);
  }
  const flags: DuplicateFlag<E>[] = [];
  for (const [normalized, group] of byText) {
    if (group.length < 2) continue;
    const units = new Set(group.map((e) => e.unitId));
    if (units.size > 1) {
      flags.push({
        key: `cross|${normalized}|${memberSignature(group)}`,
        kind: 'cross_agency',
        normalized,
        reason: `同一违法行为出现在 ${units.size} 个单位的清单中`,
        entries: group,
      });
    }
    for (const unitId of units) {
      const mine = group.filter((e) => e.unitId === unitId);
      const kinds = new Set(mine.map((e) => e.listKind));
      const conflicts = CONFLICTING_PAIRS.filter(([a, b]) => kinds.has(a) && kinds.has(b));
      const repeatedInOneList = [...kinds].filter((k) => mine.filter((e) => e.listKind === k).length > 1);
      if (conflicts.length === 0 && repeatedInOneList.length === 0) continue;
      const reasons = [
        ...conflicts.map(([a, b]) => `同一单位的同一违法行为同时列入“${LIST_KIND_SHORT_LABELS[a]}”和“${LIST_KIND_SHORT_LABELS[b]}”清单`),
        ...repeatedInOneList.map((k) => `同一单位的“${LIST_KIND_SHORT_LABELS[k]}”清单中重复列出`),
      ];
      flags.push({
        key: `same|${unitId}|${normalized}|${memberSignature(mine)}|${mine.length}`,
        kind: 'same_agency',
        normalized,
        reason: reasons.join('；'),
        entries: mine,
      });
    }
  }
  return flags;
}
