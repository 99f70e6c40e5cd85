import type { Severity } from '../../../shared/import/import-kinds.ts';
import type { ImportIssue } from '../../../shared/import/issues.ts';
import { evaluateFile, type CheckEnv, type FileState } from './check-file.ts';

/**
 * Every problem of the agency's own file, as the error workbook sends it back: the agency's copy
 * still has each one, even after the clerk corrected it in the preview. The file is checked once
 * more as the agency sent it (without the clerk's cell corrections, exclusions or confirmed
 * transfers; the kind, agency and column corrections stay, as they only say how to read it), and
 * each problem found is set against the preview as it is now:
 * - open: still there;
 * - fixed: the clerk corrected the cell here (已在台账中更正), with the corrected value;
 * - excluded: the clerk left the row out (已排除，未导入);
 * - resolved: gone through another correction (a duplicate whose twin was corrected …).
 * Problems that only the corrections brought in are listed too, as open.
 */

export type ProblemHandling = 'open' | 'fixed' | 'excluded' | 'resolved';

export interface AgencyProblem {
  row: number | null;
  column: string | null;
  field: string | null;
  severity: Severity;
  detail: string;
  handling: ProblemHandling;
  /** For a fixed problem: the value the clerk put in. */
  correctedTo: string | null;
}

export const HANDLING_LABELS: Readonly<Record<ProblemHandling, string>> = {
  open: '待报送单位更正',
  fixed: '已在台账中更正',
  excluded: '已排除，未导入',
  resolved: '已在台账中处理',
};

/** One sheet's problems: the sheet's own, then by row. */
export interface SheetProblems {
  sheet: ImportIssue[];
  rows: Map<number, AgencyProblem[]>;
}

const same = (a: ImportIssue, b: ImportIssue) => a.code === b.code && a.column === b.column && a.field === b.field;

function valueText(value: string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
}

export function agencyProblems(state: FileState, env: CheckEnv): SheetProblems[] {
  const asSent: FileState = { ...state, edits: new Map(), excluded: new Map(), confirmedTransfers: new Map(), sheets: [], committed: null };
  evaluateFile(asSent, env);
  return state.sheets.map((now, i) => {
    const before = asSent.sheets[i];
    const nowRows = new Map(now.rows.map((r) => [r.draft.row, r]));
    const rows = new Map<number, AgencyProblem[]>();
    const push = (row: number, p: AgencyProblem) => rows.set(row, [...(rows.get(row) ?? []), p]);
    for (const r of before?.rows ?? []) {
      const current = nowRows.get(r.draft.row);
      for (const issue of r.draft.issues) {
        if (issue.severity === 'note') continue;
        const base = { row: issue.row, column: issue.column, field: issue.field, severity: issue.severity, detail: issue.detail, correctedTo: null };
        if (!current || current.status === 'excluded') push(r.draft.row, { ...base, handling: 'excluded' });
        else if (current.draft.issues.some((x) => same(x, issue))) push(r.draft.row, { ...base, handling: 'open' });
        else if (issue.field !== null && current.draft.edited.includes(issue.field)) {
          push(r.draft.row, { ...base, handling: 'fixed', correctedTo: valueText(current.draft.values[issue.field]) });
        } else push(r.draft.row, { ...base, handling: 'resolved' });
      }
    }
    // Problems the corrections brought in.
    for (const r of now.rows) {
      const original = before?.rows.find((x) => x.draft.row === r.draft.row)?.draft.issues ?? [];
      for (const issue of r.draft.issues) {
        if (issue.severity === 'note' || original.some((x) => same(x, issue))) continue;
        push(r.draft.row, { row: issue.row, column: issue.column, field: issue.field, severity: issue.severity, detail: issue.detail, handling: 'open', correctedTo: null });
      }
    }
    return { sheet: now.sheetIssues.filter((x) => x.severity !== 'note'), rows };
  });
}

/** A problem as one line: “D列：身份证号校验位错误……（已在台账中更正为“430981……”）”. */
export function problemLine(p: AgencyProblem): string {
  const where = p.column ? `${p.column}列：` : '';
  if (p.handling === 'fixed') return `${where}${p.detail}（${HANDLING_LABELS.fixed}为“${p.correctedTo ?? ''}”）`;
  if (p.handling === 'open') return `${where}${p.detail}`;
  return `${where}${p.detail}（${HANDLING_LABELS[p.handling]}）`;
}
