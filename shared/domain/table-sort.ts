/**
 * How a table's rows are sorted by a column, on screen (renderer/app/table-columns.tsx) and in its
 * export and printout (electron/backend/tables/table-output.ts): one rule, so a file comes out in
 * the order the clerk saw.
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
