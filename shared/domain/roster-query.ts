import { normalizeIdNumber } from './id-number.ts';

/**
 * What the roster's search box and column headers mean. The backend turns this into SQL; the UI
 * uses the labels. Kept here so the roster page, the printed rosters and the tests agree.
 */

export const ROSTER_SORT_KEYS = [
  'unit',
  'name',
  'sex',
  'idNumber',
  'post',
  'staffingType',
  'category',
  'scope',
  'certType',
  'certNumber',
  'issueDate',
  'expiryDate',
  'status',
  'trainingHours',
  'legalReviewer',
] as const;
export type RosterSortKey = (typeof ROSTER_SORT_KEYS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;

/**
 * One search box for everything the clerk might have at hand on the phone: a name (or part of it),
 * pinyin initials (`zw` finds 张伟 and 周伟), an ID number or a fragment of it (the last digits),
 * or a certificate number (any of the person's cards, old ones included).
 */
export type RosterSearch =
  | { kind: 'none' }
  /** Latin letters: pinyin initials (prefix) or a certificate number containing them. */
  | { kind: 'initials'; initials: string; text: string }
  /** Digits (and X): part of an ID number or of a certificate number. */
  | { kind: 'digits'; digits: string }
  /** Anything else (Chinese): part of a name or of a certificate number. */
  | { kind: 'text'; text: string };

export function classifyRosterSearch(raw: string): RosterSearch {
  const folded = normalizeIdNumber(raw);
  if (folded.length === 0) return { kind: 'none' };
  if (/^[A-Z]+$/.test(folded)) return { kind: 'initials', initials: folded.toLowerCase(), text: folded };
  if (/^[0-9]+X?$/.test(folded)) return { kind: 'digits', digits: folded };
  return { kind: 'text', text: folded };
}
