import { cellText, type RawCell } from '../../../shared/import/cell-cleaning.ts';
import { matchHeader, SHAPES } from '../../../shared/import/column-synonyms.ts';
import { TABLE_SHAPES, type TableShape } from '../../../shared/import/import-kinds.ts';
import { columnLetter } from '../../../shared/domain/spreadsheet-text.ts';
import { normaliseHeader, normaliseWord, tidyText } from '../../../shared/import/text-normalise.ts';

/**
 * Finds the table in a sheet as a person would: skips the title, the 填报单位 line and blank rows,
 * takes the row (or pair of rows under merged group cells) whose cells read most like known
 * column names as the header, and sorts every later row into data or something to skip (a total,
 * a signature line, a note, a group heading, the header repeated on a printed page).
 */

export interface HeaderColumn {
  index: number;
  column: string;
  /** As the agency wrote it; for a two-row header 'group/sub' ('执法证件信息/证号'). */
  header: string;
  /** The field the synonym table gives it (before any correction by the clerk). */
  field: string | null;
}

export interface FoundHeader {
  shape: TableShape;
  /** 0-based row indexes of the header (one or two). */
  headerRows: number[];
  columns: HeaderColumn[];
  score: number;
}

/** Rows searched for a header; a header lower than this is not a header. */
const HEADER_SCAN_ROWS = 40;

function text(rows: readonly RawCell[][], r: number, c: number): string {
  return tidyText(cellText(rows[r]?.[c] ?? null));
}

function widthOf(rows: readonly RawCell[][], from: number, to: number): number {
  let w = 0;
  for (let r = from; r <= to && r < rows.length; r += 1) w = Math.max(w, rows[r]?.length ?? 0);
  return w;
}

export function headerLabel(top: string, bottom: string | null): string {
  if (bottom === null || bottom === '' || bottom === top) return top;
  if (top === '') return bottom;
  return `${top}/${bottom}`;
}

function matchColumn(shape: TableShape, top: string, bottom: string | null): string | null {
  if (bottom === null || bottom === '' || bottom === top) return matchHeader(shape, top);
  if (top === '') return matchHeader(shape, bottom);
  // Under a group cell the sub-header names the column; the group only disambiguates.
  return matchHeader(shape, bottom) ?? matchHeader(shape, `${top}${bottom}`);
}

/** The header columns of rows r (and r+1) read as `shape`. */
export function readHeader(rows: readonly RawCell[][], headerRows: readonly number[], shape: TableShape): HeaderColumn[] {
  const top = headerRows[0] ?? 0;
  const bottom = headerRows[1];
  const width = widthOf(rows, top, bottom ?? top);
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c += 1) {
    const t = text(rows, top, c);
    const b = bottom === undefined ? null : text(rows, bottom, c);
    const header = headerLabel(t, b);
    if (header === '') continue;
    columns.push({ index: c, column: columnLetter(c), header, field: matchColumn(shape, t, b) });
  }
  return columns;
}

function scoreOf(shape: TableShape, columns: readonly HeaderColumn[]): number {
  const fields = new Set(columns.map((c) => c.field).filter((f): f is string => f !== null && f !== 'seq'));
  const def = SHAPES[shape];
  const hasKey = def.keys.some((k) => fields.has(k) || Object.entries(def.standIns ?? {}).some(([field, standIn]) => field === k && fields.has(standIn)));
  return hasKey && fields.size >= 2 ? fields.size : 0;
}

function distinctTexts(rows: readonly RawCell[][], r: number): Set<string> {
  const out = new Set<string>();
  for (const v of rows[r] ?? []) {
    const t = tidyText(cellText(v ?? null));
    if (t) out.add(t);
  }
  return out;
}

/** Best header reading for one shape: a single row, or a pair when the row above is part of it. */
function bestFor(shape: TableShape, rows: readonly RawCell[][], spansBoth: (r: number) => boolean): FoundHeader | null {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  let best: FoundHeader | null = null;
  for (let r = 0; r < limit; r += 1) {
    const columns = readHeader(rows, [r], shape);
    const score = scoreOf(shape, columns);
    if (score > 0 && (!best || score > best.score)) best = { shape, headerRows: [r], columns, score };
  }
  if (!best) return null;
  const r = best.headerRows[0] ?? 0;
  // The group row above: it shares vertical merges with the header row, or the pair reads better.
  if (r > 0 && distinctTexts(rows, r - 1).size >= 2) {
    const columns = readHeader(rows, [r - 1, r], shape);
    const score = scoreOf(shape, columns);
    if (score > best.score || (score === best.score && spansBoth(r - 1))) return { shape, headerRows: [r - 1, r], columns, score };
  }
  // Sub-headers below a header row whose own cells are empty under the group.
  if (r + 1 < rows.length) {
    const columns = readHeader(rows, [r, r + 1], shape);
    const score = scoreOf(shape, columns);
    if (score > best.score) return { shape, headerRows: [r, r + 1], columns, score };
  }
  return best;
}

export function findHeader(rows: readonly RawCell[][], verticalMergeRows: ReadonlySet<number>, shapes: readonly TableShape[] = TABLE_SHAPES): FoundHeader | null {
  let best: FoundHeader | null = null;
  for (const shape of shapes) {
    const found = bestFor(shape, rows, (r) => verticalMergeRows.has(r));
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------

export type RowClass = { kind: 'data' } | { kind: 'blank' } | { kind: 'skipped'; reason: string };

const TOTAL = /^(合计|小计|总计|共计|总数|累计)/;
const SIGNATURE = /(填表人|填报人|审核人|审批人|制表人|负责人|经办人|分管领导|单位领导|主要领导|联系人)[:：]?/;
const FILL_IN = /(填报单位|报送单位|填表单位|填报日期|填表日期|报送日期|制表日期|单位[(（]?盖章[)）]?)[:：]?/;
const STAMP = /(盖章|签字|签名)/;
const NOTE = /^(注|说明|备注|附注|注意)\s*[:：]|^注\s*\d|^※/;

export interface RowContext {
  /** Column indexes mapped to a field other than 序号. */
  dataColumns: ReadonlySet<number>;
  /** Column index of 序号, if any. */
  seqColumn: number | null;
  /** Normalised header text per column index, to recognise a repeated header. */
  headerByColumn: ReadonlyMap<number, string>;
  /** Rows with a merge spanning several columns. */
  wideMerges: ReadonlyMap<number, { from: number; to: number }>;
}

function cells(rows: readonly RawCell[][], r: number): string[] {
  return (rows[r] ?? []).map((v) => tidyText(cellText(v ?? null)));
}

const DATA: RowClass = { kind: 'data' };
const BLANK: RowClass = { kind: 'blank' };
const skip = (reason: string): RowClass => ({ kind: 'skipped', reason });
const HAS_DIGIT = /\d/;

/**
 * Sorts one row below the header. Called for every row of a 100,000-row roster, so it reads each
 * cell once and leaves the costly text normalisation to the few rows that could be something
 * other than data (rows with three values or fewer, rows without a single digit).
 */
export function classifyRow(rows: readonly RawCell[][], r: number, ctx: RowContext): RowClass {
  const row = rows[r];
  if (!row || row.length === 0) return BLANK;
  let filled = 0;
  let dataFilled = 0;
  let onlySeq = true;
  let hasDigit = false;
  const distinct = new Set<string>();
  const firstTexts: string[] = [];
  for (let c = 0; c < row.length; c += 1) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    let t: string;
    if (typeof v === 'string') {
      t = v.trim();
      if (t === '' || t === '\u200b') continue;
      if (!hasDigit && HAS_DIGIT.test(t)) hasDigit = true;
    } else {
      t = cellText(v);
      hasDigit = true;
    }
    filled += 1;
    if (distinct.size < 5) distinct.add(t);
    if (firstTexts.length < 2) firstTexts.push(t);
    if (ctx.dataColumns.has(c)) dataFilled += 1;
    if (c !== ctx.seqColumn) onlySeq = false;
  }
  if (filled === 0) return BLANK;

  if (!hasDigit && filled >= 2) {
    let headerHits = 0;
    for (let c = 0; c < row.length; c += 1) {
      const v = row[c];
      const header = ctx.headerByColumn.get(c);
      if (typeof v === 'string' && header !== undefined && v.trim() !== '' && normaliseHeader(v) === header) headerHits += 1;
    }
    if (headerHits >= 2 && headerHits >= filled * 0.6) return skip('重复的表头行');
  }
  for (const t of firstTexts) if (t.length <= 12 && TOTAL.test(normaliseWord(t))) return skip('合计行');

  const mergedAcross = ctx.wideMerges.has(r) && distinct.size === 1;
  if (mergedAcross || distinct.size <= 3) {
    const joined = normaliseWord([...distinct].join(' '));
    if (SIGNATURE.test(joined)) return skip('签名行');
    if (FILL_IN.test(joined) || STAMP.test(joined)) return skip('填报信息行');
    if (NOTE.test(normaliseWord(firstTexts[0] ?? '')) && distinct.size <= 2) return skip('说明行');
  }
  if (mergedAcross) return skip('分组标题行');
  if (dataFilled === 0) {
    // Only 序号 (a template's pre-numbered empty rows) or columns nobody reads.
    return onlySeq ? BLANK : skip('表格外的内容');
  }
  return DATA;
}

/** Why a non-blank row above the header is not data. */
export function classifyRowAbove(rows: readonly RawCell[][], r: number, isFirst: boolean): RowClass {
  const values = cells(rows, r).filter((v) => v !== '');
  if (values.length === 0) return { kind: 'blank' };
  const joined = normaliseWord(values.join(' '));
  if (FILL_IN.test(joined) || STAMP.test(joined)) return { kind: 'skipped', reason: '填报信息行' };
  if (isFirst) return { kind: 'skipped', reason: '标题行' };
  return { kind: 'skipped', reason: '表头上方的内容' };
}
