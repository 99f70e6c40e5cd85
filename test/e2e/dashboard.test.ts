import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/api/methods/reports.ts';
import { CERT_STATUS_CATEGORIES } from '../../shared/domain/certificate-status.ts';
import { tempDir } from '../helpers/paths.ts';
import { call, digits, E2E_TODAY, launchBrowser, newPage, openRoute, poll, screenshot, SCREENSHOT_DIR, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

/**
 * 概览's charts, warnings and annual report paragraph in Chromium on the sample data, and the audit
 * and verification exports downloaded from 导出与打印 and opened again. Figures come from the
 * backend (they depend on the run's date); the charts are clicked where ECharts says the bar is.
 */

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await loadSampleData(page);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openOverview(): Promise<void> {
  await openRoute(page, app, '/overview');
  await page.getByTestId('dashboard').waitFor();
  for (const id of ['status-by-unit', 'expiry-by-month', 'training-hours', 'catalog-by-agency', 'publication-status']) {
    await page.getByTestId(`chart-${id}`).locator('canvas').first().waitFor();
  }
  await settle(page);
}

/** Clicks a chart where ECharts draws the point `value` of a series (a bar's middle). */
async function clickChart(id: string, seriesIndex: number, value: [number, number]): Promise<void> {
  const host = page.getByTestId(`chart-${id}`).locator('.screen-only');
  const [x, y] = await page.evaluate(
    ([chartId, s, v]) => (window as unknown as { __registryCharts: Record<string, { pixelOf: (s: number, v: [number, number]) => number[] }> }).__registryCharts[chartId]!.pixelOf(s, v),
    [id, seriesIndex, value] as const,
  );
  await host.click({ position: { x: x ?? 0, y: y ?? 0 } });
}

async function rosterCount(): Promise<number> {
  await poll(() => page.getByTestId('roster-count').textContent()).toMatch(/筛选出 [\d,]+ 人/);
  return digits(await page.getByTestId('roster-count').textContent());
}

describe('概览 in Chromium', () => {
  it('shows the charts, the data-quality warnings and the annual report on the sample data', async () => {
    await openOverview();
    await poll(() => page.getByTestId('quality-submission_stale').textContent()).toContain('23');
    await page.getByTestId('report-text').waitFor();
    const text = (await page.getByTestId('report-text').textContent()) ?? '';
    expect(text).toContain('全市23个行政执法单位，分类检查事项1771项，其中一般检查事项1538项，重点检查事项233项');
    expect(text).toContain('的1032人、28名行政执法监督人员');
    expect(text).toContain(`截至${Number(E2E_TODAY.slice(0, 4))}年${Number(E2E_TODAY.slice(5, 7))}月${Number(E2E_TODAY.slice(8, 10))}日`);
    // The overview's own figures are still there.
    expect(digits(await page.getByTestId('stat-items').textContent())).toBe(1771);
    await screenshot(page, 'dashboard-overview');
    // Each card at full size, for review.
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const card of ['dashboard-status', 'dashboard-expiry', 'dashboard-training', 'dashboard-quality', 'dashboard-catalog', 'dashboard-publication', 'annual-report']) {
      await page.getByTestId(card).screenshot({ path: path.join(SCREENSHOT_DIR, `${card}.png`) });
    }
  });

  it('opens the roster behind a bar of the status chart: as many people as the bar', async () => {
    const data = await call<Dashboard>(page, 'dashboard.get', {});
    const index = data.units.findIndex((u) => u.name === '沅江市公安局');
    const unit = data.units[index]!;
    const valid = CERT_STATUS_CATEGORIES.findIndex((c) => c.key === 'valid');
    expect(unit.categories.valid).toBeGreaterThan(10);
    await openOverview();
    await clickChart('status-by-unit', valid, [unit.categories.valid / 2, index]);
    await poll(() => page.url()).toContain('#/personnel?units=');
    expect(await rosterCount()).toBe(unit.categories.valid);
    expect(new URL(page.url()).hash).toContain(`units=${unit.unitId}`);
    await screenshot(page, 'dashboard-status-click-roster');
  });

  it('opens the people whose cards expire in the month of a bar', async () => {
    const data = await call<Dashboard>(page, 'dashboard.get', {});
    const index = data.expiries.findIndex((m) => m.count > 0);
    const month = data.expiries[index]!;
    await openOverview();
    await clickChart('expiry-by-month', 0, [index, month.count / 2]);
    await poll(() => page.url()).toContain('expFrom=');
    expect(await rosterCount()).toBe(month.count);
    await poll(() => page.getByTestId('linked-filters').textContent()).toContain(`有效期至 ${month.from} 至 ${month.to}`);
  });

  it('links a figure of the annual report to its list', async () => {
    await openOverview();
    await page.getByTestId('report-figure-supervision').click();
    await poll(() => page.url()).toContain('kind=');
    expect(await rosterCount()).toBe(28);
    await poll(() => page.getByTestId('linked-filters').textContent()).toContain('人员类别：监督人员');
  });

  it('prints the charts as images of themselves, fitted to the page', async () => {
    await openOverview();
    const pictures = page.getByTestId('print-charts').locator('img');
    await poll(() => pictures.count()).toBe(5);
    await page.emulateMedia({ media: 'print' });
    try {
      for (const img of await pictures.all()) {
        expect(await img.isVisible()).toBe(true);
        // Drawn off screen at a fixed size, twice the pixels for paper.
        expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(2000);
        expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      }
      expect(await page.locator('.dashboard-chart .screen-only').first().isVisible()).toBe(false);
      expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
      // The report's paragraphs and the warnings print as plain blocks; the cards stay on screen.
      expect(await page.locator('.print-title').textContent()).toMatch(/^沅江市司法局行政执法工作概览（截至\d{4}年\d{1,2}月\d{1,2}日）$/);
      expect(await page.getByTestId('report-text').isVisible()).toBe(true);
      expect(await page.getByTestId('stat-items').isVisible()).toBe(false);
      // As the print dialog lays it out: the page size the stylesheet asks for (A4 landscape).
      await page.pdf({ path: path.join(SCREENSHOT_DIR, 'overview-print.pdf'), preferCSSPageSize: true, printBackground: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('saves a chart as a PNG image', async () => {
    await openOverview();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-status-png').click()]);
    expect(download.suggestedFilename()).toBe(`证件状态（按单位）_${E2E_TODAY}.png`);
    const file = path.join(tempDir('e2e-png-'), 'chart.png');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('审核表 and 核对表 from 导出与打印', () => {
  it('downloads the audit workbook, which opens with its eight sheets and everyone in it', async () => {
    await openRoute(page, app, '/export');
    await page.getByTestId('export-card-audit').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toBe(`行政执法审核表_${E2E_TODAY}.xlsx`);
    const file = path.join(tempDir('e2e-audit-'), 'audit.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '人员明细', '换证名册', '注销公示', '检查事项统计', '四项清单统计', '发布情况', '数据问题']);
    let masked = 0;
    book.getWorksheet('人员明细')!.eachRow((row) => {
      if (/^\d{6}\*{8}[\dX]{4}$/.test(String(row.getCell(5).value))) masked += 1;
    });
    expect(masked).toBe(1060);
    await screenshot(page, 'export-audit');
  });

  it('downloads every agency’s verification workbook in one zip', async () => {
    await openRoute(page, app, '/export');
    await page.getByTestId('export-card-verification').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('verification-export').click()]);
    expect(download.suggestedFilename()).toBe(`各单位核对表_${E2E_TODAY}.zip`);
    const file = path.join(tempDir('e2e-verification-'), 'all.zip');
    await download.saveAs(file);
    const names = Object.keys(unzipSync(fs.readFileSync(file)));
    expect(names).toHaveLength(23);
    expect(names).toContain(`沅江市公安局_核对表_${E2E_TODAY}.xlsx`);
    await poll(() => page.getByTestId('verification-files').locator('.ant-list-item').count()).toBe(23);
  });
});
