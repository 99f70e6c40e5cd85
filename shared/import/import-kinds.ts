import { LIST_KINDS, RECORD_KIND_LABELS, RECORD_KINDS, type ListKind } from '../domain/list-kinds.ts';

/**
 * What a sheet can be, what a row can become, and how serious a finding is. These codes appear in
 * the API, the command line's JSON and the tests; the labels are what the clerk reads.
 */

/** What the agencies submit (the roster, the catalog, the four lists), and the clerk's own unit list (单位名单). */
export const IMPORT_KINDS = [...RECORD_KINDS, 'units'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = { ...RECORD_KIND_LABELS, units: '单位名单' };

/** A sheet that is not imported is `skipped`, with a reason. */
export const SHEET_KINDS = [...IMPORT_KINDS, 'skipped'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/**
 * The four table layouts. The four lists share one layout; which list a sheet is comes from its
 * title, sheet name or file name (see kind-keywords.ts).
 */
export const TABLE_SHAPES = ['personnel', 'inspection_items', 'penalty_list', 'units'] as const;
export type TableShape = (typeof TABLE_SHAPES)[number];

export function shapeOfKind(kind: ImportKind): TableShape {
  return (LIST_KINDS as readonly string[]).includes(kind) ? 'penalty_list' : (kind as 'personnel' | 'inspection_items' | 'units');
}

export function isListKind(kind: string): kind is ListKind {
  return (LIST_KINDS as readonly string[]).includes(kind);
}

/**
 * Row outcomes:
 * - add: a new record; change: an existing record whose fields differ; unchanged: nothing to write;
 * - transfer: a person registered in another unit — imported only when the clerk confirms the transfer;
 * - duplicate: the same entry (or unit) as a later row of the sheet, which is the one imported;
 * - error: not imported (see its issues); excluded: the clerk left it out.
 */
export const ROW_STATUSES = ['add', 'change', 'unchanged', 'transfer', 'duplicate', 'error', 'excluded'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export const ROW_STATUS_LABELS: Readonly<Record<RowStatus, string>> = {
  add: '新增',
  change: '修改',
  unchanged: '无变化',
  transfer: '调动待确认',
  duplicate: '重复',
  error: '错误',
  excluded: '已排除',
};

/** error: the row is not imported; warning: imported, but flagged; note: for information. */
export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', note: '提示' };

/**
 * A checked file's state in the summary table:
 * - unreadable: the file could not be read at all (nothing in it can be imported);
 * - errors: it was read, but some rows or sheets have errors;
 * - ready: no errors (warnings allowed), something to write;
 * - nothing: no errors and nothing to add or change;
 * - committed: imported in this session.
 */
export const FILE_STATUSES = ['unreadable', 'errors', 'ready', 'nothing', 'committed'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const FILE_STATUS_LABELS: Readonly<Record<FileStatus, string>> = {
  unreadable: '无法读取',
  errors: '有错误',
  ready: '可导入',
  nothing: '无需导入',
  committed: '已导入',
};

/** How the agency of a sheet was recognised, strongest first. */
export const AGENCY_SOURCES = ['override', 'column', 'fill_in', 'title', 'sheet_name', 'file_name', 'folder'] as const;
export type AgencySource = (typeof AGENCY_SOURCES)[number];

export const AGENCY_SOURCE_LABELS: Readonly<Record<AgencySource, string>> = {
  override: '人工指定',
  column: '表内“单位”列',
  fill_in: '填报单位栏',
  title: '表格标题',
  sheet_name: '工作表名称',
  file_name: '文件名',
  folder: '文件夹名',
};

/** The file formats the importer reads. `et` is WPS Spreadsheets' own extension. */
export const IMPORT_FORMATS = ['xlsx', 'xls', 'et', 'ods', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_EXTENSIONS: readonly string[] = ['.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv'];

/** CSV text encodings the clerk may force; `auto` tries strict UTF-8 first, then GB18030. */
export const CSV_ENCODINGS = ['auto', 'utf-8', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
