import { displayCellText, type RawCell } from '../../../shared/import/cell-cleaning.ts';
import { fieldLabel } from '../../../shared/import/column-synonyms.ts';
import type { TableShape } from '../../../shared/import/import-kinds.ts';
import { makeIssue, type ImportIssue, type IssueCode } from '../../../shared/import/issues.ts';
import type { SheetAnalysis } from './sheet-analysis.ts';

/**
 * One data row on its way through the checks: the cells as written (and as the clerk corrected
 * them), the normalised values, and what was found. Shared by the three table kinds.
 */
export interface RowDraft {
  rowIndex: number;
  /** 1-based sheet row. */
  row: number;
  values: Record<string, string | boolean | null>;
  edited: readonly string[];
  issues: ImportIssue[];
  excluded: boolean;
}

export interface RowContext {
  file: string;
  sheet: SheetAnalysis;
  shape: TableShape;
  sheetRows: readonly RawCell[][];
  /** field → corrected text, for this row. */
  edits: ReadonlyMap<string, string> | undefined;
  excluded: boolean;
}

const NO_EDITS: readonly string[] = Object.freeze([]);

/** The cells of a row as the agency wrote them, by column letter (built only when shown). */
const DATE_FIELDS = new Set(['issue_date', 'expiry_date', 'birth_date']);

export function rawCells(sheetRows: readonly RawCell[][], columns: readonly { index: number; column: string; field: string | null }[], rowIndex: number, date1904: boolean): Record<string, string> {
  const row = sheetRows[rowIndex] ?? [];
  const raw: Record<string, string> = {};
  for (const c of columns) {
    const t = displayCellText(row[c.index] ?? null, c.field !== null && DATE_FIELDS.has(c.field), date1904);
    if (t !== '') raw[c.column] = t;
  }
  return raw;
}

/** Reads cells by field, with the clerk's corrections, and records findings with their place. */
export class RowReader {
  readonly draft: RowDraft;
  private readonly ctx: RowContext;

  constructor(rowIndex: number, ctx: RowContext) {
    this.ctx = ctx;
    this.draft = {
      rowIndex,
      row: rowIndex + 1,
      values: {},
      edited: ctx.edits ? [...ctx.edits.keys()] : NO_EDITS,
      issues: [],
      excluded: ctx.excluded,
    };
  }

  get shape(): TableShape {
    return this.ctx.shape;
  }

  has(field: string): boolean {
    return this.ctx.sheet.fieldColumns.has(field) || (this.ctx.edits?.has(field) ?? false);
  }

  /** The cell for a field: the clerk's correction if any, else the sheet's value. */
  cell(field: string): RawCell {
    const edit = this.ctx.edits?.get(field);
    if (edit !== undefined) return edit;
    const col = this.ctx.sheet.fieldColumns.get(field);
    if (col === undefined) return null;
    return this.ctx.sheetRows[this.draft.rowIndex]?.[col] ?? null;
  }

  columnOf(field: string): { column: string | null; header: string | null } {
    const col = this.ctx.sheet.fieldColumns.get(field);
    const c = col === undefined ? undefined : this.ctx.sheet.columns.find((x) => x.index === col);
    return { column: c?.column ?? null, header: c?.header ?? (col === undefined ? fieldLabel(this.ctx.shape, field) : null) };
  }

  issue(code: IssueCode, field: string | null, detail: string): void {
    const where = field ? this.columnOf(field) : { column: null, header: null };
    this.draft.issues.push(makeIssue(code, { file: this.ctx.file, sheet: this.ctx.sheet.name, row: this.draft.row, column: where.column, header: where.header, field }, detail));
  }

  set(field: string, value: string | boolean | null): void {
    this.draft.values[field] = value;
  }
}

export function hasErrors(draft: RowDraft): boolean {
  return draft.issues.some((i) => i.severity === 'error');
}
