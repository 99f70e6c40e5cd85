import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../electron/backend/import/csv-reading.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../electron/backend/import/import-limits.ts';
import { cellBudget } from '../../electron/backend/import/sheet-cells.ts';
import type { RawCell } from '../../shared/import/cell-cleaning.ts';

/**
 * The CSV reader: the same rows as SheetJS's own reading of the same text (held to it here), under
 * the caps — columns, characters per cell, cells per file, rows.
 */

const limits = (over: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...over });
const csv = (text: string, over: Partial<ImportLimits> = {}) => readCsvRows(text, 'Sheet1', cellBudget(limits(over), '名册.csv'));

/** SheetJS's reading of a CSV text, as the importer used it before (raw, dense), in the importer's row shape. */
function sheetJsRows(text: string): RawCell[][] {
  const wb = XLSX.read(text, { type: 'string', raw: true, dense: true });
  const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
  const data = (ws as XLSX.DenseWorkSheet | undefined)?.['!data'] ?? [];
  const rows = Array.from({ length: data.length }, (_, r) => {
    const src = data[r] ?? [];
    const row: RawCell[] = Array.from({ length: src.length }, (_, c) => (src[c]?.v as RawCell | undefined) ?? null);
    while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    return row;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

describe('reading CSV text', () => {
  it.each([
    ['commas, CRLF, a quoted cell with a comma and doubled quotes', '姓名,身份证号,备注\r\n张伟,430102198503150110,"甲,乙 ""丙"""\r\n'],
    ['semicolons (guessed)', 'a;b;c\n1;2;3\n'],
    ['tabs (guessed)', 'a\tb\n1\t2\n'],
    ['an explicit sep= line', 'sep=;\r\na;b\r\n1,5;2\r\n'],
    ['a quoted line break', '姓名,地址\n王伟,"沅江市\n琼湖街道"\n'],
    ['empty cells and a last line without a newline', 'a,,c\n,,\n1,2'],
    ['a quote inside an unquoted cell', 'a,b"c,d\n'],
    ['an 18-digit ID and a dotted date stay text', '430102198503150110,2021.3.15,1e5,TRUE\n'],
    ['old Mac line ends', 'a,b\r1,2\r'],
  ])('%s: the same rows as SheetJS', (_name, text) => {
    expect(csv(text).rows).toEqual(sheetJsRows(text));
  });

  it('keeps the first 200 columns of a long line and notes what it dropped', () => {
    const line = Array.from({ length: 500 }, (_, i) => String(i)).join(',');
    const read = csv(`${line}\nx,y\n`);
    expect(read.rows[0]).toHaveLength(200);
    expect(read.rows[0]?.[199]).toBe('199');
    expect(read.rows[1]).toEqual(['x', 'y']);
    expect(read.findings.columnsCut).toEqual({ row: 0, column: 200, count: 300, limit: 200 });
  });

  it('cuts a cell longer than a cell may hold, and says how long it was', () => {
    const read = csv(`a,"${'x'.repeat(40_000)}"\n`);
    expect((read.rows[0]?.[1] as string).length).toBe(32_767);
    expect(read.findings.textCut).toEqual({ row: 0, column: 1, length: 40_000, count: 1, limit: 32_767 });
  });

  it('refuses a file with more cells than the cap, naming the sheet and the row', () => {
    expect(() => csv('1,2,3\n4,5,6\n7,8,9\n', { maxCells: 7 })).toThrow(/工作表“Sheet1”读到第 3 行时，有内容的单元格已超过每个文件 7 个的上限/);
  });

  it('stops at the row cap (200 rows above the data allowed for) and says whether anything was left over', () => {
    const over = csv('a\n'.repeat(300), { maxRows: 1 });
    expect([over.rows.length, over.overRowCap]).toEqual([201, true]);
    expect(csv(`${'a\n'.repeat(201)}\n\n,,\n`, { maxRows: 1 }).overRowCap).toBe(false);
  });
});
