import { AppError } from '../../../shared/api/errors.ts';
import type { TableDocument, TableKind, TableRequest } from '../../../shared/api/methods/tables.ts';
import { formatChineseDate } from '../../../shared/domain/dates.ts';
import { csvSafeText } from '../../../shared/domain/spreadsheet-text.ts';
import { sortRows } from '../../../shared/domain/table-sort.ts';
import { signatureLine } from '../export/xlsx-style.ts';
import { XlsxWorkbook, type ColumnSpec } from '../export/xlsx-writer.ts';
import type { TableColumnDef, TableData, TableRowValues, TableValue } from './table-sources.ts';

/**
 * A loaded table turned into what the clerk asked for: the columns shown on screen in their order,
 * the screen's sort, numbered rows; then a print document (the rosters' shape), a workbook
 * (typed cells through the one xlsx writer) or a CSV file (UTF-8 with BOM, CRLF, RFC 4180).
 */

const SIGNATURE = ['经办人', '审核人', '日期'];
/** A printout longer than this is refused, like the rosters: the browser cannot lay out more. */
const PRINT_ROW_LIMIT = 20_000;

export interface ShapedTable {
  data: TableData;
  columns: TableColumnDef[];
  rows: TableRowValues[];
  /** The 合计 row after the numbered rows, or null. */
  total: TableRowValues | null;
}

/**
 * The columns asked for (unknown keys are ignored; 序号 always comes first, as on every printed
 * list), the rows in the screen's order, numbered after sorting.
 */
export function shapeTable(data: TableData, request: TableRequest): ShapedTable {
  const byKey = new Map(data.columns.map((c) => [c.key, c]));
  const seq = byKey.get('seq');
  const wanted = (request.columns ?? data.columns.map((c) => c.key)).filter((k) => k !== 'seq');
  const chosen = [...new Set(wanted)].flatMap((k) => {
    const c = byKey.get(k);
    return c ? [c] : [];
  });
  if (chosen.length === 0) throw new AppError('INVALID_INPUT', '没有可导出的列，请在“列”中至少选择一列');
  const columns = seq ? [seq, ...chosen] : chosen;
  let rows = data.rows;
  const sort = request.sort;
  if (sort && !data.sorted && byKey.has(sort.key) && sort.key !== 'seq') {
    // The screen's comparison, so the file comes out in the order the clerk saw.
    rows = sortRows(rows, (row) => row[sort.key], sort.order);
  }
  return { data, columns, rows: rows.map((r, i) => ({ ...r, seq: i + 1 })), total: data.totalRow ? { ...data.totalRow, seq: null } : null };
}

function subtitleOf(shaped: ShapedTable, today: string): string {
  return [`制表日期：${formatChineseDate(today)}`, ...shaped.data.selection, `共 ${shaped.rows.length} ${shaped.data.countWord}`].join('　　');
}

function printText(value: TableValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

export function tableDocument(kind: TableKind, shaped: ShapedTable, ctx: { today: string; bureauName: string; fullIdNumbers: boolean }): TableDocument {
  if (shaped.rows.length > PRINT_ROW_LIMIT) {
    throw new AppError('RULE_VIOLATION', `表格共 ${shaped.rows.length} 行，超过一次打印 ${PRINT_ROW_LIMIT.toLocaleString('en-US')} 行的上限，请先筛选，或导出 Excel 后分批打印。`);
  }
  return {
    kind,
    title: shaped.data.title,
    bureauName: ctx.bureauName,
    date: ctx.today,
    subtitle: subtitleOf(shaped, ctx.today),
    columns: shaped.columns.map((c) => ({ key: c.key, header: c.header, weight: c.weight, xlsxWidth: c.xlsxWidth, align: c.align, nowrap: c.nowrap, cell: c.cell })),
    sections: [
      { heading: null, rows: [...shaped.rows, ...(shaped.total ? [shaped.total] : [])].map((r) => Object.fromEntries(shaped.columns.map((c) => [c.key, printText(r[c.key])]))), signed: true },
    ],
    total: shaped.rows.length,
    signatureItems: SIGNATURE,
    issuer: null,
    fullIdNumbers: ctx.fullIdNumbers,
    certificateIds: [],
    footnote: null,
    emptyText: '没有符合条件的记录',
  };
}

export async function tableWorkbook(shaped: ShapedTable, today: string): Promise<Buffer> {
  const book = new XlsxWorkbook();
  const columns: ColumnSpec[] = shaped.columns.map((c) => ({ key: c.key, header: c.header, width: c.xlsxWidth, kind: c.cell, align: c.align, wrap: !c.nowrap }));
  await book.addTableSheet({
    name: shaped.data.title.replace(/^.*?(执法|行政|培训|操作|导入|不予|从轻|减轻)/, '$1').slice(0, 28) || '表格',
    title: shaped.data.title,
    subtitles: [subtitleOf(shaped, today)],
    columns,
    rows: [...shaped.rows.map((values) => ({ values })), ...(shaped.total ? [{ values: shaped.total, role: 'total' as const }] : [])],
    orientation: 'landscape',
    footerLines: [signatureLine(SIGNATURE)],
  });
  return book.toBuffer();
}

/** One CSV field: text that a spreadsheet could evaluate gets a leading apostrophe; quoted when RFC 4180 asks. */
function csvField(value: TableValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : csvSafeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV for other programs: one header row and the rows, nothing else (no title or
 * signature lines, which would be data to a program). UTF-8 with a BOM, so Excel and WPS read the
 * Chinese text; CRLF line ends.
 */
export function tableCsv(shaped: ShapedTable): Buffer {
  const rows = shaped.total ? [...shaped.rows, shaped.total] : shaped.rows;
  const lines = [shaped.columns.map((c) => csvField(c.header)).join(','), ...rows.map((r) => shaped.columns.map((c) => csvField(r[c.key])).join(','))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
