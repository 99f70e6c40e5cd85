import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCell, XlsxWorkbook } from '../../electron/backend/export/xlsx-writer.ts';
import { formulaCount, textCells, unescapedFormulaCells } from '../helpers/xlsx-xml.ts';

/**
 * The one door every export writes through: typed cells, and text that looks like a formula kept
 * exactly but escaped (Excel's leading apostrophe and the text format), never evaluated.
 */

export const FORMULA_LIKE = ['=HYPERLINK("http://example.com","点此")', '+86 0737', '-1+2', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"];

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe('the workbook writer', () => {
  it('escapes every formula-looking text and nothing else', () => {
    for (const text of FORMULA_LIKE) expect(toCell(text, 'general'), JSON.stringify(text)).toEqual({ value: text.replace('\r', '\n'), quoted: true });
    expect(toCell('沅江市公安局', 'general')).toEqual({ value: '沅江市公安局', quoted: false });
    expect(toCell('a=b', 'general').quoted).toBe(false);
    // Numbers stay numbers; a negative number is not text.
    expect(toCell(-3, 'difference')).toEqual({ value: -3, quoted: false });
    expect(toCell('12', 'integer')).toEqual({ value: 12, quoted: false });
    // A code is text even when it is digits; one beginning with - is escaped like any text.
    expect(toCell(43098119800101, 'text')).toEqual({ value: '43098119800101', quoted: false });
    expect(toCell('-001', 'text')).toEqual({ value: '-001', quoted: true });
    // Dates are dates.
    expect(toCell('2024-03-15', 'date')).toEqual({ value: new Date(Date.UTC(2024, 2, 15)), quoted: false });
    // Characters XML forbids are dropped (a stray control character would make the file unreadable).
    expect(toCell('王\u0001伟', 'general').value).toBe('王伟');
  });

  it('writes formula-looking text as escaped text cells that read back exactly', async () => {
    const book = new XlsxWorkbook();
    await book.addTableSheet({
      name: '测试',
      title: '=标题',
      subtitles: ['+副标题'],
      columns: [
        { key: 'text', header: '文字', width: 30 },
        { key: 'id', header: '编号', width: 20, kind: 'text' },
        { key: 'n', header: '数', width: 8, kind: 'integer' },
        { key: 'd', header: '日期', width: 12, kind: 'date' },
      ],
      rows: FORMULA_LIKE.map((text, i) => ({ values: { text, id: i % 2 ? `-${i}` : `430${i}`, n: -i, d: '2024-03-15' } })),
      footerLines: ['@落款'],
    });
    const bytes = await book.toBuffer();
    expect(formulaCount(bytes)).toBe(0);
    expect(unescapedFormulaCells(bytes)).toEqual([]);
    const escaped = textCells(bytes).filter((c) => c.quotePrefix);
    // Every formula-looking row text, the odd codes, the title, the subtitle and the closing line.
    // (A CR in a cell is written as the LF of a line break.)
    const written = FORMULA_LIKE.map((t) => t.replace('\r', '\n'));
    expect(escaped.map((c) => c.text)).toEqual(expect.arrayContaining([...written, '-1', '-3', '=标题', '+副标题', '@落款']));

    const sheet = (await load(bytes)).worksheets[0]!;
    written.forEach((text, i) => {
      const cell = sheet.getCell(4 + i, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.numFmt).toBe('@');
    });
    expect(sheet.getCell('C4').value).toBe(0);
    expect(sheet.getCell('C5').value).toBe(-1);
    expect(sheet.getCell('C5').numFmt).toBe('0');
    expect(sheet.getCell('D4').value).toEqual(new Date(Date.UTC(2024, 2, 15)));
    expect(sheet.getCell('D4').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('B5').value).toBe('-1');
  });
});
