import { synonymVariants, type SearchSynonym } from './search-synonyms.ts';

/**
 * Full-text search of the catalog and the four lists. Chinese has no spaces between words, so the
 * query is taken literally: each space-separated term must occur as a substring. Terms of three or
 * more characters use the trigram index; one- and two-character terms the per-character index
 * (the trigram index silently finds nothing for them). Highlighting is computed from the same
 * terms, as character ranges, so no markup from data ever reaches the page.
 */

export const SEARCH_QUERY_MAX_LENGTH = 100;
export const SEARCH_MAX_TERMS = 8;
export const TRIGRAM_MIN_LENGTH = 3;
/** Above this many matches, search gives no per-agency counts (see the search result's `groups`). */
export const SEARCH_GROUP_LIMIT = 20_000;
/** Above this many matches, hits are ordered headline-first instead of by relevance score. */
export const SEARCH_RANK_LIMIT = 5_000;

export type SearchIndex = 'trigram' | 'chars';

export interface SearchTerm {
  text: string;
  index: SearchIndex;
  /** What the term also stands for through the synonym list (search-synonyms.ts): any of them matches. */
  alternatives?: string[];
}

/**
 * Characters the per-character index holds as tokens (migration 0002: unicode61 with categories
 * L* N* Co M* P* S*): everything but whitespace and control characters.
 */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}\p{M}\p{P}\p{S}]/u;

export function charLength(text: string): number {
  return [...text].length;
}

/**
 * Splits the query at spaces (half- or full-width); duplicate terms and terms inside others are
 * dropped. A term containing a listed abbreviation (or full form) also matches its variants; such
 * a term uses the trigram index only when every variant is long enough for it.
 */
export function parseSearchQuery(query: string, synonyms: readonly SearchSynonym[] = []): SearchTerm[] {
  const parts = query
    .replace(/\u3000/g, ' ')
    .split(/\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const unique = [...new Set(parts)];
  const kept = unique.filter((t) => !unique.some((other) => other !== t && other.toLowerCase().includes(t.toLowerCase())));
  return kept.slice(0, SEARCH_MAX_TERMS).map((text): SearchTerm => {
    const variants = synonymVariants(text, synonyms);
    const index = variants.every((v) => charLength(v) >= TRIGRAM_MIN_LENGTH) ? 'trigram' : 'chars';
    return variants.length > 1 ? { text, index, alternatives: variants.slice(1) } : { text, index };
  });
}

/** The term and its synonym variants. */
function variantsOf(term: SearchTerm): string[] {
  return [term.text, ...(term.alternatives ?? [])];
}

/** One term in a MATCH expression: its phrase, or its variants' phrases joined by OR. */
function anyOf(phrases: string[]): string | null {
  if (phrases.length === 0) return null;
  return phrases.length === 1 ? (phrases[0] ?? null) : `(${phrases.join(' OR ')})`;
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** FTS5 MATCH expression for the trigram index: every term as a phrase. */
export function trigramMatchExpression(terms: readonly SearchTerm[]): string | null {
  const parts = terms.filter((t) => t.index === 'trigram').flatMap((t) => anyOf(variantsOf(t).map(quote)) ?? []);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/**
 * FTS5 MATCH expression for the per-character index: each short term as a phrase of its
 * characters ("许 可"). Characters that index does not hold (control and format characters) are
 * left out; a term made only of them yields nothing.
 */
export function charsMatchExpression(terms: readonly SearchTerm[]): string | null {
  const parts: string[] = [];
  for (const t of terms) {
    if (t.index !== 'chars') continue;
    const phrases = variantsOf(t)
      .map((v) => [...v].filter((c) => TOKEN_CHAR.test(c)))
      .filter((chars) => chars.length > 0)
      .map((chars) => quote(chars.join(' ')));
    const part = anyOf(phrases);
    if (part) parts.push(part);
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/** True when some term can be searched at all. */
export function isSearchable(terms: readonly SearchTerm[]): boolean {
  return terms.some((t) => t.index === 'trigram' || [...t.text].some((c) => TOKEN_CHAR.test(c)));
}

export type Range = [start: number, end: number];

/** Where the terms occur in `text` (UTF-16 offsets, case-insensitive), merged and sorted. */
export function findMatchRanges(text: string, terms: readonly SearchTerm[]): Range[] {
  const haystack = text.toLowerCase();
  const found: [number, number][] = [];
  for (const needleText of terms.flatMap(variantsOf)) {
    const needle = needleText.toLowerCase();
    if (needle.length === 0 || needle.length !== needleText.length) continue;
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(needle, from);
      if (at < 0) break;
      found.push([at, at + needle.length]);
      from = at + needle.length;
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export interface Snippet {
  text: string;
  ranges: Range[];
  /** Text was cut before / after the snippet. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/** A window of `text` around its first match, at most `width` characters, line breaks kept. */
export function snippetAround(text: string, ranges: readonly Range[], width: number): Snippet {
  if (text.length <= width) return { text, ranges: [...ranges], cutBefore: false, cutAfter: false };
  const first = ranges[0];
  const start = first ? Math.max(0, Math.min(first[0] - Math.floor(width / 3), text.length - width)) : 0;
  const end = Math.min(text.length, start + width);
  const inside = ranges.filter((r) => r[1] > start && r[0] < end).map((r): Range => [Math.max(r[0], start) - start, Math.min(r[1], end) - start]);
  return { text: text.slice(start, end), ranges: inside, cutBefore: start > 0, cutAfter: end < text.length };
}

/** Splits text into plain and highlighted pieces for rendering as text nodes. */
export function splitByRanges(text: string, ranges: readonly Range[]): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s > pos) out.push({ text: text.slice(pos, s), hit: false });
    if (e > s) out.push({ text: text.slice(s, e), hit: true });
    pos = Math.max(pos, e);
  }
  if (pos < text.length) out.push({ text: text.slice(pos), hit: false });
  return out;
}
