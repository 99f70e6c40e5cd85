import { z } from 'zod';
import { UNIT_KINDS } from '../domain/unit-kinds.ts';
import { AGENCY_SOURCES, FILE_STATUSES, IMPORT_FORMATS, ROW_STATUSES, SEVERITIES, SHEET_KINDS } from './import-kinds.ts';

/**
 * What the importer concluded about a file, as the API, the preview and the command line's JSON
 * carry it. One schema, so the UI and `import --json` show the same facts.
 */

export const issueSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  code: z.string(),
  message: z.string(),
  detail: z.string(),
});

export const rowValueSchema = z.union([z.string(), z.boolean(), z.null()]);

export const fieldDiffSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type FieldDiff = z.infer<typeof fieldDiffSchema>;

export const rowResultSchema = z.object({
  /** Sheet row number, as Excel shows it. */
  row: z.number().int(),
  status: z.enum(ROW_STATUSES),
  /** Normalised values by field; dates as YYYY-MM-DD. */
  values: z.record(z.string(), rowValueSchema),
  /** The cells as the agency wrote them, by column letter (for the grid and the error workbook). */
  raw: z.record(z.string(), z.string()),
  /** Fields the clerk corrected in the preview. */
  edited: z.array(z.string()),
  /** What the clerk typed (or filled in) for each corrected field: the grid shows it as the cell's saved value. */
  edits: z.record(z.string(), z.string()),
  /** For change and transfer rows: what differs from the registry. */
  diff: z.array(fieldDiffSchema),
  /** The registry record this row matches (person, item), when there is one. */
  recordId: z.number().int().nullable(),
  /** For transfer rows: the unit the person is registered in now. */
  transferFrom: z.object({ unitId: z.number().int(), unitName: z.string() }).nullable(),
  /** For transfer rows: whether the clerk confirmed the transfer. */
  transferConfirmed: z.boolean(),
  issues: z.array(issueSchema),
});
export type RowResult = z.infer<typeof rowResultSchema>;

export const countsSchema = z.object({
  /** Data rows read (title, header, total, signature and blank rows not included). */
  read: z.number().int(),
  /** Rows that would be written or are already up to date: add + change + unchanged + confirmed transfers. */
  importable: z.number().int(),
  /** Rows with at least one error (not imported). */
  errors: z.number().int(),
  /** Rows with at least one warning. */
  warnings: z.number().int(),
  /** Non-blank rows that are not data: title, fill-in, repeated header, total, signature, notes. */
  skipped: z.number().int(),
  add: z.number().int(),
  change: z.number().int(),
  unchanged: z.number().int(),
  transfer: z.number().int(),
  /** The same entry as a later row of the sheet (that one is imported). */
  duplicate: z.number().int(),
  excluded: z.number().int(),
});
export type ImportCounts = z.infer<typeof countsSchema>;

export const columnSchema = z.object({
  column: z.string(),
  header: z.string(),
  field: z.string().nullable(),
});

export const agencySchema = z.object({
  /** Null for a unit not in the unit list yet, added when the file is imported (see unitsToAdd). */
  unitId: z.number().int().nullable(),
  name: z.string(),
  source: z.enum(AGENCY_SOURCES),
});

/**
 * A unit a submission names (in its title, its 填报单位 line, its file name or a 单位 column) that
 * the unit list lacks. Importing the file adds it, in the same operation (so one undo removes it
 * again); the clerk may change its kind, or say it is an existing unit under another name (the
 * name then becomes that unit's alias).
 */
export const unitToAddSchema = z.object({
  /** The comparable form of the name; identifies the proposal in import.setUnitToAdd. */
  key: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  /** True while the kind is the one guessed from the name (镇/乡/街道/办事处 → 乡镇（街道）). */
  kindGuessed: z.boolean(),
  /** Marked as an enforcement agency (执法主体): the file brings its catalog or lists. */
  keepsLists: z.boolean(),
  /** The existing unit the clerk says this is; the name is added to its aliases instead. */
  existingUnitId: z.number().int().nullable(),
  /**
   * An existing unit that brings a catalog or lists but is not marked as an agency (执法主体) yet:
   * importing the file marks it. Like adding a unit, it needs the clerk's consent.
   */
  marksAgency: z.boolean(),
  /** Where the name was read, for the clerk: 填报单位栏 of sheet “花名册”, 单位 column (12 rows) … */
  sources: z.array(z.string()),
});
export type UnitToAdd = z.infer<typeof unitToAddSchema>;

export const missingRecordSchema = z.object({
  recordId: z.number().int(),
  label: z.string(),
  detail: z.string(),
  /** A person with an open certificate, which the clerk may cancel (注销) on commit. */
  openCertificate: z.object({ id: z.number().int(), certType: z.string(), certNumber: z.string().nullable(), state: z.string() }).nullable(),
});
export type MissingRecord = z.infer<typeof missingRecordSchema>;

export const ISSUE_LIST_LIMIT = 500;

export const sheetCheckSchema = z.object({
  index: z.number().int(),
  sheet: z.string(),
  kind: z.enum(SHEET_KINDS),
  /** Why a sheet is skipped, or why its kind could not be settled. */
  reason: z.string().nullable(),
  agency: agencySchema.nullable(),
  /** Sheet row numbers of the header (two for a header under merged group cells). */
  headerRows: z.array(z.number().int()),
  /** field → column letter. */
  mapping: z.record(z.string(), z.string()),
  columns: z.array(columnSchema),
  /** True when the mapping was taken from one the clerk confirmed before. */
  mappingRemembered: z.boolean(),
  counts: countsSchema,
  skippedRows: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  /**
   * Sheet-level findings (row null) first, then row findings — errors and warnings before notes —
   * up to ISSUE_LIST_LIMIT (a 100,000-row sheet can have as many; the rows carry all of theirs).
   */
  issues: z.array(issueSchema),
  /** How many findings the sheet has in all. */
  issueTotal: z.number().int(),
  /** Registry records of this agency (and kind) that the file does not contain. */
  missing: z.array(missingRecordSchema),
  /** The units this sheet needs that the unit list lacks (added with the file, see the file's unitsToAdd). */
  unitsToAdd: z.array(z.object({ name: z.string(), kind: z.enum(UNIT_KINDS) })),
});
export type SheetCheck = z.infer<typeof sheetCheckSchema>;

export const previousImportSchema = z.object({
  batchId: z.number().int(),
  operationId: z.number().int(),
  fileName: z.string(),
  committedAt: z.string(),
  undone: z.boolean(),
});

export const fileCheckSchema = z.object({
  checkId: z.string(),
  file: z.string(),
  relativePath: z.string().nullable(),
  size: z.number().int(),
  sha256: z.string(),
  format: z.enum(IMPORT_FORMATS).nullable(),
  /** For CSV: the encoding the text was read in. */
  encoding: z.string().nullable(),
  status: z.enum(FILE_STATUSES),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  sheets: z.array(sheetCheckSchema),
  /** Earlier batches of a file with the same SHA-256. */
  previousImports: z.array(previousImportSchema),
  committed: z.object({ batchId: z.number().int(), operationId: z.number().int() }).nullable(),
  /** Units the file names that the unit list lacks; importing the file adds them. */
  unitsToAdd: z.array(unitToAddSchema),
  /** The clerk's corrections not yet imported: cells corrected, rows excluded, transfers confirmed, units decided. */
  pendingChanges: z.number().int(),
});
export type FileCheck = z.infer<typeof fileCheckSchema>;
