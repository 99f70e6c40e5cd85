import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, renderedFonts, screenshot, startWebApp, type RunningApp } from './harness.ts';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function digits(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe('the shell in Chromium, served by npm run web', () => {
  it('opens in Chinese with every navigation entry', async () => {
    const nav = page.getByTestId('main-nav');
    for (const label of ['概览', '执法人员', '检查事项', '四项清单', '导入', '导出与打印', '设置']) {
      await expect.poll(() => nav.getByText(label, { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByText('欢迎使用执法台账').waitFor();
    await screenshot(page, 'shell-first-run');
  });

  it('loads the sample data from the first-run button and shows the seed report figures', async () => {
    await page.getByTestId('generate-sample-data').click();
    await page.getByRole('button', { name: '生 成' }).or(page.getByRole('button', { name: '生成' })).last().click();
    await page.getByTestId('stat-enforcement').waitFor({ timeout: 30_000 });
    expect(digits(await page.getByTestId('stat-enforcement').locator('.ant-statistic-content').textContent())).toBe(1032);
    expect(digits(await page.getByTestId('stat-supervision').locator('.ant-statistic-content').textContent())).toBe(28);
    expect(digits(await page.getByTestId('stat-items').locator('.ant-statistic-content').textContent())).toBe(1771);
    expect(digits(await page.getByTestId('stat-units').locator('.ant-statistic-content').textContent())).toBe(37);
    const itemsFooter = await page.getByTestId('stat-items').locator('..').textContent();
    expect(itemsFooter).toContain('一般检查事项 1,538 项');
    expect(itemsFooter).toContain('重点检查事项 233 项');
    const listRows = await page.getByTestId('list-counts').locator('tbody tr').allTextContents();
    expect(listRows).toEqual(['不予处罚事项清单220', '从轻处罚事项清单89', '减轻处罚事项清单96', '不予实施行政强制措施事项清单23']);
    expect(await page.getByTestId('issued-by-year').textContent()).toContain('2023428 人');
    expect(digits(await page.getByTestId('stat-published').locator('.ant-statistic-content').textContent())).toBe(1423);
    await screenshot(page, 'overview-sample-data');
  });

  it('renders Chinese text with a CJK font', async () => {
    const fonts = await renderedFonts(page, '.page-header h1');
    expect(fonts.join(',')).toMatch(/Noto Sans CJK|Noto Sans SC|Source Han Sans|Microsoft YaHei|PingFang|WenQuanYi/);
  });

  it('shows the 37 units in settings and edits one, with undo', async () => {
    await page.getByTestId('main-nav').getByText('设置', { exact: true }).click();
    await page.getByTestId('unit-count').waitFor();
    expect(await page.getByTestId('unit-count').textContent()).toContain('共 37 个单位（市直 25，乡镇（街道）12）');
    await screenshot(page, 'settings-units');

    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unit-search');
    await page.keyboard.type('草尾');
    const row = page.getByTestId('units-table').locator('tbody tr.ant-table-row').filter({ hasText: '草尾镇' });
    await expect.poll(() => page.getByTestId('units-table').locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(1);
    await row.getByRole('button', { name: /编辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('联系人').fill('陈静');
    await dialog.getByLabel('联系人').press('Enter');
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('陈静');

    await page.getByTestId('undo-button').click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).not.toContain('陈静');
  });
});
