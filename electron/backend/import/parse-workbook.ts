import path from 'node:path';
import * as XLSX from 'xlsx';
import { columnLetter } from '../../../shared/domain/spreadsheet-text.ts';
import type { RawCell } from '../../../shared/import/cell-cleaning.ts';
import { fileError } from '../../../shared/import/file-errors.ts';
import type { CsvEncoding, ImportFormat } from '../../../shared/import/import-kinds.ts';
import { decodeCsv } from './csv-decoding.ts';
import { readCsvRows } from './csv-reading.ts';
import { FileReadError } from './file-read-error.ts';
import { RATIO_CHECK_FLOOR_BYTES, type ImportLimits } from './import-limits.ts';
import { OdsCellCounter } from './ods-cells.ts';
import { cellBudget, clipMerges, dropCell, hasFindings, keepCell, noFindings, type CellBudget, type SheetFindings } from './sheet-cells.ts';
import { checkZipContent, type ZipContentProblem } from './zip-content.ts';
import { readZipDirectory, readZipEntry, readZipEntryHead, type ZipEntryInfo } from './zip-directory.ts';

export { FileReadError } from './file-read-error.ts';

/**
 * Reads one submitted file into plain rows of raw cell values. Runs only in the parse worker (see
 * parse-runner.ts), under its memory and time limits; it touches no database.
 *
 * Before SheetJS sees a byte the file is sniffed (a PDF renamed .xlsx, an image, a Word document
 * are named as such) and, for zip containers, its directory is checked (a truncated copy and a
 * declared size beyond the limits are refused without inflating anything), then every entry is
 * inflated once, natively and without keeping it, to prove it holds what the directory declares
 * (zip-content.ts). SheetJS then reads with raw values, no formulas, no HTML, no number formats,
 * and ignoring declared dimensions (`nodim`); its cells go through the caps of sheet-cells.ts
 * (columns, cell text, cells per file). CSV is decoded (csv-decoding.ts) and split by
 * csv-reading.ts under the same caps.
 */

export interface ParsedSheet {
  name: string;
  hidden: boolean;
  /** Rows of raw cells (index 0 = sheet row 1); trailing empty rows dropped. */
  rows: RawCell[][];
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** The range the sheet's XML declares (<dimension ref>), when it is far larger than its content. */
  declaredRange: string | null;
  /** What the caps dropped or cut, and entity references seen as text (parse-findings.ts turns them into warnings). */
  findings?: SheetFindings;
}

export interface ParsedWorkbook {
  format: ImportFormat;
  encoding: string | null;
  date1904: boolean;
  sheets: ParsedSheet[];
  /** XML parts of the file that declare a DTD or entities (<!DOCTYPE, <!ENTITY). */
  doctypeParts?: string[];
}

export interface ParseInput {
  fileName: string;
  encoding: CsvEncoding;
  limits: ImportLimits;
}

export type ParseProgress = (fraction: number, message: string) => void;

/** The SheetJS options of every read; the benchmark's bare parse uses the same ones. */
export function readOptions(maxRows: number): XLSX.ParsingOptions {
  return {
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellNF: false,
    cellStyles: false,
    cellDates: false,
    nodim: true,
    // A header above the data is allowed for; reaching this many rows means the sheet is over the cap.
    sheetRows: maxRows + 200,
    WTF: false,
  };
}

type Sniffed = { kind: 'zip' } | { kind: 'cfb' } | { kind: 'text' } | { kind: 'refuse'; error: FileErrorCodeAndDetail };

interface FileErrorCodeAndDetail {
  code: 'FILE_NOT_SPREADSHEET' | 'FILE_UNSUPPORTED';
  detail: string;
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] ?? 0;
    if (b === 0 || b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
  }
  return true;
}

function sniff(bytes: Uint8Array, ext: string): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'cfb' };
  const refuse = (code: FileErrorCodeAndDetail['code'], detail: string): Sniffed => ({ kind: 'refuse', error: { code, detail } });
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return refuse('FILE_NOT_SPREADSHEET', '这是一个 PDF 文件，只是扩展名改成了表格的扩展名');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || startsWith(bytes, [0x42, 0x4d])) {
    return refuse('FILE_NOT_SPREADSHEET', '这是一张图片');
  }
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b])) {
    return refuse('FILE_NOT_SPREADSHEET', '这是一个压缩包，请先解压');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return refuse('FILE_NOT_SPREADSHEET', '这是一个 RTF 文字文档');
  if (looksLikeText(bytes)) {
    if (ext === '.csv' || ext === '.txt') return { kind: 'text' };
    const head = new TextDecoder('utf-8')
      .decode(bytes.subarray(0, 512))
      .replace(/^\ufeff/, '')
      .trimStart()
      .toLowerCase();
    if (head.startsWith('<')) return refuse('FILE_UNSUPPORTED', `扩展名是“${ext}”，但内容是网页（HTML/XML）格式，常见于从业务系统导出的“假 Excel”`);
    return refuse('FILE_NOT_SPREADSHEET', `扩展名是“${ext}”，但内容是纯文本；如果它是 CSV 文件，请把扩展名改为 .csv`);
  }
  return refuse('FILE_NOT_SPREADSHEET', '无法识别的文件类型');
}

function xmlUnescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const MB = 1024 * 1024;

/** The directory's checks: truncation, declared sizes and ratios; what the zip holds and the declared dimension of each worksheet. */
function checkZip(buf: Buffer, fileName: string, limits: ImportLimits): { format: 'xlsx' | 'ods'; declared: Map<string, string>; entries: ZipEntryInfo[] } {
  const dir = readZipDirectory(buf);
  if (!dir.ok) throw new FileReadError(fileError(dir.problem === 'truncated' ? 'FILE_TRUNCATED' : 'FILE_CORRUPT', fileName, dir.problem === 'corrupt' ? '压缩结构损坏' : undefined));
  const total = dir.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw new FileReadError(fileError('FILE_ZIP_BOMB', fileName, `声明的大小为 ${(total / MB).toFixed(0)} MB（上限 ${(limits.maxUncompressedBytes / MB).toFixed(0)} MB）`));
  }
  for (const e of dir.entries) {
    if (e.uncompressedSize > RATIO_CHECK_FLOOR_BYTES && e.uncompressedSize > e.compressedSize * limits.maxCompressionRatio) {
      throw new FileReadError(fileError('FILE_ZIP_BOMB', fileName, `其中“${e.name}”压缩比超过 ${limits.maxCompressionRatio}:1`));
    }
  }
  const byName = new Map(dir.entries.map((e) => [e.name, e]));
  const found = (format: 'xlsx' | 'ods', declared: Map<string, string>) => ({ format, declared, entries: dir.entries });
  if (byName.has('xl/workbook.xml') || byName.has('xl/workbook.bin')) return found('xlsx', declaredDimensions(buf, byName));
  const mimetype = byName.get('mimetype');
  const mime = mimetype ? (readZipEntry(buf, mimetype, 1024)?.toString('utf8') ?? '') : '';
  if (mime.includes('spreadsheet') && byName.has('content.xml')) return found('ods', new Map());
  if (byName.has('word/document.xml')) throw new FileReadError(fileError('FILE_NOT_SPREADSHEET', fileName, '这是一个 Word 文档'));
  if (byName.has('ppt/presentation.xml')) throw new FileReadError(fileError('FILE_NOT_SPREADSHEET', fileName, '这是一个 PowerPoint 演示文稿'));
  if (mime.includes('opendocument')) throw new FileReadError(fileError('FILE_NOT_SPREADSHEET', fileName, '这是一个 OpenDocument 文字或演示文档'));
  throw new FileReadError(fileError('FILE_NOT_SPREADSHEET', fileName, '这是一个 zip 压缩包，请先解压'));
}

function zipProblemError(problem: ZipContentProblem, fileName: string, limits: ImportLimits): FileReadError {
  switch (problem.kind) {
    case 'mismatch':
      return new FileReadError(fileError('FILE_ZIP_MISMATCH', fileName, problem.detail));
    case 'too-large':
      return new FileReadError(fileError('FILE_ZIP_BOMB', fileName, `实际超过 ${(limits.maxUncompressedBytes / MB).toFixed(0)} MB（读到“${problem.entry}”时）`));
    case 'corrupt':
      return new FileReadError(fileError('FILE_CORRUPT', fileName, problem.detail));
    case 'encrypted':
      return new FileReadError(fileError('FILE_ENCRYPTED', fileName));
    case 'unsupported':
      return new FileReadError(fileError('FILE_UNSUPPORTED', fileName, `中的“${problem.entry}”使用了不受支持的压缩方式（${problem.method}）`));
  }
}

function declaredDimensions(buf: Buffer, byName: Map<string, ZipEntryInfo>): Map<string, string> {
  const out = new Map<string, string>();
  const wbEntry = byName.get('xl/workbook.xml');
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  if (!wbEntry || !relsEntry) return out;
  const wbXml = readZipEntry(buf, wbEntry)?.toString('utf8');
  const relsXml = readZipEntry(buf, relsEntry)?.toString('utf8');
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    const entry = target ? byName.get(target) : undefined;
    if (!name || !entry) continue;
    const head = readZipEntryHead(buf, entry);
    const ref = head ? /<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"/.exec(head)?.[1] : undefined;
    if (ref) out.set(xmlUnescape(name), ref);
  }
  return out;
}

const ERROR_TEXT: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function toRawCell(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell) return null;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return ERROR_TEXT[cell.v as number] ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return null;
  }
}

/**
 * A sheet's rows as plain values, bounded by the cells it holds: each row is read up to the column
 * cap, and a row that reaches past it (SheetJS stores a cell in column XFD as element 16,383 of a
 * sparse array) has only its present elements looked at, to note what is dropped.
 */
function sheetRowsOf(ws: XLSX.WorkSheet, name: string, budget: CellBudget, findings: SheetFindings): RawCell[][] {
  const maxColumns = budget.limits.maxColumns;
  const data = (ws as XLSX.DenseWorkSheet)['!data'] ?? [];
  const rows: RawCell[][] = new Array<RawCell[]>(data.length);
  let last = -1;
  for (let r = 0; r < data.length; r += 1) {
    const src = data[r];
    if (!src) {
      rows[r] = [];
      continue;
    }
    const width = Math.min(src.length, maxColumns);
    const row: RawCell[] = new Array<RawCell>(width);
    let lastCell = -1;
    for (let c = 0; c < width; c += 1) {
      const v = keepCell(toRawCell(src[c]), r, c, findings, budget, name);
      row[c] = v;
      if (v !== null && v !== '') lastCell = c;
    }
    if (src.length > maxColumns) {
      for (const key of Object.keys(src)) {
        const c = Number(key);
        if (c >= maxColumns) dropCell(toRawCell(src[c]), r, c, findings, maxColumns);
      }
    }
    // SheetJS's cell objects are several times the size of the plain values: let each row go as
    // soon as it is copied, so a 100,000-row sheet never exists twice in full.
    data[r] = [];
    row.length = lastCell + 1;
    rows[r] = row;
    if (lastCell >= 0) last = r;
  }
  rows.length = last + 1;
  return rows;
}

function rangeRows(ref: string): number {
  try {
    const range = XLSX.utils.decode_range(ref);
    return range.e.r - range.s.r + 1;
  } catch {
    return 0;
  }
}

let cptableLoaded = false;

/** Legacy .xls/.et files may carry text in a Windows code page (GBK in China); SheetJS needs the tables for that. */
async function ensureCodepages(): Promise<void> {
  if (cptableLoaded) return;
  XLSX.set_cptable(await import('xlsx/dist/cpexcel.full.mjs'));
  cptableLoaded = true;
}

/** Runs SheetJS with its console chatter (ODS number-format notices) kept out of the clerk's log. */
function quietRead(data: Buffer | string, options: XLSX.ParsingOptions): XLSX.WorkBook {
  const original = { error: console.error, warn: console.warn, log: console.log };
  console.error = () => undefined;
  console.warn = () => undefined;
  console.log = () => undefined;
  try {
    return XLSX.read(data, options);
  } finally {
    console.error = original.error;
    console.warn = original.warn;
    console.log = original.log;
  }
}

export async function parseWorkbook(bytes: Uint8Array, input: ParseInput, progress: ParseProgress = () => undefined): Promise<ParsedWorkbook> {
  const { fileName, limits } = input;
  const ext = path.extname(fileName).toLowerCase();
  if (bytes.byteLength === 0) throw new FileReadError(fileError('FILE_EMPTY', fileName));
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new FileReadError(fileError('FILE_TOO_LARGE', fileName, `大小为 ${(bytes.byteLength / MB).toFixed(1)} MB（上限 ${(limits.maxFileBytes / MB).toFixed(0)} MB）`));
  }
  progress(0.02, '正在检查文件结构');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sniffed = sniff(bytes, ext);
  if (sniffed.kind === 'refuse') throw new FileReadError(fileError(sniffed.error.code, fileName, sniffed.error.detail));

  const budget = cellBudget(limits, fileName);
  if (sniffed.kind === 'text') {
    progress(0.05, '正在解析工作簿');
    const decoded = decodeCsv(bytes, input.encoding);
    // The name SheetJS gives a CSV's one sheet, as before.
    const name = 'Sheet1';
    const csv = readCsvRows(decoded.text.replace(/^\ufeff/, ''), name, budget);
    if (csv.overRowCap) {
      throw new FileReadError(fileError('FILE_TOO_MANY_ROWS', fileName, `的工作表“${name}”超过 ${limits.maxRows.toLocaleString('en-US')} 行`));
    }
    progress(0.8, '正在整理工作表');
    const sheet: ParsedSheet = { name, hidden: false, rows: csv.rows, merges: [], declaredRange: null };
    if (hasFindings(csv.findings)) sheet.findings = csv.findings;
    return finish(fileName, limits, { format: 'csv', encoding: decoded.encoding, date1904: false, sheets: [sheet] });
  }

  let format: ImportFormat;
  let declared = new Map<string, string>();
  let doctypeParts: string[] = [];
  let wb: XLSX.WorkBook;
  const options = readOptions(limits.maxRows);
  progress(0.05, '正在解析工作簿');
  try {
    if (sniffed.kind === 'zip') {
      const zip = checkZip(buf, fileName, limits);
      format = zip.format === 'xlsx' && ext === '.et' ? 'et' : zip.format;
      declared = zip.declared;
      progress(0.07, '正在检查压缩内容');
      const odsCells = new OdsCellCounter();
      const observers = new Map(zip.format === 'ods' ? [['content.xml', (chunk: Buffer) => odsCells.push(chunk)]] : []);
      const content = await checkZipContent(buf, zip.entries, limits.maxUncompressedBytes, observers);
      if (!content.ok) throw zipProblemError(content.problem, fileName, limits);
      if (odsCells.cells > limits.maxCells) {
        const detail = `的重复单元格（number-columns-repeated、number-rows-repeated）展开后有 ${odsCells.cells.toLocaleString('en-US')} 个（每个文件的上限为 ${limits.maxCells.toLocaleString('en-US')} 个）`;
        throw new FileReadError(fileError('FILE_TOO_MANY_CELLS', fileName, detail));
      }
      doctypeParts = content.doctypeParts;
      progress(0.1, '正在解析工作簿');
      wb = quietRead(buf, { ...options, type: 'buffer' });
    } else {
      format = ext === '.et' ? 'et' : 'xls';
      await ensureCodepages();
      wb = quietRead(buf, { ...options, type: 'buffer' });
    }
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(message)) throw new FileReadError(fileError('FILE_ENCRYPTED', fileName));
    if (sniffed.kind === 'cfb' && /workbook|book stream|Unsupported/i.test(message)) {
      throw new FileReadError(fileError('FILE_NOT_SPREADSHEET', fileName, '这是一个 Office 文档，但不是 Excel 工作簿'));
    }
    throw new FileReadError(fileError('FILE_CORRUPT', fileName, message.slice(0, 80)));
  }
  progress(0.8, '正在整理工作表');

  const sheetRowCap = options.sheetRows ?? Number.POSITIVE_INFINITY;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: ParsedSheet[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    const findings = noFindings();
    const rows = ws ? sheetRowsOf(ws, name, budget, findings) : [];
    if (ws) delete wb.Sheets[name];
    if (rows.length >= sheetRowCap) {
      throw new FileReadError(fileError('FILE_TOO_MANY_ROWS', fileName, `的工作表“${name}”超过 ${limits.maxRows.toLocaleString('en-US')} 行`));
    }
    const ref = declared.get(name) ?? null;
    const declaredRange = ref && rangeRows(ref) > Math.max(rows.length + 1000, limits.maxRows) ? ref : null;
    const merges = clipMerges(ws?.['!merges'] ?? [], rows.length, limits.maxColumns, budget);
    const sheet: ParsedSheet = { name, hidden, rows, merges, declaredRange };
    if (hasFindings(findings)) sheet.findings = findings;
    sheets.push(sheet);
    progress(0.8 + (0.2 * (i + 1)) / wb.SheetNames.length, `正在整理工作表“${name}”`);
  });
  const parsed: ParsedWorkbook = { format, encoding: null, date1904, sheets };
  if (doctypeParts.length > 0) parsed.doctypeParts = doctypeParts;
  return finish(fileName, limits, parsed);
}

/** A workbook with nothing to read is refused; when its only content lies beyond the column cap, that is what the message says. */
function finish(fileName: string, limits: ImportLimits, wb: ParsedWorkbook): ParsedWorkbook {
  if (wb.sheets.some((s) => s.rows.length > 0)) return wb;
  const cut = wb.sheets.find((s) => s.findings?.columnsCut);
  const at = cut?.findings?.columnsCut;
  if (cut && at) {
    const where = `工作表“${cut.name}”第 ${at.row + 1} 行 ${columnLetter(at.column)} 列起的 ${at.count.toLocaleString('en-US')} 个单元格，都在第 ${limits.maxColumns} 列（${columnLetter(limits.maxColumns - 1)} 列）之后`;
    throw new FileReadError(fileError('FILE_COLUMNS_BEYOND_LIMIT', fileName, where));
  }
  throw new FileReadError(fileError('FILE_NO_DATA', fileName));
}
