/**
 * The pure rules behind the tables' sorting and column widths (renderer/app/table-columns.tsx), kept
 * apart from React so they can be tested in milliseconds.
 */

export type SortOrder = 'asc' | 'desc';

/** A table's sort: the column's key and the direction; null is the order the data came in. */
export interface TableSort {
  key: string;
  order: SortOrder;
}

/** What a column compares by: text (zh-CN collation), a number, a yes/no, or nothing (an empty cell). */
export type CellValue = string | number | boolean | null | undefined;

/**
 * zh-CN collation puts Chinese text in pinyin order (code-point order of characters means nothing to a
 * clerk); `numeric` puts 〔2026〕9号 before 〔2026〕12号 and 第2项 before 第10项, as a person reads them.
 */
const COLLATOR = new Intl.Collator('zh-CN', { numeric: true });

function isEmpty(v: CellValue): v is null | undefined | '' {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Ascending comparison of two non-empty cells: numbers by value, yes before no, text by zh-CN collation (dates as YYYY-MM-DD sort as text). */
export function compareCells(a: CellValue, b: CellValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? -1 : 1;
  return COLLATOR.compare(String(a), String(b));
}

/**
 * The rows in the order asked, stable (equal cells keep the data's own order), with empty cells last in
 * both directions, as the roster's backend sorts them: a descending sort by 有效期至 starts with dates,
 * not with the people who have none.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => CellValue, order: SortOrder): T[] {
  const keyed = rows.map((row, index) => ({ row, index, v: value(row) }));
  const sign = order === 'asc' ? 1 : -1;
  keyed.sort((x, y) => {
    const ex = isEmpty(x.v);
    const ey = isEmpty(y.v);
    if (ex || ey) return ex === ey ? x.index - y.index : ex ? 1 : -1;
    return sign * compareCells(x.v, y.v) || x.index - y.index;
  });
  return keyed.map((k) => k.row);
}

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
