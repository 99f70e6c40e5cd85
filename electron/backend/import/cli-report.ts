import type { BackendContext } from '../context.ts';
import { allIssues, fileStatus, sheetSummary, type FileState } from './check-file.ts';
import { getSession } from './import-sessions.ts';

/**
 * The command line's JSON document: `{"files": [...]}`, one entry per file with `file` and either
 * `error` ({code, message}) or `sheets` (kind, agency, header rows, mapping, counts, issues, and
 * every row with its status and normalised values). It is built from the same check results the
 * preview shows.
 */

export interface CliIssue {
  row: number | null;
  column: string | null;
  severity: string;
  code: string;
  message: string;
}

export interface CliSheet {
  sheet: string;
  kind: string;
  reason?: string;
  /** unitId null: the unit is not in the unit list and is added with the file (see unitsToAdd). */
  agency: { unitId: number | null; name: string; source: string } | null;
  headerRows: number[];
  mapping: Record<string, string>;
  counts: { read: number; importable: number; errors: number; warnings: number; skipped: number };
  skippedRows: { row: number; reason: string }[];
  issues: CliIssue[];
  rows: { row: number; status: string; values: Record<string, string | boolean | null> }[];
  /** Units the sheet needs that the unit list lacks: imported with --add-units, else the file is set aside. */
  unitsToAdd: { name: string; kind: string }[];
}

export interface CliFile {
  file: string;
  status: string;
  error?: { code: string; message: string };
  sheets?: CliSheet[];
  committed?: { batchId: number; operationId: number } | null;
  notCommitted?: string;
}

export function cliFileEntry(state: FileState): CliFile {
  if (state.error) return { file: state.relativePath ?? state.file, status: fileStatus(state), error: { code: state.error.code, message: state.error.message } };
  return {
    file: state.relativePath ?? state.file,
    status: fileStatus(state),
    sheets: state.sheets.map((s) => {
      const summary = sheetSummary(s, state.unitsToAdd);
      const entry: CliSheet = {
        sheet: summary.sheet,
        kind: summary.kind,
        agency: summary.agency,
        headerRows: summary.headerRows,
        mapping: summary.mapping,
        counts: { read: summary.counts.read, importable: summary.counts.importable, errors: summary.counts.errors, warnings: summary.counts.warnings, skipped: summary.counts.skipped },
        skippedRows: summary.skippedRows,
        issues: allIssues(s).map((i) => ({ row: i.row, column: i.column, severity: i.severity, code: i.code, message: i.message })),
        rows: s.rows.map((r) => ({ row: r.draft.row, status: r.status, values: r.draft.values })),
        unitsToAdd: summary.unitsToAdd,
      };
      if (summary.reason) entry.reason = summary.reason;
      return entry;
    }),
    committed: state.committed,
  };
}

export function cliEntryFor(ctx: BackendContext, checkId: string): CliFile {
  return cliFileEntry(getSession(ctx, checkId));
}
