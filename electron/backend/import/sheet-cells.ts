import type { RawCell } from '../../../shared/import/cell-cleaning.ts';
import { fileError } from '../../../shared/import/file-errors.ts';
import { FileReadError } from './file-read-error.ts';
import type { ImportLimits } from './import-limits.ts';

/**
 * The caps every sheet's cells go through, whichever reader produced them (SheetJS for workbooks,
 * csv-reading.ts for CSV): work is bounded by the cells a sheet really holds, never by the range it
 * spans. Cells beyond `maxColumns` are dropped (a sheet with one cell in column XFD costs one cell,
 * not 16,384), a text longer than a cell may hold is cut, and the file's non-empty cells are
 * counted against `maxCells` — each of them crosses to the preview and is checked there. What was
 * dropped or cut is kept as a finding, which parse-findings.ts turns into a warning naming the
 * sheet, the row and the column. Cells whose text is an XML entity reference (&xxe;) are noted too.
 */

export interface SheetFindings {
  /** Non-empty cells beyond the column cap (`limit`), ignored: the first (0-based row and column) and how many. */
  columnsCut: { row: number; column: number; count: number; limit: number } | null;
  /** Cells whose text was cut to the cap (`limit` characters): the first, its full length, and how many. */
  textCut: { row: number; column: number; length: number; count: number; limit: number } | null;
  /** Cells holding an entity reference as text, the first few of them, and how many in all. */
  entityCells: { row: number; column: number; text: string }[];
  entityCount: number;
}

export function noFindings(): SheetFindings {
  return { columnsCut: null, textCut: null, entityCells: [], entityCount: 0 };
}

export function hasFindings(f: SheetFindings): boolean {
  return f.columnsCut !== null || f.textCut !== null || f.entityCount > 0;
}

const ENTITY_CELLS_KEPT = 20;
/** A named entity reference left as text; the five XML predefines are ordinary escaped text. */
const ENTITY_REF = /&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z_:][\w.:-]*;/;

/** Shared by every sheet of one file: the non-empty cells it may still take. */
export interface CellBudget {
  left: number;
  readonly limits: ImportLimits;
  readonly fileName: string;
}

export function cellBudget(limits: ImportLimits, fileName: string): CellBudget {
  return { left: limits.maxCells, limits, fileName };
}

/**
 * One cell within the column cap, as it will be kept: cut when too long, noted when it holds an
 * entity reference, counted when not empty. Throws once the file holds more cells than allowed.
 */
export function keepCell(value: RawCell, row: number, column: number, findings: SheetFindings, budget: CellBudget, sheetName: string): RawCell {
  if (value === null || value === '') return value;
  if (budget.left <= 0) {
    const max = budget.limits.maxCells.toLocaleString('en-US');
    throw new FileReadError(fileError('FILE_TOO_MANY_CELLS', budget.fileName, `的工作表“${sheetName}”读到第 ${row + 1} 行时，有内容的单元格已超过每个文件 ${max} 个的上限`));
  }
  budget.left -= 1;
  if (typeof value !== 'string') return value;
  let text = value;
  if (text.length > budget.limits.maxCellChars) {
    if (findings.textCut) findings.textCut.count += 1;
    else findings.textCut = { row, column, length: text.length, count: 1, limit: budget.limits.maxCellChars };
    text = text.slice(0, budget.limits.maxCellChars);
  }
  if (text.includes('&') && ENTITY_REF.test(text)) {
    findings.entityCount += 1;
    if (findings.entityCells.length < ENTITY_CELLS_KEPT) findings.entityCells.push({ row, column, text: text.slice(0, 60) });
  }
  return text;
}

/** A non-empty cell beyond the column cap: noted, not kept. */
export function dropCell(value: RawCell, row: number, column: number, findings: SheetFindings, limit: number): void {
  if (value === null || value === '') return;
  // Rows are read in order and a row's cells left to right: the first noted is the first by position.
  if (findings.columnsCut) findings.columnsCut.count += 1;
  else findings.columnsCut = { row, column, count: 1, limit };
}

export interface Merge {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/**
 * Merged ranges clipped to the rows read and the column cap. The preview fills each range with its
 * value (merge-fill.ts), so the cells a range covers count against the file's cell cap like cells
 * written out; a range beyond what is left is dropped (A1:XFD1048576 over 200,000 rows would be
 * three billion cells to fill, and even clipped to 200 columns, 40 million). Real merges — a title
 * across the table, a unit name down a column — cover far fewer cells than the sheet holds.
 */
export function clipMerges(merges: readonly Merge[], rowCount: number, maxColumns: number, budget: CellBudget): Merge[] {
  const out: Merge[] = [];
  for (const m of merges) {
    if (m.s.r >= rowCount || m.s.c >= maxColumns || m.s.r < 0 || m.s.c < 0 || m.e.r < m.s.r || m.e.c < m.s.c) continue;
    const clipped = { s: { r: m.s.r, c: m.s.c }, e: { r: Math.min(m.e.r, rowCount - 1), c: Math.min(m.e.c, maxColumns - 1) } };
    const area = (clipped.e.r - clipped.s.r + 1) * (clipped.e.c - clipped.s.c + 1);
    if (area > budget.left) continue;
    budget.left -= area;
    out.push(clipped);
  }
  return out;
}
