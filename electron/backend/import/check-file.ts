import type { ListKind } from '../../../shared/domain/list-kinds.ts';
import { ISSUE_LIST_LIMIT, type FieldDiff, type FileCheck, type ImportCounts, type MissingRecord, type RowResult, type SheetCheck } from '../../../shared/import/check-schema.ts';
import type { FileError } from '../../../shared/import/file-errors.ts';
import { isListKind, type CsvEncoding, type FileStatus, type RowStatus } from '../../../shared/import/import-kinds.ts';
import { fieldLabel } from '../../../shared/import/column-synonyms.ts';
import { makeIssue, type ImportIssue } from '../../../shared/import/issues.ts';
import { normaliseWord } from '../../../shared/import/text-normalise.ts';
import type { Db } from '../db/open-database.ts';
import { compareItem, compareListItem, loadItemRegistry, loadListRegistry, markRepeatedEntries, missingItems, missingListItems, type CatalogPlan } from './catalog-compare.ts';
import { readItemRow, readListRow } from './catalog-rows.ts';
import { findRememberedMapping } from './mapping-store.ts';
import { addParseFindings } from './parse-findings.ts';
import type { ParsedWorkbook } from './parse-workbook.ts';
import { comparePerson, loadPersonnelRegistry, markPersonnelDuplicates, missingPeople, type PersonnelRegistry, type PersonPlan } from './personnel-compare.ts';
import { readPersonnelRow, type PersonnelRules } from './personnel-rows.ts';
import { rawCells, type RowContext, type RowDraft } from './row-draft.ts';
import { analyseSheet, type SheetAnalysis, type SheetOptions } from './sheet-analysis.ts';
import { loadUnitIndex, type UnitIndex } from './unit-matcher.ts';
import { compareUnit, loadUnitRegistry, readUnitRow, type UnitPlan } from './unit-rows.ts';
import { proposeUnits, unitsToAddOfSheet, type UnitDecision, type UnitProposal } from './units-to-add.ts';

/**
 * One checked file as the preview holds it: the parsed workbook, the clerk's corrections, and what
 * the checks concluded per sheet and row, ready to be shown, corrected again, or committed.
 */

export interface CheckedRow {
  draft: RowDraft;
  status: RowStatus;
  diff: FieldDiff[];
  recordId: number | null;
  transferFrom: { unitId: number; unitName: string } | null;
  transferConfirmed: boolean;
  plan: PersonPlan | CatalogPlan | UnitPlan | null;
}

export interface CheckedSheet {
  analysis: SheetAnalysis;
  rows: CheckedRow[];
  missing: MissingRecord[];
  /** Sheet-level findings (after file-level adjustments). */
  sheetIssues: ImportIssue[];
  counts: ImportCounts;
  /** True when nothing in the sheet may be imported (a sheet-level error, or a skipped sheet). */
  blocked: boolean;
  /** Units the sheet needs (its agency, its rows' units): the ones to add are listed in its summary. */
  unitIds: Set<number>;
}

export interface FileState {
  checkId: string;
  fileId: string;
  file: string;
  relativePath: string | null;
  size: number;
  sha256: string;
  parsed: ParsedWorkbook | null;
  error: FileError | null;
  encoding: CsvEncoding;
  agencyOverride: number | null;
  sheetOptions: Map<number, SheetOptions>;
  /** sheet → row (1-based) → field → corrected text. */
  edits: Map<number, Map<number, Map<string, string>>>;
  excluded: Map<number, Set<number>>;
  confirmedTransfers: Map<number, Set<number>>;
  /** The clerk's decisions on units to add, by proposal key. */
  unitDecisions: Map<string, UnitDecision>;
  sheets: CheckedSheet[];
  /** Units the file names that the unit list lacks (added on commit), with the clerk's decisions applied. */
  unitsToAdd: UnitProposal[];
  committed: { batchId: number; operationId: number } | null;
  /** The registry's state when `sheets` was computed (see registryStamp). */
  stamp: string;
  /** Which check (one job, one folder) brought the file in: the list shows the latest check first. */
  checkRound: number;
}

/**
 * Changes when anything the checks depend on may have changed: every registry change is an
 * operation (undo included), and the date and the validity rule enter the certificate checks.
 * Inside a commit, the commit's own operation row (already written by runOperation) is not a
 * change since the check: only operations below it count.
 */
export function registryStamp(env: CheckEnv): string {
  const last = env.db
    .prepare(`SELECT ifnull(max(id), 0) FROM operations WHERE id < ?`)
    .pluck()
    .get(env.writingOperationId ?? Number.MAX_SAFE_INTEGER) as number;
  return `${last}|${env.today}|${env.certValidityYears}|${env.regionCode}|${env.countyName}`;
}

export interface CheckEnv {
  db: Db;
  today: string;
  certValidityYears: number;
  /** 设置: the county's region code (an ID number from elsewhere is flagged) and name (full names of units to add). */
  regionCode: string;
  countyName: string;
  /** The operation a commit is writing, when the file is checked inside it (see registryStamp). */
  writingOperationId?: number;
}

function emptyCounts(): ImportCounts {
  return { read: 0, importable: 0, errors: 0, warnings: 0, skipped: 0, add: 0, change: 0, unchanged: 0, transfer: 0, duplicate: 0, excluded: 0 };
}

type Outcome = Omit<CheckedRow, 'draft'>;
const excludedRow = (): Outcome => ({ status: 'excluded', diff: [], recordId: null, transferFrom: null, transferConfirmed: false, plan: null });
/** A row that a later row of the sheet repeats (that one is imported). */
const repeatedRow = (): Outcome => ({ status: 'duplicate', diff: [], recordId: null, transferFrom: null, transferConfirmed: false, plan: null });

function countRows(rows: readonly CheckedRow[], skipped: number, blocked: boolean): ImportCounts {
  const c = emptyCounts();
  c.read = rows.length;
  c.skipped = skipped;
  for (const r of rows) {
    if (r.status === 'error') c.errors += 1;
    else c[r.status] += 1;
    if (r.status !== 'excluded' && r.draft.issues.some((i) => i.severity === 'warning')) c.warnings += 1;
    if (!blocked && (r.status === 'add' || r.status === 'change' || r.status === 'unchanged' || (r.status === 'transfer' && r.transferConfirmed))) c.importable += 1;
  }
  return c;
}

/** Where a field is read from; a field the sheet has no column for (编制类型 of a roster without one) is named by its label. */
function columnLookup(analysis: SheetAnalysis) {
  return (field: string) => {
    const index = analysis.fieldColumns.get(field);
    const c = index === undefined ? undefined : analysis.columns.find((x) => x.index === index);
    return { column: c?.column ?? null, header: c?.header ?? (index === undefined && analysis.shape ? fieldLabel(analysis.shape, field) : null) };
  };
}

function rowContext(state: FileState, analysis: SheetAnalysis, rowIndex: number): RowContext {
  const sheet = state.parsed?.sheets[analysis.index];
  return {
    file: state.file,
    sheet: analysis,
    shape: analysis.shape ?? 'personnel',
    sheetRows: sheet?.rows ?? [],
    edits: state.edits.get(analysis.index)?.get(rowIndex + 1),
    excluded: state.excluded.get(analysis.index)?.has(rowIndex + 1) ?? false,
  };
}

interface SheetResult {
  rows: CheckedRow[];
  missing: MissingRecord[];
  unitIds: Set<number>;
}

function checkPersonnelSheet(state: FileState, analysis: SheetAnalysis, env: CheckEnv, units: UnitIndex, registry: PersonnelRegistry): SheetResult {
  const rules: PersonnelRules = {
    today: env.today,
    date1904: state.parsed?.date1904 ?? false,
    certValidityYears: env.certValidityYears,
    units,
    regionCode: env.regionCode,
    countyName: env.countyName,
  };
  const sheetUnitId = analysis.agency?.unitId ?? null;
  const drafts = analysis.dataRows.map((r) => readPersonnelRow(r, rowContext(state, analysis, r), rules, sheetUnitId));
  const columnOf = columnLookup(analysis);
  markPersonnelDuplicates(drafts, state.file, analysis.name, columnOf);
  const confirmed = state.confirmedTransfers.get(analysis.index) ?? new Set<number>();
  const rows: CheckedRow[] = drafts.map((draft) => {
    if (draft.excluded) return { draft, ...excludedRow() };
    const cmp = comparePerson(draft, { file: state.file, sheet: analysis.name, registry, units, confirmedTransfers: confirmed, today: env.today, columnOf });
    return { draft, ...cmp };
  });
  let missing: MissingRecord[] = [];
  const rowUnits = new Set(drafts.map((d) => d.person.unitId).filter((u): u is number => u !== null));
  // People of the agency the roster no longer lists: only for a roster of one unit already in the registry.
  if (sheetUnitId !== null && sheetUnitId > 0 && rowUnits.size <= 1) {
    const present = new Set(drafts.map((d) => d.person.idNumber).filter((id): id is string => id !== null));
    missing = missingPeople(env.db, sheetUnitId, present, registry);
  }
  if (sheetUnitId !== null) rowUnits.add(sheetUnitId);
  return { rows, missing, unitIds: rowUnits };
}

function checkItemSheet(state: FileState, analysis: SheetAnalysis, env: CheckEnv): SheetResult {
  const unitId = analysis.agency?.unitId ?? null;
  const drafts = analysis.dataRows.map((r) => readItemRow(r, rowContext(state, analysis, r)));
  const repeated = markRepeatedEntries(drafts, state.file, analysis.name, 'name', '检查事项（事项编码，或事项名称、实施依据和检查对象都相同）', columnLookup(analysis));
  // A unit to add (negative id) has no records yet: every row is new.
  const registry = unitId === null ? null : loadItemRegistry(env.db, unitId);
  const taken = new Set<number>();
  let position = 0;
  const rows: CheckedRow[] = drafts.map((draft) => {
    if (draft.excluded) return { draft, ...excludedRow() };
    if (repeated.has(draft.row)) return { draft, ...repeatedRow() };
    position += 1;
    const cmp = registry ? compareItem(draft, registry, unitId, position, taken) : { status: 'error' as const, diff: [], recordId: null, plan: null };
    return { draft, ...cmp, transferFrom: null, transferConfirmed: false };
  });
  return { rows, missing: registry ? missingItems(registry, taken) : [], unitIds: new Set(unitId === null ? [] : [unitId]) };
}

function checkListSheet(state: FileState, analysis: SheetAnalysis, env: CheckEnv): SheetResult {
  const unitId = analysis.agency?.unitId ?? null;
  const listKind: ListKind | null = isListKind(analysis.kind) ? analysis.kind : null;
  const drafts = analysis.dataRows.map((r) => readListRow(r, rowContext(state, analysis, r)));
  const repeated = markRepeatedEntries(drafts, state.file, analysis.name, 'violation', '事项（违法行为、违法依据和处罚依据都相同）', columnLookup(analysis));
  const registry = unitId !== null && listKind !== null ? loadListRegistry(env.db, unitId, listKind) : null;
  const matched = new Set<number>();
  let position = 0;
  const rows: CheckedRow[] = drafts.map((draft) => {
    if (draft.excluded) return { draft, ...excludedRow() };
    if (repeated.has(draft.row)) return { draft, ...repeatedRow() };
    position += 1;
    const cmp = registry ? compareListItem(draft, registry, unitId, listKind, position, matched) : { status: 'error' as const, diff: [], recordId: null, plan: null };
    return { draft, ...cmp, transferFrom: null, transferConfirmed: false };
  });
  return { rows, missing: registry ? missingListItems(registry, matched) : [], unitIds: new Set(unitId === null ? [] : [unitId]) };
}

/** The clerk's unit list: each row a unit to add or to update (names, kind, agency flag, aliases). */
function checkUnitSheet(state: FileState, analysis: SheetAnalysis, env: CheckEnv): SheetResult {
  const drafts = analysis.dataRows.map((r) => readUnitRow(r, rowContext(state, analysis, r)));
  const columnOf = columnLookup(analysis);
  const repeated = markRepeatedEntries(drafts, state.file, analysis.name, 'name', '单位', columnOf);
  const registry = loadUnitRegistry(env.db);
  const namesInFile = new Map<string, Set<number>>();
  for (const d of drafts) {
    if (d.excluded || repeated.has(d.row)) continue;
    for (const name of [d.unit.name, d.unit.shortName, ...d.unit.aliases]) {
      if (name === null) continue;
      const key = normaliseWord(name);
      namesInFile.set(key, (namesInFile.get(key) ?? new Set()).add(d.row));
    }
  }
  let position = 0;
  const rows: CheckedRow[] = drafts.map((draft) => {
    if (draft.excluded) return { draft, ...excludedRow() };
    if (repeated.has(draft.row)) return { draft, ...repeatedRow() };
    position += 1;
    const cmp = compareUnit(draft, { file: state.file, sheet: analysis.name, registry, namesInFile, columnOf, position });
    return { draft, ...cmp, transferFrom: null, transferConfirmed: false };
  });
  return { rows, missing: [], unitIds: new Set() };
}

/** Runs every check on a parsed file (again, after each correction) and stores the result in `state.sheets`. */
export function evaluateFile(state: FileState, env: CheckEnv): void {
  state.stamp = registryStamp(env);
  if (!state.parsed) {
    state.sheets = [];
    state.unitsToAdd = [];
    return;
  }
  const parsed = state.parsed;
  const registryUnits = loadUnitIndex(env.db);
  const remembered = (unitId: number | null, kind: Parameters<typeof findRememberedMapping>[2], signature: string) =>
    unitId !== null && unitId < 0 ? null : findRememberedMapping(env.db, unitId, kind, signature);
  const file = { fileName: state.file, relativePath: state.relativePath, agencyOverride: state.agencyOverride };
  // Merge filling writes into the parsed rows; it is idempotent, so re-analysis after a correction is safe.
  const analyse = (index: UnitIndex) => parsed.sheets.map((sheet, i) => analyseSheet(sheet, i, file, index, state.sheetOptions.get(i) ?? {}, remembered));
  let analyses = analyse(registryUnits);
  // Units the file names that the unit list lacks: read again with them standing in (units-to-add.ts).
  const { proposals, units } = proposeUnits(analyses, { fileName: state.file, countyName: env.countyName, units: registryUnits, decisions: state.unitDecisions });
  if (units !== registryUnits) analyses = analyse(units);
  state.unitsToAdd = proposals;
  let personnelRegistry: PersonnelRegistry | null = null;
  const anyImportable = analyses.some((a) => a.kind !== 'skipped');

  state.sheets = analyses.map((analysis) => {
    const sheetIssues = analysis.issues.map((issue) => (issue.code === 'HEADER_NOT_FOUND' && anyImportable ? { ...issue, severity: 'note' as const } : issue));
    if (analysis.agency && units.units.get(analysis.agency.unitId)?.toMark && analysis.kind !== 'personnel') {
      sheetIssues.push(
        makeIssue('AGENCY_TO_MARK', { file: state.file, sheet: analysis.name }, `“${analysis.agency.name}”尚未标记为编制检查事项目录和四项清单的执法主体，导入这个文件时一并标记（见“新增单位”）。`),
      );
    }
    let result: SheetResult = { rows: [], missing: [], unitIds: new Set() };
    if (analysis.shape === 'personnel' && analysis.kind === 'personnel') {
      personnelRegistry ??= loadPersonnelRegistry(env.db);
      result = checkPersonnelSheet(state, analysis, env, units, personnelRegistry);
    } else if (analysis.shape === 'inspection_items' && analysis.kind === 'inspection_items') {
      result = checkItemSheet(state, analysis, env);
    } else if (analysis.shape === 'units' && analysis.kind === 'units') {
      result = checkUnitSheet(state, analysis, env);
    } else if (analysis.shape === 'penalty_list' && analysis.kind !== 'skipped') {
      result = checkListSheet(state, analysis, env);
    } else if (analysis.shape === 'penalty_list' && analysis.kindUndecided) {
      // Show the rows so the clerk sees what the sheet holds; nothing is compared until the kind is chosen.
      const shown = checkListSheet(state, analysis, env);
      result = { rows: shown.rows.map((r) => ({ ...r, status: r.status === 'excluded' ? 'excluded' : 'error', plan: null })), missing: [], unitIds: new Set() };
    }
    addParseFindings(state, analysis, result.rows, sheetIssues);
    const blocked = analysis.kind === 'skipped' || sheetIssues.some((i) => i.severity === 'error');
    return {
      analysis,
      rows: result.rows,
      missing: result.missing,
      sheetIssues,
      counts: countRows(result.rows, analysis.skippedRows.length, blocked),
      blocked,
      unitIds: result.unitIds,
    };
  });
}

export function fileStatus(state: FileState): FileStatus {
  if (state.error) return 'unreadable';
  if (state.committed) return 'committed';
  const hasError = state.sheets.some((s) => s.sheetIssues.some((i) => i.severity === 'error') || s.counts.errors > 0);
  if (hasError) return 'errors';
  const work = state.sheets.some((s) => !s.blocked && (s.counts.add > 0 || s.counts.change > 0 || s.rows.some((r) => r.status === 'transfer' && r.transferConfirmed)));
  return work ? 'ready' : 'nothing';
}

export function sheetSummary(sheet: CheckedSheet, unitsToAdd: readonly UnitProposal[]): SheetCheck {
  const a = sheet.analysis;
  const mapping: Record<string, string> = {};
  for (const [field, index] of a.fieldColumns) {
    const c = a.columns.find((x) => x.index === index);
    if (c && field !== 'seq') mapping[field] = c.column;
  }
  return {
    index: a.index,
    sheet: a.name,
    kind: a.kind,
    reason: a.reason,
    // A unit to add has no id yet.
    agency: a.agency ? { ...a.agency, unitId: a.agency.unitId > 0 ? a.agency.unitId : null } : null,
    headerRows: a.headerRows,
    mapping,
    columns: a.columns.map((c) => ({ column: c.column, header: c.header, field: c.field })),
    mappingRemembered: a.mappingRemembered,
    counts: sheet.counts,
    skippedRows: a.skippedRows,
    ...listedIssues(sheet),
    missing: sheet.missing,
    unitsToAdd: unitsToAddOfSheet(unitsToAdd, sheet.unitIds),
  };
}

/** The issues a sheet summary lists: sheet-level first, then row findings by severity, capped. */
function listedIssues(sheet: CheckedSheet): { issues: ImportIssue[]; issueTotal: number } {
  let total = sheet.sheetIssues.length;
  for (const r of sheet.rows) total += r.draft.issues.length;
  if (total <= ISSUE_LIST_LIMIT) return { issues: allIssues(sheet), issueTotal: total };
  const out: ImportIssue[] = [...sheet.sheetIssues];
  fill: for (const severity of ['error', 'warning', 'note'] as const) {
    for (const r of sheet.rows) {
      if (out.length >= ISSUE_LIST_LIMIT) break fill;
      for (const i of r.draft.issues) if (i.severity === severity && out.length < ISSUE_LIST_LIMIT) out.push(i);
    }
  }
  out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { issues: out, issueTotal: total };
}

/** Every issue of a sheet in row order (the command line's JSON lists them all). */
export function allIssues(sheet: CheckedSheet): ImportIssue[] {
  return [...sheet.sheetIssues, ...sheet.rows.flatMap((r) => r.draft.issues)];
}

export function rawOf(state: FileState, sheet: CheckedSheet, row: CheckedRow): Record<string, string> {
  return rawCells(state.parsed?.sheets[sheet.analysis.index]?.rows ?? [], sheet.analysis.columns, row.draft.rowIndex, state.parsed?.date1904 ?? false);
}

export function rowResult(state: FileState, sheet: CheckedSheet, row: CheckedRow): RowResult {
  return {
    row: row.draft.row,
    status: row.status,
    values: row.draft.values,
    raw: rawOf(state, sheet, row),
    edited: [...row.draft.edited],
    edits: Object.fromEntries(state.edits.get(sheet.analysis.index)?.get(row.draft.row) ?? []),
    diff: row.diff,
    recordId: row.recordId,
    transferFrom: row.transferFrom,
    transferConfirmed: row.transferConfirmed,
    issues: row.draft.issues,
  };
}

export interface PreviousImport {
  batchId: number;
  operationId: number;
  fileName: string;
  committedAt: string;
  undone: boolean;
}

export function previousImports(db: Db, sha256: string): PreviousImport[] {
  return (
    db
      .prepare(
        `SELECT b.id AS batchId, b.operation_id AS operationId, b.file_name AS fileName, b.committed_at AS committedAt, (o.undone_by IS NOT NULL) AS undone
           FROM import_batches b JOIN operations o ON o.id = b.operation_id WHERE b.sha256 = ? ORDER BY b.id`,
      )
      .all(sha256) as (Omit<PreviousImport, 'undone'> & { undone: number })[]
  ).map((r) => ({ ...r, undone: r.undone === 1 }));
}

export function fileSummary(state: FileState, db: Db): FileCheck {
  // An import undone through 操作记录 or the 撤销 notice (history.undo) frees the preview for another commit.
  if (state.committed) {
    const undone = db.prepare(`SELECT undone_by IS NOT NULL FROM operations WHERE id = ?`).pluck().get(state.committed.operationId) as number | undefined;
    if (undone === 1) state.committed = null;
  }
  return {
    checkId: state.checkId,
    file: state.file,
    relativePath: state.relativePath,
    size: state.size,
    sha256: state.sha256,
    format: state.parsed?.format ?? null,
    encoding: state.parsed?.encoding ?? null,
    status: fileStatus(state),
    error: state.error,
    sheets: state.sheets.map((s) => sheetSummary(s, state.unitsToAdd)),
    previousImports: previousImports(db, state.sha256),
    committed: state.committed,
    unitsToAdd: state.committed
      ? []
      : state.unitsToAdd.map(({ key, name, kind, kindGuessed, keepsLists, existingUnitId, marksAgency, sources }) => ({
          key,
          name,
          kind,
          kindGuessed,
          keepsLists,
          existingUnitId,
          marksAgency,
          sources,
        })),
    pendingChanges: state.committed ? 0 : pendingChanges(state),
  };
}

/** How many corrections the clerk made to the file (cells, exclusions, transfers, sheet options, units) that are not imported yet. */
export function pendingChanges(state: FileState): number {
  let n = state.unitDecisions.size + state.sheetOptions.size;
  for (const bySheet of state.edits.values()) for (const byRow of bySheet.values()) n += byRow.size;
  for (const set of state.excluded.values()) n += set.size;
  for (const set of state.confirmedTransfers.values()) n += set.size;
  return n;
}

/** A new, unchecked file state (evaluateFile fills in the check). */
export function newFileState(init: Pick<FileState, 'checkId' | 'fileId' | 'file' | 'relativePath' | 'size' | 'sha256' | 'encoding' | 'agencyOverride' | 'checkRound'>): FileState {
  return {
    ...init,
    parsed: null,
    error: null,
    sheetOptions: new Map(),
    edits: new Map(),
    excluded: new Map(),
    confirmedTransfers: new Map(),
    unitDecisions: new Map(),
    sheets: [],
    unitsToAdd: [],
    committed: null,
    stamp: '',
  };
}
