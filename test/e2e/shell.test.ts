import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, digits, launchBrowser, newPage, openRoute, poll, renderedFonts, screenshot, settle, startWebApp, type RunningApp } from './harness.ts';

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

/** The sample data, generated through the page by the test that checks that; made here if that test failed. */
async function ensureSampleData(): Promise<void> {
  if ((await call<{ isEmpty: boolean }>(page, 'system.info')).isEmpty) await call(page, 'system.generateSampleData', { seed: 2023 });
}

describe('the shell in Chromium, served by npm run web', () => {
  it('opens in Chinese with every navigation entry', async () => {
    const nav = page.getByTestId('main-nav');
    for (const label of ['概览', '执法人员', '检查事项', '四项清单', '导入', '导出与打印', '设置']) {
      await poll(() => nav.getByText(label, { exact: true }).count(), `the menu shows ${label}`).toBe(1);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByText('欢迎使用执法台账').waitFor();
    await screenshot(page, 'shell-first-run');
  });

  it('loads the sample data from the first-run button and shows the seed report figures', async () => {
    await openRoute(page, app, '/overview');
    await page.getByTestId('generate-sample-data').click();
    await settle(page);
    await page
      .getByRole('button', { name: '生 成' })
      .or(page.getByRole('button', { name: '生成' }))
      .last()
      .click();
    await page.getByTestId('stat-enforcement').waitFor({ timeout: 60_000 });
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
    // Published as long as the 2023 documents are in force (five years): the backend's status decides.
    const publications = await call<{ agencies: { publication: { status: string } }[] }>(page, 'publications.list');
    const published = publications.agencies.filter((a) => a.publication.status === '已发布').length;
    expect(digits(await page.getByTestId('stat-published').locator('.ant-statistic-content').textContent())).toBe(Number(`${published}${publications.agencies.length}`));
    await screenshot(page, 'overview-sample-data');
  });

  it('renders Chinese text with a CJK font', async () => {
    await openRoute(page, app, '/overview');
    await page.locator('.page-header h1').waitFor();
    const fonts = await renderedFonts(page, '.page-header h1');
    expect(fonts.join(',')).toMatch(/Noto Sans CJK|Noto Sans SC|Source Han Sans|Microsoft YaHei|PingFang|WenQuanYi/);
  });

  it('shows the 37 units in settings and edits one, with undo', async () => {
    await ensureSampleData();
    await openRoute(page, app, '/overview');
    await page.getByTestId('main-nav').getByText('设置', { exact: true }).click();
    await page.getByTestId('unit-count').waitFor();
    expect(await page.getByTestId('unit-count').textContent()).toContain('共 37 个单位（市直 25，乡镇（街道）12）');
    await screenshot(page, 'settings-units');

    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unit-search');
    await page.keyboard.type('草尾');
    const row = page.getByTestId('units-table').locator('tbody tr.ant-table-row').filter({ hasText: '草尾镇' });
    await poll(() => page.getByTestId('units-table').locator('tbody tr.ant-table-row').count(), 'the search leaves one unit').toBe(1);
    await row.getByRole('button', { name: /编辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('联系人').fill('陈静');
    await dialog.getByLabel('联系人').press('Enter');
    await poll(() => row.textContent()).toContain('陈静');

    await page.getByTestId('undo-button').click();
    await poll(() => row.textContent()).not.toContain('陈静');
  });
});
