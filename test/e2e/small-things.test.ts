import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/dates.ts';
import { E2E_TODAY, launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

/**
 * Small things a clerk notices: Enter in a date field takes the date and leaves the dialog open;
 * 操作记录 writes its times like every other date and filters by kind.
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

describe('small things', () => {
  it('takes the date on Enter in a date field without saving the dialog; Enter elsewhere saves', async () => {
    await openRoute(page, app, '/personnel');
    const firstRow = page.getByTestId('roster-table').locator('.ant-table-row').first();
    await firstRow.getByTestId('person-link').waitFor();
    await firstRow.locator('.ant-checkbox-input').check();
    await page.getByRole('button', { name: /登记培训/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('培训内容').waitFor();
    await settle(page);
    // Everything filled in first: an Enter that submitted would save and close the dialog.
    await dialog.getByLabel('培训内容').fill('执法业务培训');
    await dialog.getByLabel('学时').fill('4');
    const date = addDays(E2E_TODAY, -3);
    const dateField = dialog.getByLabel('培训日期');
    await dateField.click();
    await dateField.fill(date);
    await dateField.press('Enter');
    await settle(page);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dateField.inputValue()).toBe(date);
    await screenshot(page, 'small-date-enter-1366');
    await dialog.getByLabel('组织单位').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('undo-button').last().waitFor();
  });

  it('writes 操作记录 times like other dates and filters them by kind', async () => {
    await openRoute(page, app, '/settings/history');
    const rows = page.getByTestId('history-table').locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.first().locator('td').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await page.getByTestId('history-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '示例数据' }).click();
    await poll(() => page.getByTestId('history-count').textContent()).toBe('筛选出 1 项');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('示例数据');
    await screenshot(page, 'small-history-1366');
  });
});
