import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';
import { call, launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

/**
 * The preview of a second roster submission in Chromium: a changed record expands to its
 * field-by-field diff, a transfer from another unit is confirmed, a person missing from the new
 * roster has the certificate cancelled — all in one commit.
 */

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'import');

let app: RunningApp;
let browser: Browser;
let page: Page;

async function batchCount(): Promise<number> {
  return (await call<{ batches: unknown[] }>(page, 'import.batches', {})).batches.length;
}

/** The first two submissions checked and listed (the messy roster and 市场监管局), as the page shows them. */
async function ensureFirstFilesListed(): Promise<void> {
  // A change of the address's hash keeps the page's list of checked files.
  await openRoute(page, app, '/import');
  await page.getByTestId('import-drop').waitFor();
  const listed = page.getByTestId('import-summary').locator('tbody tr.ant-table-row').filter({ hasText: '公安局-执法人员花名册.xlsx' });
  if ((await listed.count()) === 1) return;
  await page.getByTestId('file-input').setInputFiles([path.join(FIXTURES, '公安局-执法人员花名册.xlsx'), path.join(FIXTURES, '市场监管局名册.xls')]);
  await poll(() => listed.count(), 'the messy roster is checked and listed').toBe(1);
  await poll(() => page.getByTestId('import-summary').locator('tbody tr.ant-table-row').filter({ hasText: '市场监管局名册.xls' }).count(), '市场监管局名册.xls is listed').toBe(1);
}

/** Imports the clean rows of the first two files through the page (the second test; again here if it failed). */
async function importFirstFiles(): Promise<void> {
  await ensureFirstFilesListed();
  await page.getByTestId('import-summary').getByText('公安局-执法人员花名册.xlsx').click();
  await page.getByTestId('commit-file').click();
  await page.getByTestId('skip-errors').click();
  await page
    .getByRole('button', { name: /导\s*入/ })
    .last()
    .click();
  await page.getByTestId('undo-button').waitFor();
  await page.getByTestId('back-to-list').click();
  await page.getByTestId('commit-all-ready').click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /导\s*入/ })
    .click();
  await poll(() => batchCount(), 'both files are imported, one batch each').toBe(2);
}

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

describe('the preview of a messy roster and of a second submission', () => {
  it('shows the messy roster’s bad cells and its skipped rows', async () => {
    await ensureFirstFilesListed();
    await page.getByTestId('import-summary').getByText('公安局-执法人员花名册.xlsx').click();
    await page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('cell-7-D').getAttribute('class')).toContain('import-cell-error');
    expect(await page.getByTestId('cell-8-C').getAttribute('class')).toContain('import-cell-warning');
    await screenshot(page, 'import-preview-messy');
    await page.getByText(/^跳过的行（4）/).click();
    await page.getByText('第 18 行：签名行').waitFor();
    await page.getByText(/^数据（11）/).click();
  });

  it('imports the clean rows of the first two files', async () => {
    await importFirstFiles();
  });

  it('shows the diff, confirms the transfer and cancels a missing person’s certificate in one commit', async () => {
    if ((await batchCount()) < 2) await importFirstFiles();
    await openRoute(page, app, '/import');
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, '公安局-花名册-第二次报送.xlsx'));
    const row = page.getByTestId('import-summary').locator('tbody tr.ant-table-row').filter({ hasText: '第二次报送' });
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole('button', { name: /查看/ }).click();
    await page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').first().waitFor();

    await page
      .getByTestId('row-filter')
      .getByText(/^新增和修改/)
      .click();
    const changed = page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').filter({ hasText: '王伟' });
    await changed.locator('.ant-table-row-expand-icon').click();
    await page.getByTestId('diff-4').waitFor();
    expect(await page.getByTestId('diff-4').textContent()).toContain('交警大队民警交警大队副大队长');
    const transfer = page.getByTestId('confirm-transfer-6');
    await poll(async () => {
      if (!(await transfer.isChecked())) await transfer.click();
      await settle(page);
      return transfer.isChecked();
    }, 'the transfer is confirmed').toBe(true);
    await screenshot(page, 'import-preview-diff-transfer');

    await page.getByTestId('tab-missing').click();
    await page.getByTestId('missing-list').waitFor();
    const wu = await call<{ sheets: { missing: { recordId: number; label: string; openCertificate: unknown }[] }[] }>(page, 'import.file', {
      checkId: page.url().split('/').pop(),
    });
    const withCard = wu.sheets[0]?.missing.find((m) => m.openCertificate !== null);
    expect(withCard).toBeDefined();
    const action = page.getByTestId(`missing-action-${withCard?.recordId}`);
    // On a busy machine a click during the dropdown's opening animation can miss: open, let it settle,
    // pick, and check that the select shows the choice (opening again if it does not).
    await poll(async () => {
      if (((await action.textContent()) ?? '').includes('注销证件')) return true;
      await action.click();
      const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^注销证件$/ });
      await item.waitFor();
      await settle(page);
      await item.click();
      await settle(page);
      return ((await action.textContent()) ?? '').includes('注销证件');
    }, 'the missing person is set to 注销证件').toBe(true);
    await screenshot(page, 'import-preview-missing-decision');

    await page.getByTestId('commit-file').click();
    expect(await page.getByTestId('commit-confirm').textContent()).toContain('注销证件 1 个');
    await page
      .getByRole('button', { name: /导\s*入/ })
      .last()
      .click();
    await page.getByTestId('undo-button').waitFor();
    const batches = await call<{ batches: { summary: string }[] }>(page, 'import.batches', {});
    expect(batches.batches[0]?.summary).toBe('导入“公安局-花名册-第二次报送.xlsx”（执法人员名册）：新增 1 条、修改 2 条、调入 1 人、注销证件 1 个');
  });
});
