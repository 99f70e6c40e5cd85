import path from 'node:path';
import type { ParsedInputOf } from '../../../shared/api/define.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { ROW_FILTERS, importMethods } from '../../../shared/api/methods/import.ts';
import type { FileCheck, RowResult } from '../../../shared/import/check-schema.ts';
import { fileError } from '../../../shared/import/file-errors.ts';
import { SHAPES } from '../../../shared/import/column-synonyms.ts';
import type { CsvEncoding } from '../../../shared/import/import-kinds.ts';
import type { UnitDecision } from './units-to-add.ts';
import type { BackendContext } from '../context.ts';
import { isFileSystemError, readProblem } from '../files/read-problem.ts';
import type { JobControl } from '../jobs/job-registry.ts';
import { evaluateFile, fileSummary, newFileState, rowResult, type CheckEnv, type CheckedRow, type FileState } from './check-file.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { getSession, listSessions, newCheckId, nextCheckRound, putSession } from './import-sessions.ts';
import { rememberMapping, type ColumnMapping } from './mapping-store.ts';
import { FileReadError } from './file-read-error.ts';
import { runParse } from './parse-runner.ts';
import { unitListCsv } from './pasted-text.ts';

/**
 * The importer's services, shared by the API handlers and the command line: check staged files
 * (as a job with progress and cancel), read the preview page by page, correct it, and hand it to
 * the commit.
 */

export interface CheckOptions {
  encoding: CsvEncoding;
  agencyUnitId: number | null;
  limits?: ImportLimits;
}

export function envOf(ctx: BackendContext): CheckEnv {
  const settings = ctx.settings();
  return { db: ctx.db, today: ctx.today(), certValidityYears: settings.certValidityYears, regionCode: settings.regionCode, countyName: settings.countyName };
}

async function parseInto(ctx: BackendContext, state: FileState, limits: ImportLimits, control: Pick<JobControl, 'signal'> & { progress: (f: number, m: string) => void }): Promise<void> {
  const bytes = ctx.files.read(state.fileId);
  try {
    state.parsed = await runParse(bytes, { fileName: state.file, encoding: state.encoding, limits }, { signal: control.signal, onProgress: control.progress });
    state.error = null;
  } catch (err) {
    if (err instanceof FileReadError) {
      state.parsed = null;
      state.error = err.fileError;
      return;
    }
    throw err;
  }
}

/** Checks staged files one after another; progress runs over all of them. */
export async function checkStagedFiles(ctx: BackendContext, fileIds: readonly string[], options: CheckOptions, control: JobControl): Promise<FileCheck[]> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const checkRound = nextCheckRound(ctx);
  const out: FileCheck[] = [];
  for (let i = 0; i < fileIds.length; i += 1) {
    const fileId = fileIds[i] ?? '';
    const info = ctx.files.info(fileId);
    const base = i / fileIds.length;
    const span = 1 / fileIds.length;
    const label = `（${i + 1}/${fileIds.length}）${info.name}`;
    control.progress(base, `正在读取${label}`);
    const state = newFileState({
      checkId: newCheckId(),
      fileId,
      file: info.name,
      relativePath: info.relativePath,
      size: info.size,
      sha256: info.sha256,
      encoding: options.encoding,
      agencyOverride: options.agencyUnitId,
      checkRound,
    });
    try {
      await parseInto(ctx, state, limits, { signal: control.signal, progress: (f, m) => control.progress(base + span * 0.85 * f, `${m}${label}`) });
      if (control.signal.aborted) throw new AppError('CANCELLED', '已取消');
      control.progress(base + span * 0.88, `正在检查${label}`);
      evaluateFile(state, envOf(ctx));
    } catch (err) {
      // One file's failure is that file's error; the others are checked as usual.
      if ((err instanceof AppError && err.code === 'CANCELLED') || control.signal.aborted) throw err;
      state.parsed = null;
      state.sheets = [];
      if (isFileSystemError(err)) state.error = fileError('FILE_READ_FAILED', info.name, readProblem(err));
      else if (err instanceof AppError && err.code === 'NOT_FOUND') state.error = fileError('FILE_READ_FAILED', info.name, err.message.replace(/[。.]$/, ''));
      else {
        ctx.log.write('error', `checking ${info.name} failed`, err);
        state.error = fileError('FILE_CHECK_FAILED', info.name);
      }
    }
    putSession(ctx, state);
    out.push(fileSummary(state, ctx.db));
  }
  control.progress(1, `已检查 ${fileIds.length} 个文件`);
  return out;
}

export function fileCheck(ctx: BackendContext, checkId: string): FileCheck {
  return fileSummary(getSession(ctx, checkId), ctx.db);
}

export type RowFilter = (typeof ROW_FILTERS)[number];

function matches(row: CheckedRow, filter: RowFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'errors':
      return row.status === 'error';
    case 'warnings':
      return row.status === 'error' || row.draft.issues.some((i) => i.severity === 'warning');
    case 'changes':
      return row.status === 'add' || row.status === 'change' || row.status === 'transfer';
  }
}

/**
 * Every file checked in this session and not cleared (the 导入 page's list, after a visit elsewhere
 * or a reload): the latest check first, the files of one check in the order they were handed over.
 */
export function sessionFiles(ctx: BackendContext): FileCheck[] {
  return listSessions(ctx)
    .sort((a, b) => b.checkRound - a.checkRound)
    .map((state) => fileSummary(state, ctx.db));
}

function sheetOf(state: FileState, sheetIndex: number) {
  const sheet = state.sheets[sheetIndex];
  if (!sheet) throw new AppError('NOT_FOUND', `文件“${state.file}”没有第 ${sheetIndex + 1} 个工作表`);
  return sheet;
}

export function rowsPage(ctx: BackendContext, checkId: string, sheetIndex: number, offset: number, limit: number, filter: RowFilter): { total: number; rows: RowResult[] } {
  const state = getSession(ctx, checkId);
  const sheet = sheetOf(state, sheetIndex);
  const selected = sheet.rows.filter((r) => matches(r, filter));
  return { total: selected.length, rows: selected.slice(offset, offset + limit).map((r) => rowResult(state, sheet, r)) };
}

function editable(state: FileState): void {
  if (state.committed) throw new AppError('CONFLICT', `文件“${state.file}”已经导入，不能再修改预览。如需更改，请先撤销这次导入。`);
  if (state.error) throw new AppError('RULE_VIOLATION', `文件“${state.file}”无法读取，没有可修改的内容。`);
}

function reevaluate(ctx: BackendContext, state: FileState): void {
  evaluateFile(state, envOf(ctx));
}

function rowOf(state: FileState, sheetIndex: number, row: number): RowResult | null {
  const sheet = state.sheets[sheetIndex];
  const found = sheet?.rows.find((r) => r.draft.row === row);
  return sheet && found ? rowResult(state, sheet, found) : null;
}

function requireDataRow(state: FileState, sheetIndex: number, row: number): void {
  const sheet = sheetOf(state, sheetIndex);
  if (!sheet.rows.some((r) => r.draft.row === row)) throw new AppError('NOT_FOUND', `工作表“${sheet.analysis.name}”第 ${row} 行不是数据行`);
}

/** The clerk corrects one cell in the preview; the whole sheet is checked again (duplicates depend on other rows). */
export function editCell(ctx: BackendContext, checkId: string, sheetIndex: number, row: number, field: string, value: string): { file: FileCheck; row: RowResult | null } {
  const state = getSession(ctx, checkId);
  editable(state);
  requireDataRow(state, sheetIndex, row);
  const shape = sheetOf(state, sheetIndex).analysis.shape;
  if (!shape || !SHAPES[shape].fields.some((f) => f.key === field && f.key !== 'seq')) throw new AppError('INVALID_INPUT', `“${field}”不是这张表可以修改的字段`);
  const bySheet = state.edits.get(sheetIndex) ?? new Map<number, Map<string, string>>();
  const byRow = bySheet.get(row) ?? new Map<string, string>();
  byRow.set(field, value);
  bySheet.set(row, byRow);
  state.edits.set(sheetIndex, bySheet);
  reevaluate(ctx, state);
  return { file: fileSummary(state, ctx.db), row: rowOf(state, sheetIndex, row) };
}

export function excludeRow(ctx: BackendContext, checkId: string, sheetIndex: number, row: number, excluded: boolean): { file: FileCheck; row: RowResult | null } {
  const state = getSession(ctx, checkId);
  editable(state);
  requireDataRow(state, sheetIndex, row);
  const set = state.excluded.get(sheetIndex) ?? new Set<number>();
  if (excluded) set.add(row);
  else set.delete(row);
  state.excluded.set(sheetIndex, set);
  reevaluate(ctx, state);
  return { file: fileSummary(state, ctx.db), row: rowOf(state, sheetIndex, row) };
}

export function confirmTransfer(ctx: BackendContext, checkId: string, sheetIndex: number, row: number, confirmed: boolean): { file: FileCheck; row: RowResult | null } {
  const state = getSession(ctx, checkId);
  editable(state);
  requireDataRow(state, sheetIndex, row);
  const set = state.confirmedTransfers.get(sheetIndex) ?? new Set<number>();
  if (confirmed) set.add(row);
  else set.delete(row);
  state.confirmedTransfers.set(sheetIndex, set);
  reevaluate(ctx, state);
  return { file: fileSummary(state, ctx.db), row: rowOf(state, sheetIndex, row) };
}

export type SheetOptionsInput = Omit<ParsedInputOf<(typeof importMethods)['import.setSheetOptions']>, 'checkId' | 'sheetIndex'>;

/** The clerk corrects a sheet's kind, agency or column mapping; a confirmed mapping is remembered for the agency. */
export function setSheetOptions(ctx: BackendContext, checkId: string, sheetIndex: number, input: SheetOptionsInput): FileCheck {
  const state = getSession(ctx, checkId);
  editable(state);
  sheetOf(state, sheetIndex);
  const current = { ...(state.sheetOptions.get(sheetIndex) ?? {}) };
  if (input.kind !== undefined) {
    if (input.kind === null) delete current.kind;
    else current.kind = input.kind;
  }
  if (input.unitId !== undefined) {
    if (input.unitId === null) delete current.unitId;
    else {
      if (!ctx.db.prepare(`SELECT 1 FROM units WHERE id = ?`).get(input.unitId)) throw new AppError('NOT_FOUND', '所选单位不存在');
      current.unitId = input.unitId;
    }
  }
  if (input.mapping !== undefined) {
    if (input.mapping === null) delete current.mapping;
    else current.mapping = input.mapping;
  }
  state.sheetOptions.set(sheetIndex, current);
  // The header may have moved (a kind forced on an unrecognised sheet): edits and exclusions refer to rows, which stay.
  reevaluate(ctx, state);
  const sheet = sheetOf(state, sheetIndex);
  if (input.remember && current.mapping && sheet.analysis.kind !== 'skipped') {
    const full: ColumnMapping = {};
    for (const c of sheet.analysis.columns) full[c.column] = c.field;
    rememberMapping(ctx.db, sheet.analysis.agency?.unitId ?? null, sheet.analysis.kind, sheet.analysis.signature, full);
  }
  return fileSummary(state, ctx.db);
}

export async function setFileOptions(ctx: BackendContext, checkId: string, input: { encoding?: CsvEncoding; agencyUnitId?: number | null }): Promise<FileCheck> {
  const state = getSession(ctx, checkId);
  if (state.committed) editable(state);
  if (input.agencyUnitId !== undefined) {
    if (input.agencyUnitId !== null && !ctx.db.prepare(`SELECT 1 FROM units WHERE id = ?`).get(input.agencyUnitId)) throw new AppError('NOT_FOUND', '所选单位不存在');
    state.agencyOverride = input.agencyUnitId;
  }
  if (input.encoding !== undefined && input.encoding !== state.encoding) {
    state.encoding = input.encoding;
    if (path.extname(state.file).toLowerCase() === '.csv' || state.parsed?.format === 'csv') {
      state.edits.clear();
      state.excluded.clear();
      await parseInto(ctx, state, DEFAULT_IMPORT_LIMITS, { signal: new AbortController().signal, progress: () => undefined });
    }
  }
  reevaluate(ctx, state);
  return fileSummary(state, ctx.db);
}

/** Re-runs the checks of a held file against the registry as it is now (after an undo, say). */
export function recheck(ctx: BackendContext, checkId: string): FileCheck {
  const state = getSession(ctx, checkId);
  if (state.parsed) reevaluate(ctx, state);
  return fileSummary(state, ctx.db);
}

export interface FillInput {
  field: string;
  value: string;
  /** One sheet's rows (the clerk's selection), or every sheet of the file whose table has the field. */
  sheetIndex?: number | undefined;
  rows?: number[] | undefined;
}

/**
 * 批量填写: the value for every row where the field is empty — in the whole file (each sheet whose
 * table has the field, e.g. 编制类型 in a roster without that column), or in the rows the clerk
 * selected. Each filled cell is a correction like one made by hand (the error workbook lists it),
 * and the file is checked again. Returns how many cells were filled.
 */
export function fillEmpty(ctx: BackendContext, checkId: string, input: FillInput): { file: FileCheck; filled: number } {
  const state = getSession(ctx, checkId);
  editable(state);
  const value = input.value.trim();
  if (value === '') throw new AppError('INVALID_INPUT', '请填写要批量填入的内容');
  const sheets = input.sheetIndex === undefined ? state.sheets : [sheetOf(state, input.sheetIndex)];
  const selected = input.rows ? new Set(input.rows) : null;
  let filled = 0;
  let fillable = false;
  for (const sheet of sheets) {
    const shape = sheet.analysis.shape;
    if (sheet.analysis.kind === 'skipped' || !shape || !SHAPES[shape].fields.some((f) => f.key === input.field && f.key !== 'seq')) continue;
    fillable = true;
    const bySheet = state.edits.get(sheet.analysis.index) ?? new Map<number, Map<string, string>>();
    const column = sheet.analysis.fieldColumns.get(input.field);
    const sheetRows = state.parsed?.sheets[sheet.analysis.index]?.rows ?? [];
    for (const row of sheet.rows) {
      if (row.status === 'excluded' || (selected && !selected.has(row.draft.row))) continue;
      const byRow = bySheet.get(row.draft.row) ?? new Map<string, string>();
      const edited = byRow.get(input.field);
      const cell = column === undefined ? null : (sheetRows[row.draft.rowIndex]?.[column] ?? null);
      const empty = edited !== undefined ? edited.trim() === '' : cell === null || String(cell).trim() === '';
      if (!empty) continue;
      byRow.set(input.field, value);
      bySheet.set(row.draft.row, byRow);
      filled += 1;
    }
    state.edits.set(sheet.analysis.index, bySheet);
  }
  if (!fillable) throw new AppError('INVALID_INPUT', `文件“${state.file}”中没有可以填写“${input.field}”的表格`);
  if (filled > 0) reevaluate(ctx, state);
  return { file: fileSummary(state, ctx.db), filled };
}

export type UnitDecisionInput = { key: string } & UnitDecision;

/** The clerk decides about a unit to add: its kind, whether it is an agency, or that it is an existing unit under another name. */
export function setUnitToAdd(ctx: BackendContext, checkId: string, input: UnitDecisionInput): FileCheck {
  const state = getSession(ctx, checkId);
  editable(state);
  if (!state.unitsToAdd.some((p) => p.key === input.key)) throw new AppError('NOT_FOUND', `文件“${state.file}”中没有要新增的这个单位，请重新检查`);
  if (input.existingUnitId !== undefined && input.existingUnitId !== null && !ctx.db.prepare(`SELECT 1 FROM units WHERE id = ?`).get(input.existingUnitId)) {
    throw new AppError('NOT_FOUND', '所选单位不存在');
  }
  const { key, ...decision } = input;
  state.unitDecisions.set(key, { ...state.unitDecisions.get(key), ...decision });
  reevaluate(ctx, state);
  return fileSummary(state, ctx.db);
}

const PASTED_UNIT_LIST = '粘贴的单位名单.csv';

/** A unit list pasted from Excel (or typed), checked like a file: the preview, commit and undo are the same. */
export async function checkPastedText(ctx: BackendContext, text: string): Promise<FileCheck> {
  const staged = ctx.files.put(PASTED_UNIT_LIST, unitListCsv(text));
  const control = { signal: new AbortController().signal, progress: () => undefined };
  const [file] = await checkStagedFiles(ctx, [staged.fileId], { encoding: 'utf-8', agencyUnitId: null }, control);
  if (!file) throw new AppError('INTERNAL', '检查粘贴的内容时出错');
  return file;
}
