import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { AUDIT_SHEETS } from '../../electron/backend/audit/audit-workbook.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { PERSON_FORMULAS, plantFormulaLikeData, UNIT_FORMULA } from '../helpers/formula-data.ts';
import { formulaCount, textCells, unescapedFormulaCells } from '../helpers/xlsx-xml.ts';

/**
 * The audit workbook (审核表) read back: its eight sheets, their values and totals against the
 * registry and the 2023 report, number and date formats, masked IDs, escaped formulas and the page
 * setup of every sheet. The sample data plus planted formula-like data: a 26th municipal unit, one
 * more inspection item and one more 不予处罚 item than the report, so the differences show.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
let book: ExcelJS.Workbook;
let bytes: Buffer;

async function exportAudit(input: Record<string, unknown>): Promise<{ fileId: string; name: string; people: number }> {
  const { jobId } = await callOk<{ jobId: string }>(backend, 'audit.start', input);
  expect((await backend.context.jobs.wait(jobId)).state).toBe('done');
  return callOk(backend, 'audit.result', { jobId });
}

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(data as unknown as ArrayBuffer);
  return b;
}

/** Rows of a sheet from the header on, as {header: value} records, and the header's row number. */
function table(sheet: ExcelJS.Worksheet): { header: number; headers: string[]; rows: Record<string, ExcelJS.CellValue>[]; cells: (r: number, h: string) => ExcelJS.Cell } {
  let header = 0;
  sheet.eachRow((row, n) => {
    if (header === 0 && row.getCell(1).value === '序号') header = n;
    if (header === 0 && row.getCell(1).value === '单位' && n > 1) header = n;
  });
  const headers = (sheet.getRow(header).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = header + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    // The closing lines are merged across the table; the blank row before them is empty.
    if (sheet.getCell(r, 1).isMerged && sheet.getCell(r, 2).isMerged) continue;
    if (headers.every((_h, i) => row.getCell(i + 1).value === null)) continue;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return { header, headers, rows, cells: (r, h) => sheet.getCell(r, headers.indexOf(h) + 1) };
}

function rowWhere(sheet: ExcelJS.Worksheet, firstCell: (v: string) => boolean): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && firstCell(String(row.getCell(1).value ?? ''))) found = row;
  });
  if (!found) throw new Error('row not found');
  return found;
}

const count = (sql: string, ...params: unknown[]) =>
  backend.context.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const RED = 'FFCF1322';
const MASKED = /^\d{6}\*{8}[\dX]{4}$/;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  await plantFormulaLikeData(backend);
  const out = await exportAudit({});
  expect(out.name).toBe(`行政执法审核表_${TODAY}.xlsx`);
  expect(out.people).toBe(1060);
  bytes = backend.context.files.read(out.fileId);
  book = await load(bytes);
});
afterAll(() => backend.close());

describe('the audit workbook (审核表)', () => {
  it('has the eight sheets, each print-ready: merged title, frozen bold header, A4 fitted to width, print titles, footer, signature', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([...AUDIT_SHEETS]);
    for (const sheet of book.worksheets) {
      const title = String(sheet.getCell('A1').value);
      expect(title, sheet.name).toMatch(/^沅江市司法局.+（截至2026年11月29日）$/);
      expect(sheet.getCell('A1').isMerged, sheet.name).toBe(true);
      const { header } = table(sheet);
      const headerCell = sheet.getCell(header, 2);
      expect(headerCell.font?.bold, sheet.name).toBe(true);
      expect((headerCell.fill as ExcelJS.FillPattern).fgColor?.argb, sheet.name).toBe('FFE7EEF7');
      expect(headerCell.border?.bottom?.style, sheet.name).toBe('thin');
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: header });
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}` });
      expect(sheet.pageSetup.orientation, sheet.name).toBe(['检查事项统计', '四项清单统计'].includes(sheet.name) ? 'portrait' : 'landscape');
      expect(sheet.headerFooter.oddFooter, sheet.name).toBe('&C第 &P 页 共 &N 页');
      const last = String(sheet.getCell(sheet.rowCount, 1).value);
      expect(last, sheet.name).toMatch(/^制表人：＿+　+审核人：＿+　+日期：/);
      for (const c of sheet.columns) expect(c.width ?? 0, `${sheet.name} column ${c.number}`).toBeGreaterThanOrEqual(5);
    }
  });

  it('汇总: a row per unit, 市直单位 then 乡镇（街道）, subtotals, the total, the report and the difference in red', () => {
    const sheet = book.getWorksheet('汇总')!;
    const { rows, headers } = table(sheet);
    expect(headers.slice(0, 12)).toEqual(['单位', '执法人员', '监督人员', '人员合计', '有效', '即将到期', '已过期', '暂扣 /\n吊销', '已注销', '待考试 /\n待发证', '无证', '持证有效']);
    const names = rows.map((r) => String(r['单位']));
    const municipal = names.indexOf('市直单位小计（26个）');
    const towns = names.indexOf('乡镇（街道）小计（12个）');
    expect(municipal).toBe(26);
    expect(towns).toBe(municipal + 13);
    expect(names[towns + 1]).toBe('合计（38个单位）');
    expect(names.slice(0, 26)).toContain(UNIT_FORMULA);
    const total = rows[towns + 1]!;
    expect(total).toMatchObject({ 执法人员: 1032, 监督人员: 28, 人员合计: 1060, 法制审核人员: 62 });
    const groups = ['有效', '即将到期', '已过期', '暂扣 /\n吊销', '已注销', '待考试 /\n待发证', '无证'];
    expect(groups.reduce((n, g) => n + Number(total[g]), 0)).toBe(1060);
    for (const key of ['人员合计', '有效', '无证', '学时不足60']) {
      expect(Number(rows[municipal]![key]) + Number(rows[towns]![key]), key).toBe(Number(total[key]));
      expect(
        rows.slice(0, municipal).reduce((n, r) => n + Number(r[key]), 0),
        key,
      ).toBe(Number(rows[municipal]![key]));
    }
    expect(total['持证有效']).toBe(Number(total['有效']) + Number(total['即将到期']));
    expect(total['持证率']).toBeCloseTo(Number(total['持证有效']) / 1060, 10);
    expect(total['2026年发证']).toBe(count(`SELECT count(DISTINCT person_id) FROM certificates WHERE issue_date LIKE '2026-%'`));
    // The 2023 report beside the total, and the difference: equal figures 0, the extra unit in red.
    const reported = rowWhere(sheet, (v) => v.startsWith('2023年报告数'));
    expect(String(reported.getCell(1).value)).toBe('2023年报告数（市直单位25个、乡镇（街道）12个）');
    expect([reported.getCell(2).value, reported.getCell(3).value]).toEqual([1032, 28]);
    const diff = rowWhere(sheet, (v) => v.startsWith('差额'));
    expect(String(diff.getCell(1).value)).toBe('差额（台账−报告）：市直单位多1个');
    expect(diff.getCell(1).font?.color?.argb).toBe(RED);
    expect(diff.getCell(2).value).toBe(0);
    expect(diff.getCell(2).numFmt).toBe('+0;-0;0');
    expect(diff.getCell(2).font?.color?.argb).toBeUndefined();
    // Formats: counts are numbers, rates percentages; a unit below 5 % legal reviewers is red.
    expect(sheet.getCell(table(sheet).header + 1, 2).numFmt).toBe('0');
    const rateColumn = headers.indexOf('审核人员占比') + 1;
    const below = rows.findIndex((r) => typeof r['审核人员占比'] === 'number' && Number(r['审核人员占比']) < 0.05);
    expect(below).toBeGreaterThanOrEqual(0);
    const cell = sheet.getCell(table(sheet).header + 1 + below, rateColumn);
    expect(cell.numFmt).toBe('0.0%');
    expect(cell.font?.color?.argb).toBe(RED);
    expect(cell.note).toBeTruthy();
  });

  it('人员明细: everyone, IDs masked as text, cards, dates as dates, hours as numbers', () => {
    const sheet = book.getWorksheet('人员明细')!;
    const { rows, header, cells } = table(sheet);
    expect(rows).toHaveLength(1060);
    expect(rows.map((r) => r['序号'])).toEqual(rows.map((_r, i) => i + 1));
    for (const r of rows) expect(String(r['身份证号'])).toMatch(MASKED);
    expect(cells(header + 1, '身份证号').numFmt).toBe('@');
    const withCard = rows.findIndex((r) => r['证件编号'] !== null);
    expect(cells(header + 1 + withCard, '证件编号').numFmt).toBe('@');
    expect(rows[withCard]!['有效期至']).toBeInstanceOf(Date);
    expect(cells(header + 1 + withCard, '有效期至').numFmt).toBe('yyyy-mm-dd');
    expect(typeof rows[withCard]!['2026年学时']).toBe('number');
    expect(rows.filter((r) => r['证件状态'] === '无证')).toHaveLength(13);
    expect(rows.some((r) => r['职务'] === PERSON_FORMULAS.post)).toBe(true);
  });

  it('换证名册 and 注销公示 hold what the roster and the certificates hold', async () => {
    const renewal = table(book.getWorksheet('换证名册')!).rows;
    const expected = await callOk<{ total: number }>(backend, 'personnel.query', { filter: { expiringWithinDays: 180, includeExpired: true }, firstRows: 0 });
    expect(renewal).toHaveLength(expected.total);
    expect(renewal.every((r) => ['即将到期', '已过期'].includes(String(r['证件状态'])))).toBe(true);
    expect(renewal.filter((r) => Number(r['剩余天数']) < 0).every((r) => r['证件状态'] === '已过期')).toBe(true);
    const cancelled = table(book.getWorksheet('注销公示')!).rows;
    expect(cancelled).toHaveLength(count(`SELECT count(*) FROM certificates WHERE state = '已注销' AND (cancel_date LIKE '2026-%' OR announce_date IS NULL)`));
    for (const r of cancelled) expect(r['注销日期']).toBeInstanceOf(Date);
  });

  it('检查事项统计 and 四项清单统计: per agency, totals over every row, the report beside them, differences in red', () => {
    const items = book.getWorksheet('检查事项统计')!;
    const { rows } = table(items);
    expect(rows.filter((r) => typeof r['序号'] === 'number')).toHaveLength(23);
    const totalRow = table(items).rows.find((r) => String(r['执法单位']).startsWith('合计'))!;
    expect(totalRow).toMatchObject({ 一般检查事项: 1539, 重点检查事项: 233, 合计: 1772 });
    const diffRow = table(items).rows.find((r) => r['执法单位'] === '差额（台账−报告）')!;
    expect(diffRow).toMatchObject({ 一般检查事项: 1, 重点检查事项: 0, 合计: 1 });
    let diffAt = 0;
    items.eachRow((row, n) => {
      if (row.getCell(2).value === '差额（台账−报告）') diffAt = n;
    });
    expect(items.getCell(diffAt, 5).font?.color?.argb).toBe(RED);
    expect(items.getCell(diffAt, 4).font?.color?.argb).toBeUndefined();
    const lists = table(book.getWorksheet('四项清单统计')!).rows;
    expect(lists.find((r) => String(r['执法单位']).startsWith('合计'))).toMatchObject({ 不予处罚: 221, 从轻处罚: 89, 减轻处罚: 96, 不予强制: 23, 合计: 429 });
    expect(lists.find((r) => String(r['执法单位']).startsWith('2023年报告数'))).toMatchObject({ 不予处罚: 220, 从轻处罚: 89, 减轻处罚: 96, 不予强制: 23 });
    expect(lists.find((r) => r['执法单位'] === '差额（台账−报告）')).toMatchObject({ 不予处罚: 1, 从轻处罚: 0 });
  });

  it('发布情况 and 数据问题', () => {
    const publications = table(book.getWorksheet('发布情况')!).rows;
    expect(publications.filter((r) => r['状态'] === '已发布')).toHaveLength(14);
    expect(publications.find((r) => String(r['执法单位']).startsWith('已发布'))?.['状态']).toBe('14个');
    expect(publications.find((r) => r['执法单位'] === '差额（台账−报告）')?.['状态']).toBe('一致');
    const published = publications.find((r) => r['状态'] === '已发布')!;
    expect(published['发布日期']).toBeInstanceOf(Date);
    const problems = table(book.getWorksheet('数据问题')!).rows;
    const byCheck = (label: string) => problems.filter((r) => r['问题类别'] === label);
    expect(byCheck('未按期报送的执法单位')).toHaveLength(23);
    expect(byCheck('“一目录四清单”未发布或已失效的执法单位')).toHaveLength(9);
    expect(byCheck('清单中疑似重复、尚未复核的事项')).toHaveLength(5);
    expect(byCheck('证件已过期未换证').length).toBeGreaterThan(0);
    for (const r of problems) expect(String(r['在哪里修改']).length).toBeGreaterThan(5);
    expect(problems.filter((r) => String(r['人员 / 事项'] ?? '').includes('（')).every((r) => /（\d{6}\*{8}[\dX]{4}）$/.test(String(r['人员 / 事项'])))).toBe(true);
  });

  it('writes no formula, and keeps every formula-looking text exactly, escaped', () => {
    expect(formulaCount(bytes)).toBe(0);
    expect(unescapedFormulaCells(bytes)).toEqual([]);
    const cells = textCells(bytes);
    for (const text of [PERSON_FORMULAS.post, PERSON_FORMULAS.enforcementCategory, UNIT_FORMULA]) {
      expect(cells.filter((c) => c.text === text).length, text).toBeGreaterThan(0);
      for (const c of cells.filter((x) => x.text === text)) expect(c).toMatchObject({ quotePrefix: true, textFormat: true });
    }
  });

  it('writes full ID numbers only when asked, and records that in 查阅与导出记录', async () => {
    const accessLog = async () => (await callOk<{ entries: { id: number; kind: string; summary: string }[] }>(backend, 'history.access', { limit: 5 })).entries;
    const before = (await accessLog())[0]?.id;
    const out = await exportAudit({ fullIdNumbers: true, year: 2025 });
    const full = await load(backend.context.files.read(out.fileId));
    const sheet = full.getWorksheet('人员明细')!;
    const { rows, headers } = table(sheet);
    expect(headers).toContain('2025年学时');
    for (const r of rows) expect(String(r['身份证号'])).toMatch(/^\d{17}[\dX]$/);
    const [latest] = await accessLog();
    expect(latest?.id).not.toBe(before);
    expect(latest).toMatchObject({ kind: 'export_full_ids', summary: '导出审核表（2025年度），含 1060 人的完整身份证号' });
  });
});
