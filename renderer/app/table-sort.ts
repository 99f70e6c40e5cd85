import type { TableSort } from '../../shared/domain/table-sort.ts';

/**
 * The pure rules behind the tables' column widths and remembered sort (renderer/app/table-columns.tsx),
 * kept apart from React so they can be tested in milliseconds. How rows compare lives in shared/.
 */

/** Width of a header text at `fontSize`: CJK characters and full-width punctuation are one em, the rest about 0.6 em. */
export function textWidth(text: string, fontSize = 14): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontSize);
}

/** Cell padding of a small table (8 px each side) plus its border. */
const HEADER_PADDING = 18;
/** The sort arrows beside a sortable title. */
const SORTER_WIDTH = 22;
/** The filter funnel of a column with a header filter. */
const FILTER_WIDTH = 28;

/**
 * The narrowest a column may be dragged: its heading on one line with its sort arrows and filter
 * funnel beside it, so a heading is never cut or broken into a column of single characters.
 */
export function headerMinWidth(text: string, features: { sortable: boolean; filterable: boolean }): number {
  return textWidth(text) + HEADER_PADDING + (features.sortable ? SORTER_WIDTH : 0) + (features.filterable ? FILTER_WIDTH : 0);
}

/** Stored widths from localStorage's text: only positive whole numbers per key survive a damaged value. */
export function parseWidths(raw: string | null): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed)
        .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] > 0)
        .map(([k, v]) => [k, Math.round(v)]),
    );
  } catch {
    return {};
  }
}

/** A stored sort from localStorage's text, or null when absent or damaged. */
export function parseSort(raw: string | null): TableSort | null {
  try {
    const parsed: unknown = JSON.parse(raw ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { key, order } = parsed as Record<string, unknown>;
    return typeof key === 'string' && key !== '' && (order === 'asc' || order === 'desc') ? { key, order } : null;
  } catch {
    return null;
  }
}
