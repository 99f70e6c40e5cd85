import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEVERITY_LABELS } from '../../shared/import/import-kinds.ts';
import { ISSUE_MEANINGS, ISSUE_SEVERITY, type IssueCode } from '../../shared/import/issues.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * The README's table of every import finding — code, severity, what it means — is made from
 * shared/import/issues.ts, so it cannot drift from what the importer says. When it is out of date
 * this test fails; `UPDATE_README=1 npx vitest run --project unit test/unit/issue-table.test.ts`
 * writes the current table into the README.
 */

const README = path.join(REPO_ROOT, 'README.md');
const START = '<!-- issue-table:start -->';
const END = '<!-- issue-table:end -->';

function issueTable(): string {
  const codes = Object.keys(ISSUE_SEVERITY) as IssueCode[];
  const rows = codes.map((code) => `| \`${code}\` | ${SEVERITY_LABELS[ISSUE_SEVERITY[code]]} | ${ISSUE_MEANINGS[code]} |`);
  return ['| 代码 | 严重程度 | 含义 |', '|---|---|---|', ...rows].join('\n');
}

function readmeTable(text: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return text.slice(start + START.length, end).trim();
}

describe('the README’s table of import findings', () => {
  it('lists every code of shared/import/issues.ts with its severity and meaning', () => {
    const text = fs.readFileSync(README, 'utf8');
    const table = issueTable();
    if (process.env['UPDATE_README'] === '1' && readmeTable(text) !== table) {
      const start = text.indexOf(START) + START.length;
      fs.writeFileSync(README, `${text.slice(0, start)}\n${table}\n${text.slice(text.indexOf(END))}`);
    }
    expect(readmeTable(fs.readFileSync(README, 'utf8')), 'README.md’s table is out of date: run with UPDATE_README=1').toBe(table);
  });

  it('keeps to the severity rule: what the registry can hold as unknown or to confirm is not an error', () => {
    expect(ISSUE_SEVERITY.STAFFING_MISSING).toBe('warning');
    expect(ISSUE_SEVERITY.STAFFING_UNREADABLE).toBe('warning');
    expect(ISSUE_SEVERITY.UNIT_OTHER_THAN_SHEET).toBe('warning');
    expect(ISSUE_SEVERITY.ID_REGION_OUTSIDE).toBe('warning');
    expect(ISSUE_SEVERITY.DUPLICATE_ENTRY).toBe('warning');
    expect(ISSUE_SEVERITY.UNIT_TO_ADD).toBe('note');
    expect(ISSUE_SEVERITY.AGENCY_TO_ADD).toBe('note');
  });
});
