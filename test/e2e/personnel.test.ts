import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../shared/domain/dates.ts';
import { call, digits, E2E_TODAY, launchBrowser, newPage, openRoute, poll, screenshot, SCREENSHOT_DIR, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

/**
 * 执法人员 in Chromium on the sample data: filter, search, open a person, cancel a card, go back,
 * print the renewal roster to PDF. Each test opens the page it needs and, where it builds on an
 * earlier step (the cancellation), makes sure that step happened, so one failure is reported once.
 */

const PDF_DIR = path.join(SCREENSHOT_DIR, '..', 'pdf');
const CANCEL_NOTE = '调任市政府办公室，不再从事行政执法工作';

let app: RunningApp;
let browser: Browser;
let page: Page;
let warningDays: number;

interface RosterAnswer {
  total: number;
  rows: { id: number; name: string; certNumber: string | null; status: string; certificateId: number | null }[];
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await call(page, 'settings.update', { operatorName: '李文' });
  await loadSampleData(page);
  warningDays = (await call<{ expiryWarningDays: number }>(page, 'settings.get')).expiryWarningDays;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The roster as the backend answers it for a filter: what the page must show. */
function roster(filter: Record<string, unknown>, firstRows = 500): Promise<RosterAnswer> {
  return call<RosterAnswer>(page, 'personnel.query', { filter, firstRows });
}

const expiringFilter = () => ({ expiringWithinDays: warningDays });

/** The person whose card the cancellation test cancels; made here too if that test did not get that far. */
let cancelled: { id: number; name: string } | null = null;

async function ensureCancellation(): Promise<{ id: number; name: string }> {
  if (cancelled) return cancelled;
  const first = (await roster(expiringFilter(), 1)).rows[0];
  if (!first) throw new Error('the sample data has nobody whose card expires within the warning window');
  await call(page, 'certificates.transition', { action: '注销', personId: first.id, certType: '行政执法证', date: E2E_TODAY, cancelReason: '调离执法岗位', reason: CANCEL_NOTE, docRef: null });
  cancelled = { id: first.id, name: first.name };
  return cancelled;
}

describe('personnel in Chromium: filter, open, cancel, print the renewal roster', () => {
  it('filters the sample data to the people whose card expires within the warning window', async () => {
    const everyone = await roster({}, 0);
    const expiring = await roster(expiringFilter(), 0);
    const overview = await call<{ certificates: { expiringSoon: number } }>(page, 'overview.get');
    expect(everyone.total, 'the sample data holds 1,032 + 28 people').toBe(1060);
    expect(expiring.total, 'the overview and the roster count 即将到期 alike').toBe(overview.certificates.expiringSoon);
    expect(expiring.total, 'the sample data keeps a realistic share of cards about to expire').toBeGreaterThan(10);

    await openRoute(page, app, '/personnel');
    await poll(async () => digits(await page.getByTestId('roster-count').textContent()), 'the roster counts everyone').toBe(everyone.total);
    await screenshot(page, 'personnel-roster');

    // The table holds only a window of rows: jumping to the end loads the last people on demand.
    await page.locator('.ant-table-tbody-virtual-holder').evaluate((holder) => {
      holder.scrollTop = holder.scrollHeight;
    });
    await poll(async () => (await page.getByTestId('roster-table').textContent())?.includes(String(everyone.total)) ?? false, 'the last row (序号 1060) is loaded').toBe(true);
    await poll(async () => {
      const names = await page.getByTestId('person-link').allTextContents();
      return names.length > 5 && names.every((n) => n.length >= 2);
    }, 'the rows at the end have names').toBe(true);

    await page.getByTestId('filter-expiring').click();
    expect(await page.getByTestId('filter-expiring-days').inputValue(), 'the filter starts at the warning window of 设置').toBe(String(warningDays));
    await poll(async () => page.getByTestId('roster-count').textContent()).toBe(`筛选出 ${expiring.total} 人`);
    const statuses = await page.getByTestId('roster-table').locator('[data-status]').allTextContents();
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set(['即将到期']));
    expect(page.url()).toContain(`days=${warningDays}`);
    await screenshot(page, 'personnel-expiring');
  });

  it('searches with Ctrl+F by pinyin initials', async () => {
    const expected = await roster({ ...expiringFilter(), search: 'zw' }, 0);
    await openRoute(page, app, `/personnel?days=${warningDays}`);
    await page.getByTestId('roster-count').waitFor();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('data-testid'))).toBe('roster-search');
    await page.keyboard.type('zw');
    await poll(async () => page.getByTestId('roster-count').textContent(), 'the search narrows the list to the backend’s answer').toBe(`筛选出 ${expected.total} 人`);
    const names = await page.getByTestId('person-link').allTextContents();
    for (const name of names) expect(name.length).toBeGreaterThanOrEqual(2);
  });

  it('opens a person and cancels their certificate dated the registry’s today, with undo offered', async () => {
    const expiring = await roster(expiringFilter(), 1);
    await openRoute(page, app, `/personnel?days=${warningDays}`);
    // The previous test left a search on the roster: wait until the page lists this filter's people.
    await poll(async () => page.getByTestId('roster-count').textContent(), 'the roster lists the expiring cards').toBe(`筛选出 ${expiring.total} 人`);
    const link = page.getByTestId('person-link').first();
    await poll(async () => link.textContent(), 'the first row is the backend’s first').toBe(expiring.rows[0]?.name);
    const name = (await link.textContent()) ?? '';
    await link.click();
    await page.getByTestId('person-page').waitFor();
    const id = Number(/#\/personnel\/(\d+)/.exec(page.url())?.[1]);
    expect(await page.getByTestId('person-name').textContent()).toBe(name);
    expect(await page.getByTestId('person-id-number').textContent()).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    await screenshot(page, 'personnel-person');

    await page.getByTestId('action-注销').click();
    const dialog = page.getByRole('dialog');
    // The step is dated the registry's today (the backend's clock), whatever the browser's clock says.
    await poll(() => dialog.getByLabel('注销日期').inputValue(), 'the 注销日期 defaults to the registry’s today').toBe(E2E_TODAY);
    const reason = dialog.getByTestId('cancel-reason');
    await reason.click();
    const option = page.locator('.ant-select-item-option[title="调离执法岗位"]');
    await option.waitFor({ state: 'visible' });
    await settle(page);
    await option.click();
    await poll(async () => (await reason.textContent()) ?? '', 'the reason is picked').toContain('调离执法岗位');
    await dialog.getByTestId('step-reason').fill(CANCEL_NOTE);
    await screenshot(page, 'personnel-cancel-dialog');
    await dialog.getByTestId('step-ok').click();

    const panel = page.getByTestId('cert-panel-行政执法证');
    await poll(async () => panel.locator('.ant-card-head [data-status]').textContent(), 'the card shows as cancelled').toBe('已注销');
    cancelled = { id, name };
    await poll(async () => panel.textContent()).toContain(`调离执法岗位：${CANCEL_NOTE}`);
    expect(await panel.textContent()).toContain('经办人：李文');
    expect(await page.getByTestId('undo-button').count()).toBe(1);
    expect(await page.getByTestId('action-换证').isDisabled()).toBe(true);
    await screenshot(page, 'personnel-cancelled');

    await page.getByRole('tab', { name: '变更记录' }).click();
    await poll(async () => page.getByTestId('person-history').textContent()).toContain('注销（调离执法岗位）');
  });

  it('goes back to the roster as it was left, without the cancelled card', async () => {
    const person = await ensureCancellation();
    const expected = await roster(expiringFilter());
    expect(
      expected.rows.map((r) => r.id),
      'the backend no longer lists the cancelled card as expiring',
    ).not.toContain(person.id);
    await openRoute(page, app, `/personnel?days=${warningDays}`);
    await page.getByTestId('roster-count').waitFor();
    await openRoute(page, app, `/personnel/${person.id}`);
    await page.getByRole('button', { name: /返回名册/ }).click();
    await poll(async () => page.getByTestId('roster-count').textContent(), 'the roster comes back with its filter').toBe(`筛选出 ${expected.total} 人`);
    expect(page.url()).toContain(`days=${warningDays}`);
  });

  it('previews the renewal roster from the roster’s filter', async () => {
    await ensureCancellation();
    const expected = await roster(expiringFilter());
    await openRoute(page, app, `/personnel?days=${warningDays}`);
    await poll(async () => page.getByTestId('roster-count').textContent()).toBe(`筛选出 ${expected.total} 人`);
    await page.getByTestId('print-renewal').click();
    await page.getByTestId('print-doc').waitFor();
    await poll(async () => page.getByTestId('print-count').textContent(), 'the preview lists the roster’s people').toBe(`共 ${expected.total} 人`);
    expect(await page.locator('.print-table tbody tr').count()).toBe(expected.total);
    await screenshot(page, 'print-renewal-preview');
  });

  it('prints the renewal roster to A4 landscape with pages, header, footer, signature block and masked IDs', async () => {
    const person = await ensureCancellation();
    const expected = await roster(expiringFilter());
    await openRoute(page, app, `/print/renewal?days=${warningDays}`);
    await page.getByTestId('print-doc').waitFor();
    await poll(async () => page.getByTestId('print-count').textContent()).toBe(`共 ${expected.total} 人`);
    fs.mkdirSync(PDF_DIR, { recursive: true });
    const pdfPath = path.join(PDF_DIR, 'renewal-roster.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // A4 landscape is 842 × 595 pt
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
    // About 18 rows fit a page.
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(expected.total / 25));

    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const pageTexts = text.split('\f').filter((t) => t.trim().length > 0);
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((t, i) => {
      const squeezed = t.replace(/\s+/g, '');
      expect(squeezed).toContain(`第${i + 1}页共${pages}页`);
      // The header row repeats on every page.
      for (const header of ['序号', '单位', '姓名', '性别', '身份证号', '原证号', '发证日期', '有效期至', '执法类别', '备注']) expect(squeezed).toContain(header);
      // The signature block is on the last page only.
      expect(squeezed.includes('经办人'), `signature block on page ${i + 1} of ${pages}`).toBe(i === pages - 1);
    });
    const all = text.replace(/[ \t]+/g, ' ');
    expect(all.replace(/\s+/g, '')).toContain('沅江市司法局行政执法证件换证人员名册');
    expect(all, 'the roster is dated the registry’s today').toContain(`制表日期：${formatChineseDate(E2E_TODAY)}`);
    expect(all).toMatch(/审核人/);
    expect(all).toMatch(/单位（盖章）/);
    const masked = all.match(/\d{6}\*{8}[\dX]{4}/g) ?? [];
    expect(masked).toHaveLength(expected.total);
    expect(all).not.toMatch(/\d{17}[\dX]/);
    // Exactly the people still expiring: every card number listed, the cancelled person only as often as namesakes remain.
    for (const row of expected.rows) expect(all).toContain(row.certNumber ?? '—');
    const squeezedAll = all.replace(/\s+/g, '');
    const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1;
    expect(occurrences(squeezedAll, person.name)).toBe(expected.rows.filter((r) => r.name.includes(person.name)).length);

    // Pages as images, to look at (test-results/pdf/renewal-roster-N.png).
    for (const f of fs.readdirSync(PDF_DIR).filter((f) => /^renewal-roster-\d+\.png$/.test(f))) fs.rmSync(path.join(PDF_DIR, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(PDF_DIR, 'renewal-roster')]);
    const images = fs.readdirSync(PDF_DIR).filter((f) => /^renewal-roster-\d+\.png$/.test(f));
    expect(images).toHaveLength(pages);
  });

  it('prints full ID numbers only after the clerk ticks the box, with a warning on screen', async () => {
    const expected = await roster(expiringFilter(), 0);
    await openRoute(page, app, `/print/renewal?days=${warningDays}`);
    await page.getByTestId('print-doc').waitFor();
    await poll(async () => (await page.getByTestId('print-doc').textContent())?.match(/\d{6}\*{8}[\dX]{4}/g)?.length ?? 0, 'masked numbers first').toBe(expected.total);
    await page.getByTestId('print-full-id').click();
    await poll(async () => page.getByText('本次打印包含完整身份证号').count()).toBe(1);
    await poll(async () => (await page.getByTestId('print-doc').textContent())?.match(/\d{17}[\dX]/g)?.length ?? 0, 'full numbers once ticked').toBe(expected.total);
    await page.getByTestId('print-full-id').click();
    await poll(async () => (await page.getByTestId('print-doc').textContent())?.match(/\d{6}\*{8}[\dX]{4}/g)?.length ?? 0, 'masked again once unticked').toBe(expected.total);
  });

  it('offers the rosters on the export page, and the cancellation is on the next announcement', async () => {
    const person = await ensureCancellation();
    await openRoute(page, app, '/export');
    await page.getByTestId('export-card-renewal').waitFor();
    await screenshot(page, 'export-page');
    await page.getByTestId('cancellation-preview').click();
    await page.getByTestId('print-doc').waitFor();
    await poll(async () => (await page.getByTestId('print-doc').textContent()) ?? '', 'the announcement lists the cancelled person').toContain(person.name);
    expect(await page.getByTestId('print-doc').textContent()).toContain('调离执法岗位');
    await screenshot(page, 'print-cancellation-preview');
  });
});
