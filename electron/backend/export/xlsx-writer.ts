import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/errors.ts';
import { isIsoDate } from '../../../shared/domain/dates.ts';
import { looksLikeFormula, sanitizeCellText } from '../../../shared/domain/spreadsheet-text.ts';
import { requirePackage } from '../lazy-package.ts';
import { enableQuotePrefixStyles } from './quote-prefix.ts';
import {
  cellStyle,
  columnWidth,
  fitScale,
  HEADER_FOOTER,
  HEADER_STYLE,
  LINE_HEIGHT,
  LINE_STYLE,
  linesIn,
  MAX_PAGE_BREAKS,
  pageSetup,
  printableHeight,
  quotedStyle,
  rowHeightFor,
  TEXT_SHEET_STYLE,
  titleHeight,
  TITLE_STYLE,
  type Align,
  type CellKind,
  type MarkLevel,
  type RowRole,
} from './xlsx-style.ts';

/**
 * The app's only door to ExcelJS (upstream releases slowly; keep it behind this adapter). Every
 * workbook is written by ExcelJS's streaming writer (`stream.xlsx.WorkbookWriter`, inline strings):
 * rows go to the zip as they are written, so 100,000 people take the memory of a few hundred rows.
 * Every sheet looks and prints the same way (xlsx-style.ts): a merged title, a bold filled header
 * repeated on every printed page and frozen on screen, thin borders, widths for Chinese text,
 * A4 fitted to the page width, 第 X 页 共 Y 页 in the footer, closing lines after the last row.
 *
 * Every value is written as a typed cell, never as a formula, and every text cell passes one door
 * (`toCell`): characters XML forbids are removed, and text a spreadsheet could take for a formula
 * (leading =, +, -, @, tab, CR — OWASP) keeps its exact text but gets Excel's leading-apostrophe
 * escape and the text format, so no spreadsheet evaluates it, even when the clerk edits the cell.
 */

/**
 * ExcelJS (and the ~150 modules it pulls in: archiver, unzipper, fast-csv …) is loaded when the
 * first workbook is written, not when the program starts: most sessions never export, and loading
 * it took a third of the web host's start-up and ~30 MiB it then held at idle (issue 13).
 */
let excelJs: typeof ExcelJS | null = null;

function loadExcelJs(): typeof ExcelJS {
  if (!excelJs) {
    excelJs = requirePackage<typeof ExcelJS>('exceljs');
    enableQuotePrefixStyles();
  }
  return excelJs;
}

export type CellValue = string | number | boolean | Date | null | undefined;
export type { CellKind, RowRole } from './xlsx-style.ts';

export interface ColumnSpec {
  key: string;
  header: string;
  /** Width in characters (a CJK character counts as about 2); see fitWidth in xlsx-style.ts. */
  width: number;
  /**
   * How values are stored: 'text' keeps digits as text (ID and certificate numbers, codes), numbers
   * and dates are typed cells with a number format ('date' also takes an ISO date string), 'general'
   * writes strings as strings and numbers as numbers.
   */
  kind?: CellKind;
  align?: Align;
  /** Wrap long text (default: on for text columns, off for numbers, dates and 'text' codes). */
  wrap?: boolean;
}

export interface CellMark {
  level: MarkLevel;
  /** Shown as the cell's comment (批注). */
  comment?: string;
}

export interface TableRow {
  values: Readonly<Record<string, CellValue>>;
  /** Subtotals and totals print bold on grey; reported figures and differences on light yellow (counts as +N / −N, red unless 0). */
  role?: RowRole;
  /** Marks on individual cells, by column key: filled (error, warning, note) or red bold (alert). */
  marks?: Readonly<Record<string, CellMark>>;
}

export interface TableSheetSpec {
  name: string;
  title?: string;
  /** Lines under the title, e.g. 填报单位 / 制表日期. */
  subtitles?: string[];
  columns: ColumnSpec[];
  rows: Iterable<TableRow> | AsyncIterable<TableRow>;
  orientation?: 'portrait' | 'landscape';
  /** Lines printed after the table, e.g. the signature block; kept on a page with the last rows. */
  footerLines?: string[];
  /** Drop-down lists per column key (values, or a range on a list sheet for long lists). */
  validations?: Record<string, { list: string[] } | { range: string }>;
  /** Number of empty formatted rows to add (templates). */
  blankRows?: number;
  hidden?: boolean;
}

export interface WriteControl {
  signal?: AbortSignal;
  /** Called as rows are written (the number written so far in this sheet). */
  onRows?: (written: number) => void;
}

/** Excel forbids these in sheet names, and an apostrophe breaks print titles. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:']/g, '_').trim() || 'Sheet';
  return cleaned.slice(0, 31);
}

function isoToDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const NUMBER_KINDS: ReadonlySet<CellKind> = new Set(['integer', 'decimal', 'percent', 'difference']);

/**
 * The one conversion of a value into a cell: typed, cleaned, and never a formula. A line break in a
 * cell is LF (Alt+Enter); a CR would turn into LF on reading anyway (XML normalises it), so it is
 * written as LF.
 */
export function toCell(value: CellValue, kind: CellKind): { value: ExcelJS.CellValue; quoted: boolean } {
  return { value: cellValue(value, kind), quoted: isQuoted(value, kind) };
}

// Characters that need cleaning: XML-forbidden control characters and CR (see sanitizeCellText).
// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u001F\uFFFE\uFFFF]/;

/** The cell value of toCell, without allocating (100,000 rows × 15 columns go through here). */
function cellValue(value: CellValue, kind: CellKind): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const text = NEEDS_CLEANING.test(value) ? sanitizeCellText(value).replace(/\r\n?/g, '\n') : value;
    if (kind === 'date' && isIsoDate(text)) return isoToDate(text);
    if (NUMBER_KINDS.has(kind) && NUMERIC.test(text)) return Number(text);
    return text;
  }
  if (typeof value === 'number' && kind === 'text') return String(value);
  return value;
}

/** Whether toCell escapes the value (text that a spreadsheet could take for a formula). */
function isQuoted(value: CellValue, kind: CellKind): boolean {
  if (typeof value === 'string') return value !== '' && !(kind === 'date' && isIsoDate(value)) && !(NUMBER_KINDS.has(kind) && NUMERIC.test(value)) && looksLikeFormula(value);
  if (typeof value === 'number' && kind === 'text') return looksLikeFormula(String(value));
  return false;
}

function defaultWrap(kind: CellKind): boolean {
  return kind === 'general';
}

/** Rows kept uncommitted for the page-break decision at the end of a sheet (see keepFooterWithRows). */
const HELD_ROWS = 12;
/** Data rows moved onto the closing lines' page (with the totals after them) when those would otherwise stand alone. */
const ROWS_WITH_FOOTER = 3;
const YIELD_EVERY = 500;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What the writer reads of a stream ExcelJS pipes a sheet into (archiver's readable-stream v2 PassThrough). */
interface PipeState {
  _writableState?: { length: number };
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/** More than this waiting for the zip, and the writer waits for it to drain. */
const ZIP_BACKLOG = 4 * 1024 * 1024;

/**
 * Waits until the zip has taken most of what the sheet wrote. ExcelJS pushes a sheet's XML into
 * archiver's entry stream without waiting for it; left alone, a long sheet piles up in memory
 * (about 70 MB at 100,000 people) while the zip takes a chunk per turn of the event loop. The entry
 * stream is ExcelJS's internal `stream.pipes` (4.4); without one this only yields.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (sheet as unknown as { stream?: { pipes?: PipeState[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    if ((pipe._writableState?.length ?? 0) <= ZIP_BACKLOG) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pipe.removeListener('drain', done);
        resolve();
      };
      // A safety net: never wait on the zip for ever.
      const timer = setTimeout(done, 5_000);
      pipe.once('drain', done);
    });
  }
  await yieldToEventLoop();
}

async function* asAsync<T>(rows: Iterable<T> | AsyncIterable<T>): AsyncIterable<T> {
  yield* rows;
}

/** Collects the zip in memory (for exports handed to the renderer as staged files). */
class BufferSink extends Writable {
  readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }
}

export class XlsxWorkbook {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sink: BufferSink | null;

  /** `file`: write straight to this path (the caller renames it into place); else into memory. */
  constructor(options: { file?: string; creator?: string } = {}) {
    this.sink = options.file ? null : new BufferSink();
    this.writer = new (loadExcelJs().stream.xlsx.WorkbookWriter)({
      ...(options.file ? { filename: options.file } : { stream: this.sink as Writable }),
      useStyles: true,
      useSharedStrings: false,
    });
    this.writer.creator = options.creator ?? '执法台账';
  }

  /** Writes one table sheet, start to end (a streaming workbook writes its sheets one after another). */
  async addTableSheet(spec: TableSheetSpec, control: WriteControl = {}): Promise<void> {
    const orientation = spec.orientation ?? 'landscape';
    const columns = spec.columns;
    const colCount = columns.length;
    const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);
    const headerRowNo = (spec.title ? 1 : 0) + (spec.subtitles?.length ?? 0) + 1;
    const sheet = this.writer.addWorksheet(safeSheetName(spec.name), {
      state: spec.hidden ? 'hidden' : 'visible',
      pageSetup: { ...pageSetup(orientation), printTitlesRow: `${headerRowNo}:${headerRowNo}` },
      headerFooter: HEADER_FOOTER,
      views: [{ state: 'frozen', ySplit: headerRowNo, xSplit: 0 }],
    });
    sheet.columns = columns.map((c) => ({ key: c.key, width: columnWidth(c.width) }));

    // The page model (xlsx-style.ts): the first page starts below the title, later ones below the repeated header.
    const scale = fitScale(
      columns.map((c) => c.width),
      orientation,
    );
    const pageHeight = printableHeight(orientation, scale);
    let used = 0;
    let rowNo = 0;

    const mergedLine = (text: string, style: Partial<ExcelJS.Style>, height: number) => {
      rowNo += 1;
      const row = sheet.getRow(rowNo);
      sheet.mergeCells(rowNo, 1, rowNo, colCount);
      const cell = row.getCell(1);
      const converted = toCell(text, 'general');
      cell.value = converted.value;
      cell.style = converted.quoted ? quotedStyle(style) : style;
      row.height = height;
      used += height;
      row.commit();
    };
    if (spec.title) mergedLine(spec.title, TITLE_STYLE, titleHeight(spec.title, totalWidth));
    for (const line of spec.subtitles ?? []) mergedLine(line, LINE_STYLE, rowHeightFor(linesIn(line, totalWidth)));

    rowNo += 1;
    const header = sheet.getRow(rowNo);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      const converted = toCell(c.header, 'general');
      cell.value = converted.value;
      cell.style = converted.quoted ? quotedStyle(HEADER_STYLE) : HEADER_STYLE;
    });
    const headerHeight = rowHeightFor(Math.max(...columns.map((c) => linesIn(c.header, c.width))));
    header.height = headerHeight;
    used += headerHeight;
    header.commit();

    const kinds = columns.map((c) => c.kind ?? 'general');
    const validations = columns.map((c) => validationOf(c.key, spec.validations));
    const wraps = columns.map((c, i) => c.wrap ?? defaultWrap(kinds[i] ?? 'general'));
    // The style of a plain data cell per column, looked up once (most cells are plain).
    const plainStyles = columns.map((c, i) => cellStyle({ kind: kinds[i] ?? 'general', align: c.align ?? 'left', wrap: wraps[i] ?? false, role: 'data', mark: null, quoted: false }));
    const held: HeldRow[] = [];
    const page = { used, rows: 0, breaks: 0 };
    let written = 0;

    const writeRow = (tableRow: TableRow | null) => {
      rowNo += 1;
      const row = sheet.getRow(rowNo);
      const role = tableRow?.role ?? 'data';
      let lines = 1;
      for (let i = 0; i < colCount; i += 1) {
        const c = columns[i] as ColumnSpec;
        // A row of differences writes its counts with their sign (and in red when not zero).
        const columnKind = kinds[i] ?? 'general';
        const kind = role === 'difference' && columnKind === 'integer' ? 'difference' : columnKind;
        const wrap = wraps[i] ?? false;
        const cell = row.getCell(i + 1);
        const raw = tableRow ? tableRow.values[c.key] : null;
        const value = cellValue(raw, kind);
        const quoted = isQuoted(raw, kind);
        const mark = tableRow?.marks?.[c.key];
        const alert = mark?.level === 'alert' || (kind === 'difference' && typeof value === 'number' && value !== 0);
        cell.value = value;
        cell.style =
          role === 'data' && !mark && !quoted && !alert
            ? (plainStyles[i] as Partial<ExcelJS.Style>)
            : cellStyle({ kind, align: c.align ?? 'left', wrap, role, mark: alert ? 'alert' : (mark?.level ?? null), quoted });
        // A comment is not a cell: no spreadsheet evaluates it.
        if (mark?.comment) cell.note = sanitizeCellText(mark.comment);
        const validation = validations[i];
        if (validation) cell.dataValidation = validation;
        if (wrap && typeof value === 'string') lines = Math.max(lines, linesIn(value, c.width));
      }
      const height = rowHeightFor(lines);
      row.height = height;
      // A row that does not fit starts a new page under the repeated header.
      if (page.used + height > pageHeight && page.rows > 0 && page.breaks < MAX_PAGE_BREAKS) {
        const last = held[held.length - 1];
        if (last) {
          last.row.addPageBreak();
          last.breakAfter = true;
        }
        page.breaks += 1;
        page.used = headerHeight;
        page.rows = 0;
      }
      page.used += height;
      page.rows += 1;
      held.push({ row, data: role === 'data', height, breakAfter: false });
      if (held.length > HELD_ROWS) held.shift()?.row.commit();
    };

    for await (const tableRow of asAsync(spec.rows)) {
      writeRow(tableRow);
      written += 1;
      if (written % YIELD_EVERY === 0) {
        if (control.signal?.aborted) throw new AppError('CANCELLED', '已取消');
        control.onRows?.(written);
        // Lets the zip take what was written, so memory stays flat on a long sheet.
        await zipCaughtUp(sheet);
      }
    }
    for (let i = 0; i < (spec.blankRows ?? 0); i += 1) writeRow(null);
    control.onRows?.(written);

    const footer = spec.footerLines ?? [];
    if (footer.length > 0) {
      const footerHeights = footer.map((line) => rowHeightFor(linesIn(line, totalWidth)) + 2);
      const footerHeight = LINE_HEIGHT + footerHeights.reduce((a, b) => a + b, 0);
      if (page.breaks < MAX_PAGE_BREAKS) arrangeLastPage(sheet, held, page, footerHeight, pageHeight);
      for (const h of held.splice(0)) h.row.commit();
      rowNo += 1;
      footer.forEach((line, i) => mergedLine(line, LINE_STYLE, footerHeights[i] ?? LINE_HEIGHT));
    }
    sheet.commit();
    await zipCaughtUp(sheet);
  }

  /** A plain sheet of lines (instructions, a summary). */
  async addTextSheet(name: string, title: string, lines: string[]): Promise<void> {
    const sheet = this.writer.addWorksheet(safeSheetName(name), {
      pageSetup: pageSetup('portrait'),
      headerFooter: HEADER_FOOTER,
    });
    sheet.columns = [{ key: 'text', width: 110 }];
    const titleRow = sheet.getRow(1);
    const titleCell = toCell(title, 'general');
    const titleStyle = { ...TITLE_STYLE, alignment: { horizontal: 'left', vertical: 'middle' } } satisfies Partial<ExcelJS.Style>;
    titleRow.getCell(1).value = titleCell.value;
    titleRow.getCell(1).style = titleCell.quoted ? quotedStyle(titleStyle) : titleStyle;
    titleRow.height = 30;
    titleRow.commit();
    lines.forEach((line, i) => {
      const row = sheet.getRow(i + 3);
      const converted = toCell(line, 'general');
      row.getCell(1).value = converted.value;
      row.getCell(1).style = converted.quoted ? quotedStyle(TEXT_SHEET_STYLE) : TEXT_SHEET_STYLE;
      row.height = rowHeightFor(linesIn(line, 110));
      row.commit();
    });
    sheet.commit();
    await zipCaughtUp(sheet);
  }

  /** Finishes the file (written to `file`), or returns the workbook's bytes. */
  async finish(): Promise<Buffer> {
    await this.writer.commit();
    return this.sink ? Buffer.concat(this.sink.chunks) : Buffer.alloc(0);
  }

  async toBuffer(): Promise<Buffer> {
    return this.finish();
  }
}

function validationOf(key: string, rules: TableSheetSpec['validations']): ExcelJS.DataValidation | undefined {
  const rule = rules?.[key];
  if (!rule) return undefined;
  const formula = 'list' in rule ? `"${rule.list.join(',')}"` : rule.range;
  if ('list' in rule && formula.length > 255) throw new Error(`inline list for ${key} exceeds 255 characters; use a range`);
  return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorTitle: '取值无效', error: '请从下拉列表中选择' };
}

interface HeldRow {
  row: ExcelJS.Row;
  /** A data row (not a subtotal, total or report row). */
  data: boolean;
  height: number;
  /** A page break follows this row. */
  breakAfter: boolean;
}

/**
 * The last printed page holds the closing lines (signature block) with at least a few data rows,
 * and the totals after them: never the signature alone, never one stray row. When the closing lines
 * do not fit on the page of the last rows, a break carries the last few data rows over with them;
 * when the last page holds fewer than that, its break moves up to bring a few rows from the page before.
 */
function arrangeLastPage(sheet: ExcelJS.Worksheet, held: HeldRow[], page: { used: number; rows: number }, footerHeight: number, pageHeight: number): void {
  const dataRows = (from: number) => held.slice(from).filter((h) => h.data).length;
  if (page.used + footerHeight > pageHeight) {
    let move = 0;
    for (let i = held.length - 1; i > 0 && move < page.rows - 1; i -= 1) {
      move += 1;
      if (dataRows(i) >= ROWS_WITH_FOOTER) break;
    }
    if (move > 0) held[held.length - move - 1]?.row.addPageBreak();
    return;
  }
  const start = held.length - page.rows;
  const breakRow = held[start - 1];
  if (start < 1 || !breakRow?.breakAfter || dataRows(start) >= ROWS_WITH_FOOTER) return;
  let used = page.used + footerHeight;
  let first = start;
  while (first > 1 && dataRows(first) < ROWS_WITH_FOOTER) {
    const pulled = held[first - 1];
    if (!pulled || used + pulled.height > pageHeight) break;
    used += pulled.height;
    first -= 1;
  }
  if (first === start) return;
  // The streaming worksheet keeps its breaks in `rowBreaks` until it is committed (untyped in ExcelJS 4.4).
  const breaks = (sheet as unknown as { rowBreaks: { id: number }[] }).rowBreaks;
  const at = breaks.findIndex((b) => b.id === breakRow.row.number);
  if (at >= 0) breaks.splice(at, 1);
  held[first - 1]?.row.addPageBreak();
}
