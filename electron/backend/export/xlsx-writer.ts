import ExcelJS from 'exceljs';
import { columnLetter, sanitizeCellText } from '../../../shared/domain/spreadsheet-text.ts';

/**
 * The app's only door to ExcelJS (upstream releases slowly; keep it behind this adapter). Writes
 * print-ready sheets that open cleanly in WPS and Excel: a title, a bold header repeated on every
 * printed page, borders, wrapped text, frozen header, A4 page setup, 第 X 页 共 Y 页 in the footer.
 * Every value is written as a typed cell, never as a formula.
 */

export type CellValue = string | number | boolean | null | undefined;

export interface ColumnSpec {
  key: string;
  header: string;
  /** Width in characters (a CJK character counts as about 2). */
  width: number;
  /** 'text' cells are stored as text even when they look like numbers (ID and certificate numbers). */
  kind?: 'text' | 'number' | 'date';
  align?: 'left' | 'center' | 'right';
}

export interface CellMark {
  level: 'error' | 'warning' | 'note';
  /** Shown as the cell's comment (批注). */
  comment?: string;
}

export interface TableSheetSpec {
  name: string;
  title?: string;
  /** Lines under the title, e.g. 填报单位 / 制表日期. */
  subtitles?: string[];
  columns: ColumnSpec[];
  rows: ReadonlyArray<Record<string, CellValue>>;
  orientation?: 'portrait' | 'landscape';
  /** Marks on individual cells, keyed by data-row index then column key. */
  marks?: ReadonlyMap<number, ReadonlyMap<string, CellMark>>;
  /** Lines printed after the table, e.g. the signature block. */
  footerLines?: string[];
  /** Drop-down lists per column key (values, or a range on a list sheet for long lists). */
  validations?: Record<string, { list: string[] } | { range: string }>;
  /** Number of empty formatted rows to add (templates). */
  blankRows?: number;
  /**
   * Height in points of a data row, by data-row index (undefined: the application's default). For
   * wrapped multi-line cells, which LibreOffice and WPS do not always grow on their own.
   */
  rowHeight?: (dataIndex: number) => number | undefined;
  hidden?: boolean;
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF8C8C8C' } },
  left: { style: 'thin', color: { argb: 'FF8C8C8C' } },
  bottom: { style: 'thin', color: { argb: 'FF8C8C8C' } },
  right: { style: 'thin', color: { argb: 'FF8C8C8C' } },
};
const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const HEADER_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 11, bold: true };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 16, bold: true };
const MARK_FILL: Record<CellMark['level'], string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', note: 'FFDDEBF7' };

/** Excel forbids these in sheet names, and an apostrophe breaks print titles. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:']/g, '_').trim() || 'Sheet';
  return cleaned.slice(0, 31);
}

function toCell(value: CellValue, kind: ColumnSpec['kind']): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return sanitizeCellText(value);
  if (kind === 'text') return String(value);
  return value;
}

export class XlsxWorkbook {
  private readonly workbook = new ExcelJS.Workbook();

  constructor(creator = '执法台账') {
    this.workbook.creator = creator;
    this.workbook.created = new Date();
  }

  addTableSheet(spec: TableSheetSpec): ExcelJS.Worksheet {
    const colCount = spec.columns.length;
    const sheet = this.workbook.addWorksheet(safeSheetName(spec.name), {
      state: spec.hidden ? 'hidden' : 'visible',
      pageSetup: {
        paperSize: 9,
        orientation: spec.orientation ?? 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
    });
    sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width }));
    let rowNo = 0;
    if (spec.title) {
      rowNo += 1;
      sheet.mergeCells(rowNo, 1, rowNo, colCount);
      const cell = sheet.getCell(rowNo, 1);
      cell.value = sanitizeCellText(spec.title);
      cell.font = TITLE_FONT;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      sheet.getRow(rowNo).height = 30;
    }
    for (const line of spec.subtitles ?? []) {
      rowNo += 1;
      sheet.mergeCells(rowNo, 1, rowNo, colCount);
      const cell = sheet.getCell(rowNo, 1);
      cell.value = sanitizeCellText(line);
      cell.font = BODY_FONT;
      cell.alignment = { horizontal: 'left', vertical: 'middle' };
    }
    rowNo += 1;
    const headerRowNo = rowNo;
    const header = sheet.getRow(headerRowNo);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = HEADER_FONT;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    header.height = 24;

    const writeRow = (values: Record<string, CellValue> | null, dataIndex: number) => {
      rowNo += 1;
      const row = sheet.getRow(rowNo);
      const height = dataIndex >= 0 ? spec.rowHeight?.(dataIndex) : undefined;
      if (height !== undefined) row.height = height;
      spec.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.value = values ? toCell(values[c.key], c.kind) : null;
        if (c.kind === 'text') cell.numFmt = '@';
        if (c.kind === 'date') cell.numFmt = 'yyyy-mm-dd';
        cell.font = BODY_FONT;
        cell.border = BORDER;
        cell.alignment = { horizontal: c.align ?? 'left', vertical: 'middle', wrapText: true };
        const mark = spec.marks?.get(dataIndex)?.get(c.key);
        if (mark) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[mark.level] } };
          if (mark.comment) cell.note = sanitizeCellText(mark.comment);
        }
      });
    };
    spec.rows.forEach((values, i) => writeRow(values, i));
    for (let i = 0; i < (spec.blankRows ?? 0); i += 1) writeRow(null, -1);
    const lastDataRow = rowNo;

    for (const [key, rule] of Object.entries(spec.validations ?? {})) {
      const index = spec.columns.findIndex((c) => c.key === key);
      if (index < 0 || lastDataRow <= headerRowNo) continue;
      const formula = 'list' in rule ? `"${rule.list.join(',')}"` : rule.range;
      if ('list' in rule && formula.length > 255) throw new Error(`inline list for ${key} exceeds 255 characters; use a range`);
      const letter = columnLetter(index);
      for (let r = headerRowNo + 1; r <= lastDataRow; r += 1) {
        sheet.getCell(`${letter}${r}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: true,
          errorTitle: '取值无效',
          error: '请从下拉列表中选择',
        };
      }
    }

    if (spec.footerLines && spec.footerLines.length > 0) {
      rowNo += 1;
      for (const line of spec.footerLines) {
        rowNo += 1;
        sheet.mergeCells(rowNo, 1, rowNo, colCount);
        const cell = sheet.getCell(rowNo, 1);
        cell.value = sanitizeCellText(line);
        cell.font = BODY_FONT;
        sheet.getRow(rowNo).height = 22;
      }
    }

    sheet.views = [{ state: 'frozen', ySplit: headerRowNo, xSplit: 0 }];
    sheet.pageSetup.printTitlesRow = `${headerRowNo}:${headerRowNo}`;
    return sheet;
  }

  /** A plain sheet of lines (instructions, a summary). */
  addTextSheet(name: string, title: string, lines: string[]): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(safeSheetName(name), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.getColumn(1).width = 110;
    const titleCell = sheet.getCell(1, 1);
    titleCell.value = sanitizeCellText(title);
    titleCell.font = TITLE_FONT;
    lines.forEach((line, i) => {
      const cell = sheet.getCell(i + 3, 1);
      cell.value = sanitizeCellText(line);
      cell.font = BODY_FONT;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    return sheet;
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }
}
