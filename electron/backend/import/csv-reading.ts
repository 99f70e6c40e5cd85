import type { RawCell } from '../../../shared/import/cell-cleaning.ts';
import { dropCell, keepCell, noFindings, type CellBudget, type SheetFindings } from './sheet-cells.ts';

/**
 * Splits the text of a CSV file into rows of text cells, the way SheetJS's CSV reader does (its
 * separator guess, `sep=` line, quoting and `""` rules, with `raw` so every cell stays text) but in
 * one pass that keeps only what the caps allow: cells beyond the column cap are counted, not kept,
 * reading stops after the row cap, and the file's cells count against the cell cap. A 50 MB line of
 * "1,1,1,…" is one row of 200 cells and a warning, read in a fraction of a second (SheetJS built
 * an object for each of its 26 million cells: 67 s and 2.7 GB). Every cell is a string: an 18-digit
 * ID and "2021.3.15" stay as written.
 */

export interface CsvRows {
  rows: RawCell[][];
  findings: SheetFindings;
  /** Reading stopped at the row cap with text left over. */
  overRowCap: boolean;
}

const SEPARATORS: Readonly<Record<number, number>> = { 0x2c: 3, 0x09: 2, 0x3b: 1, 0x7c: 0 };

/** SheetJS's guess: the separator found most often outside quotes in the first 1,024 characters; ties by , \t ; |. */
export function guessSeparator(text: string): number {
  const head = text.slice(0, 1024);
  const count = new Map<number, number>();
  let quoted = false;
  for (let i = 0; i < head.length; i += 1) {
    const cc = head.charCodeAt(i);
    if (cc === 0x22) quoted = !quoted;
    else if (!quoted && cc in SEPARATORS) count.set(cc, (count.get(cc) ?? 0) + 1);
  }
  let best = 0x2c;
  let bestCount = -1;
  for (const [cc, weight] of Object.entries(SEPARATORS).map(([k, w]) => [Number(k), w] as const)) {
    const n = count.get(cc) ?? 0;
    if (n > bestCount || (n === bestCount && weight > (SEPARATORS[best] ?? 0))) {
      best = cc;
      bestCount = n;
    }
  }
  return best;
}

export function readCsvRows(input: string, sheetName: string, budget: CellBudget): CsvRows {
  const { maxColumns, maxRows } = budget.limits;
  // A header above the data is allowed for, as with SheetJS's sheetRows; reaching this many rows means the sheet is over the cap.
  const rowCap = maxRows + 200;
  const findings = noFindings();
  let text = input;
  let sep: number;
  if (text.startsWith('sep=') && (text.charCodeAt(5) === 0x0d || text.charCodeAt(5) === 0x0a)) {
    sep = text.charCodeAt(4);
    text = text.slice(text.charCodeAt(5) === 0x0d && text.charCodeAt(6) === 0x0a ? 7 : 6);
  } else {
    sep = guessSeparator(text);
  }

  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let lastFilled = -1;
  let r = 0;
  let c = 0;
  let start = 0;
  let quoted = false;
  let startsQuoted = text.charCodeAt(0) === 0x22;

  const endCell = (end: number) => {
    if (c < maxColumns) {
      let s = text.slice(start, end);
      if (s.endsWith('\r')) s = s.slice(0, -1);
      if (s.length >= 2 && s.charCodeAt(0) === 0x22 && s.charCodeAt(s.length - 1) === 0x22) s = s.slice(1, -1).replace(/""/g, '"');
      else if (s === '"') s = '';
      if (s !== '') {
        while (row.length < c) row.push(null);
        row.push(keepCell(s, r, c, findings, budget, sheetName));
        lastFilled = c;
      }
    } else if (end > start) {
      dropCell(text.slice(start, Math.min(end, start + 1)), r, c, findings, maxColumns);
    }
    start = end + 1;
    startsQuoted = text.charCodeAt(start) === 0x22;
  };
  const endRow = () => {
    row.length = lastFilled + 1;
    rows.push(row);
    row = [];
    lastFilled = -1;
    r += 1;
    c = 0;
  };

  let end = 0;
  for (; end < text.length && r < rowCap; end += 1) {
    const cc = text.charCodeAt(end);
    if (cc === 0x22) {
      if (startsQuoted) quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (cc === sep) {
      endCell(end);
      c += 1;
    } else if (cc === 0x0a || cc === 0x0d) {
      const cellEnd = end;
      if (cc === 0x0d && text.charCodeAt(end + 1) === 0x0a) end += 1;
      endCell(cellEnd);
      start = end + 1;
      startsQuoted = text.charCodeAt(start) === 0x22;
      endRow();
    }
  }
  const rest = /[^\s,;|"]/g;
  rest.lastIndex = end;
  const overRowCap = r >= rowCap && rest.test(text);
  if (r < rowCap && end > start) {
    endCell(end);
    endRow();
  } else if (row.length > 0) {
    endRow();
  }
  // Trailing empty rows are dropped, as the workbook reader does.
  let last = rows.length - 1;
  while (last >= 0 && (rows[last]?.length ?? 0) === 0) last -= 1;
  rows.length = last + 1;
  return { rows, findings, overRowCap };
}
