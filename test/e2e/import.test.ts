import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';
import { launchBrowser, newPage, screenshot, startWebApp, type RunningApp } from './harness.ts';

/**
 * The 导入 page in Chromium: import a folder of sample submissions, fix one cell in the preview,
 * commit, undo — with the registry's figures checked through the API at each step.
 */

const SUBMISSIONS = path.join(REPO_ROOT, 'test', 'fixtures', 'import', 'submissions');

let app: RunningApp;
let browser: Browser;
let page: Page;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch(`api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? ''}`);
  return result.value as T;
}

async function personnelTotal(): Promise<number> {
  return (await call<{ personnel: { total: number } }>('overview.get', {})).personnel.total;
}

function summaryRow(name: string) {
  return page.getByTestId('import-summary').locator('tbody tr.ant-table-row').filter({ hasText: name });
}

beforeAll(async () => {
  app = await startWebApp({ env: { REGISTRY_TODAY: '2024-06-30' } });
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await call('system.generateSampleData', { seed: 2023 });
  await page.goto(`${app.url}#/import`);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('导入 in Chromium', () => {
  it('shows the drop zone, templates and an empty list', async () => {
    await page.getByTestId('import-drop').waitFor();
    await page.getByText('把报送的文件或整个文件夹拖到这里').waitFor();
    await page.getByText('还没有导入过文件。').waitFor();
    await screenshot(page, 'import-empty');
  });

  it('checks a whole folder and lists every file with its status', async () => {
    await page.getByTestId('folder-input').setInputFiles(SUBMISSIONS);
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('import-summary').locator('tbody tr.ant-table-row').count(), { timeout: 60_000 }).toBe(4);
    expect(await summaryRow('公安局花名册.xlsx').textContent()).toContain('有错误');
    expect(await summaryRow('气象局名册.csv').textContent()).toContain('可导入');
    expect(await summaryRow('气象局名册.csv').textContent()).toContain('沅江市气象局');
    expect(await summaryRow('市林业局名册.xlsx').textContent()).toContain('无法读取');
    expect(await summaryRow('应急管理局四项清单.xlsx').textContent()).toContain('可导入');
    await screenshot(page, 'import-folder-summary');
  });

  it('opens a file, shows only the error rows, and fixes the bad cell in place', async () => {
    await summaryRow('公安局花名册.xlsx').getByRole('button', { name: /查看/ }).click();
    await page.getByTestId('file-preview').waitFor();
    await page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('row-filter').getByText(/只看错误/).click();
    await expect.poll(() => page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').count()).toBe(1);
    const bad = page.getByTestId('cell-4-G');
    expect(await bad.getAttribute('class')).toContain('import-cell-error');
    expect(await bad.textContent()).toBe('2023.13.1');
    await screenshot(page, 'import-preview-errors');

    await bad.click();
    const input = page.getByTestId('edit-cell-input');
    await input.waitFor();
    await input.fill('2023-04-01');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').count()).toBe(0);
    await page.getByTestId('row-filter').getByText(/^全部/).click();
    await expect.poll(async () => (await page.getByTestId('cell-4-G').getAttribute('class')) ?? '').toContain('import-cell-edited');
    expect(await page.getByTestId('cell-4-G').getAttribute('class')).not.toContain('import-cell-error');
    await page.getByTestId('tab-missing').click();
    await page.getByTestId('missing-list').waitFor();
    await screenshot(page, 'import-preview-missing');
    await page.getByText(/^数据（/).click();
    await screenshot(page, 'import-preview-fixed');
  });

  it('commits the corrected file and undoes it, leaving the registry as it was', async () => {
    const before = await personnelTotal();
    await page.getByTestId('commit-file').click();
    await page.getByTestId('commit-confirm').waitFor();
    await page.getByRole('button', { name: /导\s*入/ }).last().click();
    await page.getByTestId('undo-button').waitFor();
    await expect.poll(() => personnelTotal()).toBe(before + 3);
    await screenshot(page, 'import-committed');

    await page.getByTestId('undo-button').click();
    await expect.poll(() => personnelTotal()).toBe(before);
    const batches = await call<{ batches: { fileName: string; undone: boolean }[] }>('import.batches', {});
    expect(batches.batches[0]).toMatchObject({ fileName: '公安局花名册.xlsx', undone: true });
    // The preview may be imported again after the undo.
    await expect.poll(async () => (await page.getByTestId('commit-file').count())).toBe(1);
  });

  it('corrects a column mapping in the dialog', async () => {
    await page.getByTestId('open-mapping').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('列对应：工作表“花名册”').waitFor();
    // Let the dialog's zoom-in animation finish before the picture.
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
    await screenshot(page, 'import-mapping-dialog');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
  });

  it('exports the error workbook of a file for the agency', async () => {
    await page.getByTestId('back-to-list').click();
    const download = page.waitForEvent('download');
    await summaryRow('市林业局名册.xlsx').getByRole('button', { name: /检查结果/ }).click();
    expect((await download).suggestedFilename()).toBe('市林业局名册-检查结果.xlsx');
  });

  it('imports the remaining clean files from the summary in one go', async () => {
    await page.getByTestId('import-summary').waitFor();
    expect(await summaryRow('公安局花名册.xlsx').textContent()).toContain('可导入');
    await page.getByTestId('commit-all-ready').click();
    await page.getByRole('dialog').getByRole('button', { name: /导\s*入/ }).click();
    await expect.poll(async () => (await summaryRow('气象局名册.csv').textContent()) ?? '').toContain('已导入');
    await expect.poll(async () => (await summaryRow('应急管理局四项清单.xlsx').textContent()) ?? '').toContain('已导入');
    await expect.poll(async () => (await summaryRow('公安局花名册.xlsx').textContent()) ?? '').toContain('已导入');
    await page.getByTestId('import-batches').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'import-after-commit-all');
  });
});
