import type { Severity } from './import-kinds.ts';

/**
 * What the importer found, in Chinese, with a stable code. Every message names the file, the
 * sheet, the row and the column (as the clerk sees them in Excel: row 7, column D), then says what
 * is wrong and what to do.
 */

export const ISSUE_SEVERITY = {
  // cells
  ID_STORED_AS_NUMBER: 'error',
  ID_MISSING: 'error',
  ID_INVALID: 'error',
  NAME_MISSING: 'error',
  NAME_INVALID: 'error',
  NAME_DIFFERS: 'warning',
  SEX_INVALID: 'warning',
  SEX_CONTRADICTS_ID: 'warning',
  BIRTH_CONTRADICTS_ID: 'warning',
  BIRTH_UNREADABLE: 'warning',
  PHONE_SUSPICIOUS: 'warning',
  DATE_INVALID: 'error',
  DATE_AMBIGUOUS: 'error',
  DATE_RANGE_SPLIT: 'note',
  NUMBER_PRECISION_LOST: 'error',
  VALUE_INVALID: 'error',
  TEXT_TOO_LONG: 'error',
  STAFFING_MISSING: 'error',
  UNIT_UNKNOWN: 'error',
  UNIT_OTHER_THAN_SHEET: 'error',
  // certificates
  CERT_INCOMPLETE: 'error',
  CERT_EXPIRY_BEFORE_ISSUE: 'error',
  CERT_EXPIRY_DERIVED: 'note',
  CERT_ISSUE_DERIVED: 'note',
  CERT_EXPIRY_UNUSUAL: 'warning',
  CERT_EXPIRED: 'note',
  CERT_NOT_ALLOWED: 'error',
  CERT_STATE_NOT_IMPORTABLE: 'error',
  CERT_NUMBER_TAKEN: 'error',
  CERT_CONFLICT: 'error',
  CERT_STATE_DIFFERS: 'warning',
  CERT_TYPE_MISMATCH: 'warning',
  CERT_RENEWED: 'note',
  /** A card's date out of the order of its steps: after today, or before the card's last step. */
  CERT_DATE_ORDER: 'error',
  /** A staffing type that may not hold a card, for someone holding an open card. */
  STAFFING_CARD_HELD: 'error',
  // catalog and lists
  CATEGORY_INVALID: 'error',
  ITEM_NAME_MISSING: 'error',
  VIOLATION_MISSING: 'error',
  // rows against each other and against the registry
  DUPLICATE_IN_FILE: 'error',
  TRANSFER: 'warning',
  TRANSFER_NOT_CONFIRMED: 'warning',
  // sheets
  HEADER_NOT_FOUND: 'error',
  REQUIRED_COLUMN_MISSING: 'error',
  COLUMN_DUPLICATE: 'error',
  COLUMN_UNMAPPED: 'note',
  COLUMN_STAND_IN: 'note',
  NO_DATA_ROWS: 'error',
  AGENCY_UNKNOWN: 'error',
  AGENCY_AMBIGUOUS: 'error',
  AGENCY_DISAGREES: 'warning',
  AGENCY_KEEPS_NO_LISTS: 'error',
  KIND_AMBIGUOUS: 'error',
  KIND_UNKNOWN: 'error',
  MAPPING_REMEMBERED: 'note',
  DECLARED_RANGE_IGNORED: 'note',
  SHEET_SKIPPED: 'note',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_SEVERITY;

export interface ImportIssue {
  /** Sheet row number (1-based, as Excel shows it); null for a sheet-level finding. */
  row: number | null;
  /** Column letter (A, B, … AA); null when the finding is about a whole row or sheet. */
  column: string | null;
  /** The field the column was mapped to, when there is one. */
  field: string | null;
  severity: Severity;
  code: IssueCode;
  /** The full sentence, with file, sheet, row and column. */
  message: string;
  /** The same without the location (for a cell's tooltip). */
  detail: string;
}

export interface IssuePlace {
  file: string;
  sheet: string;
  row?: number | null;
  column?: string | null;
  /** The column's header as the agency wrote it. */
  header?: string | null;
  field?: string | null;
}

/** 文件“公安局名册.xlsx”工作表“花名册”第 7 行 D 列（身份证号） */
export function describePlace(place: IssuePlace): string {
  let text = `文件“${place.file}”工作表“${place.sheet}”`;
  if (place.row !== null && place.row !== undefined) text += `第 ${place.row} 行`;
  if (place.column) text += ` ${place.column} 列${place.header ? `（${place.header}）` : ''}`;
  return text;
}

/** `severity` overrides the code's usual one where context changes it (a sheet without a header is only a note when another sheet of the file is imported). */
export function makeIssue(code: IssueCode, place: IssuePlace, detail: string, severity: Severity = ISSUE_SEVERITY[code]): ImportIssue {
  return {
    row: place.row ?? null,
    column: place.column ?? null,
    field: place.field ?? null,
    severity,
    code,
    message: `${describePlace(place)}：${detail}`,
    detail,
  };
}
