import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortRows } from '../../shared/domain/table-sort.ts';
import { call, digits, launchBrowser, loadSampleData, newPage, openRoute, poll, screenshot, SCREENSHOT_DIR, settle, startWebApp, type RunningApp } from './harness.ts';

/**
 * 导出 and 打印 of tables in Chromium at 1366×768: the roster filtered on screen is exported through
 * the menu (the browser's download, reopened with ExcelJS) with exactly the rows the backend's
 * roster query selects and typed cells; a CSV export; a print preview of a non-roster table.
 */

const DOWNLOADS = path.join(SCREENSHOT_DIR, '..', 'downloads');

let app: RunningApp;
let browser: Browser;
let page: Page;

interface RosterAnswer {
  total: number;
  ids: number[];
}
interface RosterRows {
  rows: { name: string; idNumber: string; certNumber: string | null; expiryDate: string | null }[];
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await loadSampleData(page);
  fs.mkdirSync(DOWNLOADS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The unit with the most people whose card is 有效: a filter that leaves a real list. */
async function busyUnit(): Promise<{ id: number; name: string; filter: { unitIds: number[]; statuses: string[] } }> {
  const { units } = await call<{ units: { id: number; name: string }[] }>(page, 'units.list');
  let best = { id: 0, name: '', count: -1 };
  for (const u of units) {
    const { total } = await call<RosterAnswer>(page, 'personnel.query', { filter: { unitIds: [u.id], statuses: ['有效'] }, firstRows: 0 });
    if (total > best.count) best = { id: u.id, name: u.name, count: total };
  }
  return { id: best.id, name: best.name, filter: { unitIds: [best.id], statuses: ['有效'] } };
}

async function chooseOption(testId: string, option: string, typed?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (typed) await page.keyboard.type(typed);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option.replace(/[()（）]/g, '.')}$`) })
    .click();
  await page.keyboard.press('Escape');
  await settle(page);
}

/** Clicks an entry of the roster's 导出 menu and saves what the browser downloads. */
async function exportRoster(entry: string): Promise<{ file: string; name: string }> {
  return exportTable('roster', entry);
}

/** Clicks an entry of a table's 导出 menu and saves what the browser downloads. */
async function exportTable(kind: string, entry: string): Promise<{ file: string; name: string }> {
  await page.getByTestId(`table-export-${kind}`).getByTestId('table-export').click();
  const item = page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').filter({ hasText: entry });
  await item.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  const name = download.suggestedFilename();
  const file = path.join(DOWNLOADS, name);
  await download.saveAs(file);
  return { file, name };
}

async function filterRosterOnScreen(): Promise<{ filter: { unitIds: number[]; statuses: string[] }; expected: RosterRows['rows'] }> {
  const unit = await busyUnit();
  const answer = await call<RosterAnswer>(page, 'personnel.query', { filter: unit.filter, firstRows: 0 });
  const expected = (await call<RosterRows>(page, 'personnel.rows', { ids: answer.ids })).rows;
  await openRoute(page, app, '/personnel');
  // 执法人员 comes back with the clerk's last filter: start from the whole roster.
  await page.getByTestId('roster-count').filter({ hasText: /人/ }).waitFor();
  const clear = page.getByRole('button', { name: '清除筛选' });
  if (await clear.isVisible()) await clear.click();
  await page.getByTestId('roster-count').filter({ hasText: /^共/ }).waitFor();
  await chooseOption('filter-units', unit.name, unit.name);
  await chooseOption('filter-status', '有效');
  await poll(async () => digits(await page.getByTestId('roster-count').textContent()), 'the roster shows the unit’s people with a valid card').toBe(answer.total);
  return { filter: unit.filter, expected };
}

describe('table export and print in Chromium', () => {
  it('exports the roster as filtered on screen to .xlsx with exactly its rows and typed cells', async () => {
    const { expected } = await filterRosterOnScreen();
    expect(expected.length).toBeGreaterThan(3);
    await page.getByTestId('table-export-roster').getByTestId('table-export').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').first().waitFor();
    await screenshot(page, 'table-export-menu-1366');
    await page.keyboard.press('Escape');
    await settle(page);

    const { file, name } = await exportRoster('Excel');
    expect(name).toMatch(/^执法人员名册_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    let headerNo = 0;
    sheet.eachRow((row, n) => {
      if (headerNo === 0 && row.getCell(1).value === '序号') headerNo = n;
    });
    const header = (sheet.getRow(headerNo).values as unknown[]).slice(1).map(String);
    // The roster's columns as the screen shows them (the column chooser's default: all of them), 序号 first.
    expect(header.slice(0, 8)).toEqual(['序号', '姓名', '单位', '性别', '身份证号', '证件编号', '有效期至', '状态']);
    const col = (title: string) => header.indexOf(title) + 1;
    const rows: ExcelJS.Row[] = [];
    for (let n = headerNo + 1; n <= sheet.rowCount && typeof sheet.getRow(n).getCell(1).value === 'number'; n += 1) rows.push(sheet.getRow(n));

    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.getCell(col('证件编号')).value))).toEqual(new Set(expected.map((r) => r.certNumber)));
    expect(new Set(rows.map((r) => r.getCell(col('身份证号')).value))).toEqual(new Set(expected.map((r) => r.idNumber)));
    rows.forEach((r, i) => {
      expect(r.getCell(1).value, '序号 is a number').toBe(i + 1);
      expect(typeof r.getCell(col('身份证号')).value, 'the ID number is text').toBe('string');
      expect(typeof r.getCell(col('证件编号')).value, 'the certificate number is text').toBe('string');
      expect(r.getCell(col('有效期至')).value, 'the expiry date is a date').toBeInstanceOf(Date);
      expect(typeof r.getCell(col('本年学时')).value, 'the hours are a number').toBe('number');
    });
  });

  it('exports the same filtered roster as CSV: UTF-8 with a BOM, a header and one line per person', async () => {
    const { expected } = await filterRosterOnScreen();
    const { file, name } = await exportRoster('CSV');
    expect(name).toMatch(/\.csv$/);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)], 'the BOM').toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]?.startsWith('序号,姓名,单位')).toBe(true);
    expect(lines.length - 2).toBe(expected.length);
  });

  it('prints a non-roster table (one agency’s inspection items) in the rosters’ layout', async () => {
    const { units } = await call<{ units: { id: number }[] }>(page, 'units.list');
    let unit = { id: 0, count: 0 };
    for (const u of units) {
      const { rows } = await call<{ rows: unknown[] }>(page, 'catalog.items', { unitId: u.id });
      if (rows.length > unit.count && rows.length <= 30) unit = { id: u.id, count: rows.length };
    }
    expect(unit.count, 'an agency with a few inspection items').toBeGreaterThan(2);
    await openRoute(page, app, `/catalog?unit=${unit.id}`);
    await poll(async () => digits(await page.getByTestId('catalog-shown').textContent()), 'the agency’s items are listed').toBe(unit.count);
    await screenshot(page, 'table-export-catalog-1366');
    await page.getByTestId('table-export-inspection-items').getByTestId('table-print').click();
    await page.getByTestId('print-doc').waitFor();
    await poll(() => page.locator('.print-title').first().textContent(), 'the title').toContain('行政检查事项目录');
    const headers = await page.locator('.print-table thead th').allTextContents();
    expect(headers[0]).toBe('序号');
    expect(headers).toContain('事项名称');
    await poll(() => page.locator('.print-table tbody tr').count(), 'every item is printed').toBe(unit.count);
    expect(digits(await page.getByTestId('print-count').textContent())).toBe(unit.count);
    expect(await page.locator('.print-subtitle').first().textContent()).toContain('制表日期');
    await page.getByTestId('print-signature').waitFor();
    await screenshot(page, 'table-print-preview-1366');
    // In the browser there is no save dialog of our own: 另存为 PDF says what to pick in the print dialog.
    await page.getByTestId('save-pdf').click();
    await poll(() => page.locator('.ant-message').textContent(), 'the hint for the print dialog').toContain('选择“另存为 PDF”');
  });

  it('exports a table in the order the screen sorts it: the catalog by 事项名称, descending', async () => {
    await openRoute(page, app, '/catalog');
    const table = page.getByTestId('items-table');
    await table.locator('.ant-table-row').first().waitFor();
    const items = await call<{ rows: { id: number; name: string }[] }>(page, 'catalog.items', { unitId: null, limit: 20_000 });
    const rowKeys = () => table.locator('.ant-table-row').evaluateAll((rows) => rows.slice(0, 12).map((r) => r.getAttribute('data-row-key') ?? ''));
    const heading = table.locator('thead th').filter({ hasText: '事项名称' });
    for (const order of ['asc', 'desc'] as const) {
      await heading.click();
      const expected = sortRows(items.rows, (r) => r.name, order).map((r) => String(r.id));
      await poll(rowKeys, `the catalog sorted by 事项名称 ${order} on screen`).toEqual(expected.slice(0, 12));
    }
    const { file } = await exportTable('inspection-items', 'Excel');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    let headerNo = 0;
    sheet.eachRow((row, n) => {
      if (headerNo === 0 && row.getCell(1).value === '序号') headerNo = n;
    });
    const header = (sheet.getRow(headerNo).values as unknown[]).slice(1).map(String);
    const nameCol = header.indexOf('事项名称') + 1;
    expect(nameCol, 'the file has the 事项名称 column').toBeGreaterThan(0);
    const names: string[] = [];
    for (let n = headerNo + 1; n <= sheet.rowCount && typeof sheet.getRow(n).getCell(1).value === 'number'; n += 1) names.push(String(sheet.getRow(n).getCell(nameCol).value));
    expect(names).toEqual(sortRows(items.rows, (r) => r.name, 'desc').map((r) => r.name));
  });
});
