import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, SCREENSHOT_DIR, startWebApp, type RunningApp } from './harness.ts';

const TODAY = '2026-11-29';
const PDF_DIR = path.join(SCREENSHOT_DIR, '..', 'pdf');

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startWebApp({ env: { REGISTRY_TODAY: TODAY } });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await page.evaluate(async () => {
    await fetch('api/settings.update', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ operatorName: '李文' }) });
    await fetch('api/system.generateSampleData', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ seed: 2023 }) });
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Calls the backend the way the page does (for expected figures, never to drive the UI under test). */
async function apiCall<T>(method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, i]) => (await fetch(`api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json() as Promise<{ ok: boolean; value: unknown }>,
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method} failed`);
  return result.value as T;
}

/** The machine may be busy (two cores, other suites): wait up to 20 s for the UI to settle. */
function poll<T>(fn: () => Promise<T> | T) {
  return expect.poll(fn, { timeout: 20_000, interval: 100 });
}

function count(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe('personnel in Chromium: filter, open, cancel, print the renewal roster', () => {
  let expiring: number;
  let cancelledName: string;

  it('filters the sample data to the people whose card expires within 180 days', async () => {
    const overview = await apiCall<{ certificates: { expiringSoon: number } }>('overview.get', {});
    expiring = overview.certificates.expiringSoon;
    expect(expiring).toBeGreaterThan(10);

    await page.getByTestId('main-nav').getByText('执法人员', { exact: true }).click();
    await poll(async () => count(await page.getByTestId('roster-count').textContent())).toBe(1060);
    await screenshot(page, 'personnel-roster');

    // the table holds only a window of rows: jumping to the end loads the last people on demand
    await page.locator('.ant-table-tbody-virtual-holder').evaluate((holder) => {
      holder.scrollTop = holder.scrollHeight;
    });
    await poll(async () => (await page.getByTestId('roster-table').textContent())?.includes('1060') ?? false).toBe(true);
    await poll(async () => {
      const names = await page.getByTestId('person-link').allTextContents();
      return names.length > 5 && names.every((n) => n.length >= 2);
    }).toBe(true);
    await page.locator('.ant-table-tbody-virtual-holder').evaluate((holder) => {
      holder.scrollTop = 0;
    });

    await page.getByTestId('filter-expiring').click();
    expect(await page.getByTestId('filter-expiring-days').inputValue()).toBe('180');
    await poll(async () => page.getByTestId('roster-count').textContent()).toBe(`筛选出 ${expiring} 人`);
    const statuses = await page.getByTestId('roster-table').locator('[data-status]').allTextContents();
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set(['即将到期']));
    expect(page.url()).toContain('days=180');
    await screenshot(page, 'personnel-expiring-180');
  });

  it('searches with Ctrl+F by pinyin initials', async () => {
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('data-testid'))).toBe('roster-search');
    await page.keyboard.type('zw');
    await poll(async () => count(await page.getByTestId('roster-count').textContent())).toBeLessThan(expiring);
    const names = await page.getByTestId('person-link').allTextContents();
    for (const name of names) expect(name.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('roster-search').fill('');
    await poll(async () => page.getByTestId('roster-count').textContent()).toBe(`筛选出 ${expiring} 人`);
  });

  it('opens a person and cancels their certificate with a reason, with undo offered', async () => {
    const link = page.getByTestId('person-link').first();
    cancelledName = (await link.textContent()) ?? '';
    await link.click();
    await page.getByTestId('person-page').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toBe(cancelledName);
    expect(await page.getByTestId('person-id-number').textContent()).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    await screenshot(page, 'personnel-person');

    await page.getByTestId('action-注销').click();
    const dialog = page.getByRole('dialog');
    // Pick the reason; an option clicked while the dropdown still animates can be missed, so check and retry.
    const reason = dialog.getByTestId('cancel-reason');
    await poll(async () => {
      if ((await reason.textContent())?.includes('调离执法岗位')) return true;
      await reason.click();
      const option = page.locator('.ant-select-item-option[title="调离执法岗位"]');
      await option.waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      await option.click();
      return (await reason.textContent())?.includes('调离执法岗位') ?? false;
    }).toBe(true);
    await dialog.getByTestId('step-reason').fill('调任市政府办公室，不再从事行政执法工作');
    await screenshot(page, 'personnel-cancel-dialog');
    await dialog.getByTestId('step-ok').click();

    const panel = page.getByTestId('cert-panel-行政执法证');
    await poll(async () => panel.locator('.ant-card-head [data-status]').textContent()).toBe('已注销');
    await poll(async () => panel.textContent()).toContain('调离执法岗位：调任市政府办公室，不再从事行政执法工作');
    expect(await panel.textContent()).toContain('经办人：李文');
    expect(await page.getByTestId('undo-button').count()).toBe(1);
    expect(await page.getByTestId('action-换证').isDisabled()).toBe(true);
    await screenshot(page, 'personnel-cancelled');

    await page.getByRole('tab', { name: '变更记录' }).click();
    await poll(async () => page.getByTestId('person-history').textContent()).toContain('注销（调离执法岗位）');
  });

  it('goes back to the roster as it was left, now one person fewer', async () => {
    await page.getByRole('button', { name: /返回名册/ }).click();
    await poll(async () => page.getByTestId('roster-count').textContent()).toBe(`筛选出 ${expiring - 1} 人`);
    expect(await page.getByTestId('person-link').allTextContents()).not.toContain(cancelledName);
  });

  let pdfPath: string;

  it('previews the renewal roster and prints it to an A4 landscape PDF', async () => {
    await page.getByTestId('print-renewal').click();
    await page.getByTestId('print-doc').waitFor();
    expect(await page.getByTestId('print-count').textContent()).toBe(`共 ${expiring - 1} 人`);
    expect(await page.locator('.print-table tbody tr').count()).toBe(expiring - 1);
    await screenshot(page, 'print-renewal-preview');

    fs.mkdirSync(PDF_DIR, { recursive: true });
    pdfPath = path.join(PDF_DIR, 'renewal-roster.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect(fs.statSync(pdfPath).size).toBeGreaterThan(10_000);
  });

  it('has the pages, header, footer, signature block and masked IDs a clerk expects', async () => {
    const listed = await apiCall<{ rows: { name: string; certNumber: string | null }[] }>('personnel.query', { filter: { expiringWithinDays: 180 }, firstRows: 500 });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // A4 landscape is 842 × 595 pt
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    // 18 rows or so fit a page: at least two pages for this roster
    expect(pages).toBe(Math.max(2, pages));

    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const pageTexts = text.split('\f').filter((t) => t.trim().length > 0);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((t, i) => {
      const squeezed = t.replace(/\s+/g, '');
      expect(squeezed).toContain(`第${i + 1}页共${pages}页`);
      // the header row repeats on every page
      for (const header of ['序号', '单位', '姓名', '性别', '身份证号', '原证号', '发证日期', '有效期至', '执法类别', '备注']) expect(squeezed).toContain(header);
      // the signature block is on the last page only
      expect(squeezed.includes('经办人')).toBe(i === pages - 1);
    });
    const all = text.replace(/[ \t]+/g, ' ');
    expect(all.replace(/\s+/g, '')).toContain('沅江市司法局行政执法证件换证人员名册');
    expect(all).toContain('制表日期：2026年11月29日');
    expect(all).toMatch(/审核人/);
    expect(all).toMatch(/单位（盖章）/);
    const masked = all.match(/\d{6}\*{8}[\dX]{4}/g) ?? [];
    expect(masked).toHaveLength(expiring - 1);
    expect(all).not.toMatch(/\d{17}[\dX]/);
    // exactly the people still expiring: every card number listed, the cancelled person's name only as often as namesakes remain
    for (const row of listed.rows) expect(all).toContain(row.certNumber ?? '—');
    const squeezedAll = all.replace(/\s+/g, '');
    const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;
    expect(occurrences(squeezedAll, cancelledName)).toBe(listed.rows.filter((r) => r.name.includes(cancelledName)).length);

    // pages as images, to look at (test-results/pdf/renewal-roster-N.png)
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(PDF_DIR, 'renewal-roster')]);
    const images = fs.readdirSync(PDF_DIR).filter((f) => /^renewal-roster-\d+\.png$/.test(f));
    expect(images).toHaveLength(pages);
  });

  it('prints full ID numbers only after the clerk ticks the box, with a warning on screen', async () => {
    await page.getByTestId('print-full-id').click();
    await poll(async () => page.getByText('本次打印包含完整身份证号').count()).toBe(1);
    await poll(async () => (await page.getByTestId('print-doc').textContent())?.match(/\d{17}[\dX]/g)?.length ?? 0).toBe(expiring - 1);
    await page.getByTestId('print-full-id').click();
    await poll(async () => (await page.getByTestId('print-doc').textContent())?.match(/\d{6}\*{8}[\dX]{4}/g)?.length ?? 0).toBe(expiring - 1);
  });

  it('offers the rosters on the export page, and the cancellation just recorded is on the next announcement', async () => {
    await page.goto(`${app.url}#/export`);
    await page.getByTestId('export-card-renewal').waitFor();
    await screenshot(page, 'export-page');
    await page.getByTestId('cancellation-preview').click();
    await page.getByTestId('print-doc').waitFor();
    expect(await page.getByTestId('print-doc').textContent()).toContain(cancelledName);
    expect(await page.getByTestId('print-doc').textContent()).toContain('调离执法岗位');
    await screenshot(page, 'print-cancellation-preview');
  });
});
