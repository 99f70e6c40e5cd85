import path from 'node:path';
import { FILE_STATUS_LABELS, IMPORT_KIND_LABELS, ROW_STATUS_LABELS, SEVERITY_LABELS, type Severity } from '../../../shared/import/import-kinds.ts';
import { XlsxWorkbook, type CellMark, type ColumnSpec, type TableRow } from '../export/xlsx-writer.ts';
import { agencyProblems, HANDLING_LABELS, problemLine, type AgencyProblem, type SheetProblems } from './agency-problems.ts';
import { fileStatus, rawOf, type CheckEnv, type CheckedSheet, type FileState } from './check-file.ts';

/**
 * The workbook the clerk sends back to an agency: its own rows as it wrote them, every bad cell
 * filled (red: error; yellow: warning, please verify) with a comment saying what is wrong, a 检查结果
 * and a 问题说明 column per row, a summary sheet and a list of all problems. The agency's copy still
 * has every problem its file had, so the ones the clerk already corrected in the preview are listed
 * too, marked 已在台账中更正 with the corrected value (agency-problems.ts).
 */

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function worst(issues: readonly { severity: Severity }[]): Severity {
  return issues.reduce<Severity>((w, i) => (SEVERITY_ORDER[i.severity] < SEVERITY_ORDER[w] ? i.severity : w), 'note');
}

function kindLabel(sheet: CheckedSheet): string {
  return sheet.analysis.kind === 'skipped' ? '未识别的表格' : IMPORT_KIND_LABELS[sheet.analysis.kind];
}

async function dataSheet(book: XlsxWorkbook, state: FileState, sheet: CheckedSheet, problems: SheetProblems | undefined, usedNames: Set<string>): Promise<void> {
  const a = sheet.analysis;
  const widths: Record<string, number> = { id_number: 22, cert_number: 16, issue_date: 12, expiry_date: 12, birth_date: 12, phone: 14, name: 9, sex: 6, seq: 6, item_code: 14 };
  const columns: ColumnSpec[] = a.columns.map((c) => ({
    key: c.column,
    header: c.header,
    width: (c.field ? widths[c.field] : undefined) ?? Math.min(30, Math.max(10, [...c.header].length * 2 + 2)),
    // The agency's cells exactly as written: text, wrapped unless they are numbers of one line.
    kind: 'text',
    wrap: !(c.field && c.field in widths),
  }));
  columns.push({ key: '__status', header: '检查结果', width: 12, kind: 'text', align: 'center' }, { key: '__problems', header: '问题说明', width: 60, kind: 'text', wrap: true });
  const rows = sheet.rows.map((r): TableRow => {
    const values: Record<string, string> = rawOf(state, sheet, r);
    const found: AgencyProblem[] = problems?.rows.get(r.draft.row) ?? [];
    const fixed = found.filter((x) => x.handling !== 'open').length;
    values['__status'] = `${ROW_STATUS_LABELS[r.status]}${fixed > 0 ? `（${fixed} 处已在台账中处理）` : ''}`;
    values['__problems'] = found.map(problemLine).join('\n');
    const byColumn = new Map<string, AgencyProblem[]>();
    for (const p of found) {
      if (!p.column) continue;
      byColumn.set(p.column, [...(byColumn.get(p.column) ?? []), p]);
    }
    const marks: Record<string, CellMark> = {};
    for (const [column, list] of byColumn) marks[column] = { level: worst(list), comment: list.map((x) => `【${SEVERITY_LABELS[x.severity]}】${problemLine({ ...x, column: null })}`).join('\n') };
    if (found.length > 0) marks['__status'] = { level: worst(found) };
    return { values, marks };
  });
  let name = a.name;
  for (let n = 2; usedNames.has(name); n += 1) name = `${a.name}(${n})`;
  usedNames.add(name);
  await book.addTableSheet({
    name,
    title: `${a.agency?.name ?? ''}${kindLabel(sheet)}（检查结果）`,
    subtitles: [`原文件：${state.file}　工作表：${a.name}　红色单元格：错误，该行未导入；黄色单元格：警告，请核实。鼠标指向单元格可查看批注说明。`],
    columns,
    rows,
  });
}

export async function buildErrorWorkbook(state: FileState, checkedAt: string, env: CheckEnv): Promise<{ name: string; bytes: Buffer }> {
  const found = state.parsed ? agencyProblems(state, env) : [];
  const book = new XlsxWorkbook();
  const usedNames = new Set<string>(['检查汇总', '问题清单']);
  const summaryRows = state.sheets.map((s) => ({
    sheet: s.analysis.name,
    kind: s.analysis.kind === 'skipped' ? `跳过：${s.analysis.reason ?? ''}` : kindLabel(s),
    unit: s.analysis.agency?.name ?? '未识别',
    read: s.counts.read,
    importable: s.counts.importable,
    errors: s.counts.errors,
    warnings: s.counts.warnings,
    skipped: s.counts.skipped,
  }));
  const sheetLevel = state.sheets.flatMap((s) => s.sheetIssues.filter((i) => i.severity !== 'note'));
  await book.addTableSheet({
    name: '检查汇总',
    title: '报送文件检查结果',
    subtitles: [
      `文件：${state.file}`,
      `检查时间：${checkedAt}　结论：${FILE_STATUS_LABELS[fileStatus(state)]}`,
      ...(state.error ? [state.error.message] : []),
      ...sheetLevel.map((i) => `【${SEVERITY_LABELS[i.severity]}】${i.message}`),
    ],
    columns: [
      { key: 'sheet', header: '工作表', width: 18 },
      { key: 'kind', header: '表格类型', width: 26 },
      { key: 'unit', header: '报送单位', width: 26 },
      { key: 'read', header: '数据行', width: 9, kind: 'integer', align: 'right' },
      { key: 'importable', header: '可导入', width: 9, kind: 'integer', align: 'right' },
      { key: 'errors', header: '错误行', width: 9, kind: 'integer', align: 'right' },
      { key: 'warnings', header: '警告行', width: 9, kind: 'integer', align: 'right' },
      { key: 'skipped', header: '跳过的行', width: 10, kind: 'integer', align: 'right' },
    ],
    rows: summaryRows.map((values) => ({ values })),
    orientation: 'landscape',
    footerLines: ['请按“问题清单”和各工作表中标红、标黄的单元格逐项修改后重新报送。身份证号、执法证号请以文本格式填写。'],
  });
  const problems = state.sheets.flatMap((s, index) => {
    const sheetProblems = found[index];
    const sheetLevel = s.sheetIssues
      .filter((i) => i.severity !== 'note')
      .map((i) => ({ sheet: s.analysis.name, row: '', column: i.column ?? '', severity: SEVERITY_LABELS[i.severity], level: i.severity, detail: i.detail, handling: HANDLING_LABELS.open }));
    const rowLevel = [...(sheetProblems?.rows.entries() ?? [])]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([row, list]) =>
        list.map((p) => ({
          sheet: s.analysis.name,
          row: String(row),
          column: p.column ?? '',
          severity: SEVERITY_LABELS[p.severity],
          level: p.severity,
          detail: p.detail,
          handling: p.handling === 'fixed' ? `${HANDLING_LABELS.fixed}为“${p.correctedTo ?? ''}”` : HANDLING_LABELS[p.handling],
        })),
      );
    return [...sheetLevel, ...rowLevel];
  });
  await book.addTableSheet({
    name: '问题清单',
    title: '问题清单',
    subtitles: [`文件：${state.file}　共 ${problems.length} 个问题`],
    columns: [
      { key: 'sheet', header: '工作表', width: 16 },
      { key: 'row', header: '行', width: 7, kind: 'text', align: 'center' },
      { key: 'column', header: '列', width: 6, kind: 'text', align: 'center' },
      { key: 'severity', header: '类别', width: 8, align: 'center' },
      { key: 'detail', header: '问题说明', width: 72 },
      { key: 'handling', header: '处理情况', width: 26 },
    ],
    rows: problems.map(({ level, ...values }) => ({ values, marks: { severity: { level: level === 'error' ? 'error' : 'warning' } } })),
  });
  for (const [index, sheet] of state.sheets.entries()) {
    if (sheet.rows.length > 0) await dataSheet(book, state, sheet, found[index], usedNames);
  }
  const base = path.basename(state.file, path.extname(state.file));
  return { name: `${base}-检查结果.xlsx`, bytes: await book.toBuffer() };
}
