import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, validityEnd } from '../../shared/domain/dates.ts';
import { call, digits, E2E_TODAY, launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

/**
 * 检查事项 and 四项清单 in Chromium on the sample data. Each test opens the page it needs; figures
 * that depend on the date (publication status) are taken from the backend, the seed report's
 * counts (1,771 = 1,538 + 233 …) are the sample data's promise.
 */

let app: RunningApp;
let browser: Browser;
let page: Page;

/** One row of the reconciliation table: the registry's count and the difference shown. */
async function reconciliationRow(label: string): Promise<{ registry: number; difference: string }> {
  const row = page
    .getByTestId('reconciliation')
    .locator('tbody tr')
    .filter({ has: page.getByText(label, { exact: true }) });
  const cells = await row.locator('td').allTextContents();
  return { registry: digits(cells[2] ?? ''), difference: cells[3] ?? '' };
}

interface Publications {
  agencies: { unitId: number; name: string; publication: { status: string; expiringSoon: boolean } }[];
}

async function publishedCount(): Promise<number> {
  return (await call<Publications>(page, 'publications.list')).agencies.filter((a) => a.publication.status === '已发布').length;
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

describe('检查事项 and 四项清单 in Chromium', () => {
  it('shows the agencies down the side and the catalog of all agencies, virtualized', async () => {
    await openRoute(page, app, '/catalog');
    await page.getByTestId('agency-sidebar').waitFor();
    await poll(() => page.getByTestId('agency-sidebar').locator('[role=option]').count()).toBe(24); // 全部单位 + 23 agencies
    const tabs = await page.getByTestId('catalog-tabs').locator('[role=tab]').allTextContents();
    expect(tabs).toEqual(['检查事项目录 1,771', '不予处罚 220', '从轻处罚 89', '减轻处罚 96', '不予强制 23']);
    await page.getByTestId('items-table').locator('.ant-table-row').first().waitFor();
    // Virtualized: far fewer rows in the page than the 1,771 items.
    expect(await page.getByTestId('items-table').locator('.ant-table-row').count()).toBeLessThan(100);
    await screenshot(page, 'catalog-all-agencies');
  });

  it('opens the lists on the lists tab, per agency, keeping line breaks in cells', async () => {
    await openRoute(page, app, '/catalog');
    await page.getByTestId('main-nav').getByText('四项清单', { exact: true }).click();
    await poll(() => page.getByTestId('catalog-tabs').locator('[role=tab][aria-selected=true]').textContent()).toContain('不予处罚');
    await page.getByTestId('agency-sidebar').getByText('市市场监管局', { exact: true }).click();
    await page
      .getByTestId('catalog-tabs')
      .getByText(/^减轻处罚/)
      .click();
    const table = page.getByTestId('list-table');
    await table.locator('.ant-table-row').first().waitFor();
    const multiLine = table.locator('.catalog-cell-text').filter({ hasText: '同时符合下列情形的' }).first();
    await multiLine.waitFor();
    expect(await multiLine.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    expect(await multiLine.evaluate((el) => (el as HTMLElement).innerText)).toMatch(/的：\n1\./);
    expect(page.url()).toContain('#/lists/reduced_penalty?unit=');
    await screenshot(page, 'catalog-reduced-list-market');
  });

  it('searches the sample data with Ctrl+F, 1, 2 and 3+ characters, grouped and highlighted', async () => {
    await openRoute(page, app, '/catalog');
    await page.getByTestId('agency-sidebar').waitFor();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('catalog-search');
    for (const q of ['尘', '扬尘', '扬尘污染']) {
      await page.getByTestId('catalog-search').fill(q);
      await poll(() => page.getByTestId('search-summary').textContent()).toContain(`“${q}”：找到`);
      expect(digits(await page.getByTestId('search-summary').textContent())).toBeGreaterThan(0);
      const marks = await page.getByTestId('search-panel').locator('mark.catalog-hit').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(m).toContain(q);
    }
    await page.getByTestId('catalog-search').fill('餐饮服务');
    await poll(() => page.getByTestId('search-summary').textContent()).toContain('“餐饮服务”：找到');
    expect(await page.getByTestId('search-group').count()).toBeGreaterThan(0);
    await screenshot(page, 'catalog-search-results');
  });

  it('searches at each key, but not the pinyin an input method composes, and then lists every result', async () => {
    await openRoute(page, app, '/catalog');
    // An earlier search may still be open: start from the empty box.
    await page.getByTestId('catalog-search').fill('');
    await page.getByTestId('agency-sidebar').waitFor();
    const asked: string[] = [];
    const onRequest = (request: { url(): string; postData(): string | null }) => {
      if (request.url().includes('/api/search.query')) asked.push((JSON.parse(request.postData() ?? '{}') as { q?: string }).q ?? '');
    };
    page.on('request', onRequest);
    try {
      // As Chromium delivers an input method's typing: the letters while composing, then the characters chosen.
      await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="catalog-search"]');
        if (!input) throw new Error('no search box');
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the input as `this`
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        input.focus();
        input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
        for (const text of ['c', 'ca', 'can', 'canyin']) {
          setValue?.call(input, text);
          input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: text }));
        }
        setValue?.call(input, '餐饮');
        input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: '餐饮' }));
        input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '餐饮' }));
      });
      await poll(() => page.getByTestId('search-summary').textContent()).toContain('“餐饮”：找到');
      expect(asked).toEqual(['餐饮']);
      // The first hits paint with the answer, the rest follow: every result (up to 200) ends up listed.
      const total = digits(await page.getByTestId('search-summary').textContent());
      expect(total).toBeGreaterThan(20);
      await poll(() => page.getByTestId('search-hit').count()).toBe(Math.min(total, 200));
    } finally {
      page.off('request', onRequest);
    }
  });

  it('opens a result, edits it, and the statistics change', async () => {
    await openRoute(page, app, '/catalog');
    await page.getByTestId('catalog-search').fill('餐饮服务');
    await poll(() => page.getByTestId('search-summary').textContent()).toContain('“餐饮服务”：找到');
    // The first inspection item found that is a 一般检查事项.
    const itemHit = page
      .getByTestId('search-group')
      .locator('div')
      .filter({ has: page.locator('.ant-tag', { hasText: /^检查事项/ }) })
      .getByTestId('search-hit')
      .filter({ hasNot: page.locator('.ant-tag', { hasText: '重点' }) })
      .first();
    await itemHit.click();
    const drawer = page.getByTestId('record-drawer');
    await drawer.getByTestId('drawer-title').waitFor();
    const name = await drawer.getByTestId('drawer-title').textContent();
    expect(await drawer.textContent()).toContain('一般检查事项');
    await screenshot(page, 'catalog-record-drawer');

    await drawer.getByTestId('drawer-edit').click();
    const editor = page.getByTestId('item-editor');
    await editor.waitFor();
    // The dialog zooms in: a click while it moves can miss the radio on a busy machine.
    await settle(page);
    const key = editor.getByLabel('重点检查事项');
    await poll(async () => {
      if (!(await key.isChecked())) await key.click();
      return key.isChecked();
    }, '重点检查事项 is picked').toBe(true);
    await screenshot(page, 'catalog-item-editor');
    await page.keyboard.press('Control+Enter');
    await editor.waitFor({ state: 'detached' });
    await poll(() => drawer.textContent()).toContain('重点检查事项');
    expect(await drawer.getByTestId('drawer-title').textContent()).toBe(name);

    // From the search result to its place in the agency's catalog.
    await drawer.getByRole('button', { name: /在目录中查看/ }).click();
    await poll(() => page.url()).toMatch(/#\/catalog\?unit=\d+&open=\d+/);
    const selected = page.getByTestId('items-table').locator('.ant-table-row-selected');
    await poll(() => selected.count()).toBe(1);
    expect(await selected.textContent()).toContain(name ?? '?');
    expect(await selected.textContent()).toContain('重点');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByTestId('catalog-views').getByText('统计与核对', { exact: true }).click();
    await page.getByTestId('reconciliation').waitFor();
    expect(await reconciliationRow('一般检查事项')).toEqual({ registry: 1537, difference: expect.stringContaining('台账少 1') });
    expect(await reconciliationRow('重点检查事项')).toEqual({ registry: 234, difference: expect.stringContaining('台账多 1') });
    expect(await reconciliationRow('分类检查事项')).toEqual({ registry: 1771, difference: expect.stringContaining('一致') });
    expect(await page.getByTestId('total-key').textContent()).toBe('234');
    expect(await page.getByTestId('report-consistency').textContent()).toContain('1,771 = 1,538 + 233');
    await screenshot(page, 'catalog-statistics-after-edit');

    // The reported figures are the clerk's to correct; the dialog opens on the 2023 report.
    await page.getByRole('button', { name: /编辑报告数字/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('重点检查事项', { exact: true }).waitFor();
    expect(await dialog.getByLabel('重点检查事项', { exact: true }).inputValue()).toBe('233');
    await screenshot(page, 'catalog-reported-figures-editor');
    await dialog.getByLabel('重点检查事项', { exact: true }).fill('234');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await poll(async () => (await reconciliationRow('重点检查事项')).difference).toContain('一致');
    // The report now disagrees with itself, and that is shown too.
    expect(await page.getByTestId('report-consistency').textContent()).toContain('1,771 ≠ 1,538 + 234');
  });

  it('deletes a list entry with confirmation and brings it back with 撤销', async () => {
    await openRoute(page, app, '/catalog');
    await page.getByTestId('catalog-search').fill('扬尘污染防治');
    await poll(() => page.getByTestId('search-summary').textContent()).toContain('找到 2 条');
    await page.getByTestId('search-hit').first().click();
    const drawer = page.getByTestId('record-drawer');
    await drawer.getByTestId('drawer-title').waitFor();
    await drawer.getByTestId('drawer-delete').click();
    await settle(page);
    await page
      .getByRole('button', { name: /删\s*除/ })
      .last()
      .click();
    await poll(() => page.getByTestId('search-summary').textContent()).toContain('找到 1 条');
    await page.getByTestId('undo-button').last().click();
    await poll(() => page.getByTestId('search-summary').textContent()).toContain('找到 2 条');
  });

  it('shows publication status and registers a document for an agency that has not published, with undo', async () => {
    const published = await publishedCount();
    const total = (await call<Publications>(page, 'publications.list')).agencies.length;
    const { publicationValidityYears } = await call<{ publicationValidityYears: number }>(page, 'settings.get');
    expect(published, 'the seed report names 14 agencies that published (as long as their documents are in force)').toBeLessThanOrEqual(14);
    await openRoute(page, app, '/catalog');
    await page.getByTestId('catalog-views').getByText('发布情况', { exact: true }).click();
    await page.getByTestId('publications-table').locator('.ant-table-row').first().waitFor();
    const filter = await page.getByTestId('publication-filter').textContent();
    expect(filter).toContain(`已发布 ${published}`);
    expect(filter).toContain(`全部 ${total}`);
    await screenshot(page, 'catalog-publications');

    await page
      .getByTestId('publication-filter')
      .getByText(/^未发布/)
      .click();
    await page
      .getByTestId('publications-table')
      .locator('.ant-table-row')
      .first()
      .getByRole('button', { name: /登记文件/ })
      .click();
    const editor = page.getByTestId('publication-editor');
    await editor.waitFor();
    // Published a month ago: valid for the configured years from then, the clerk may change it.
    const publishDate = addDays(E2E_TODAY, -30);
    // Typed the way agencies do: the dialog shows the official form it will store.
    await editor.getByLabel('文号').fill('沅教发[2025]第03号');
    await poll(() => editor.getByTestId('doc-number-preview').textContent(), 'the 文号 preview').toContain('沅教发〔2025〕3号');
    await editor.getByLabel('发布日期').fill(publishDate);
    await editor.getByLabel('发布日期').press('Enter');
    await poll(() => editor.getByLabel('有效期至').inputValue(), 'the validity is filled in from the publication date').toBe(validityEnd(publishDate, publicationValidityYears));
    await screenshot(page, 'catalog-publication-editor');
    await editor.getByLabel('文号').press('Enter');
    await editor.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('publication-filter').textContent()).toContain(`已发布 ${published + 1}`);
    const stored = await call<{ agencies: { documents: { docNumber: string }[] }[] }>(page, 'publications.list', {});
    expect(
      stored.agencies.flatMap((a) => a.documents.map((d) => d.docNumber)),
      'the 文号 is stored in the official form',
    ).toContain('沅教发〔2025〕3号');
    await page.getByTestId('undo-button').last().click();
    await poll(() => page.getByTestId('publication-filter').textContent()).toContain(`已发布 ${published}`);

    await page
      .getByTestId('publication-filter')
      .getByText(/^未发布/)
      .click();
    await poll(async () => page.getByTestId('publications-table').locator('.ant-table-row').count(), 'the 未发布 filter lists as many agencies as it counts').toBe(
      digits(
        (await page
          .getByTestId('publication-filter')
          .getByText(/^未发布/)
          .textContent()) ?? '',
      ),
    );
  });

  it('shows the flagged duplicates', async () => {
    await openRoute(page, app, '/catalog');
    await page.getByTestId('catalog-views').getByText('疑似重复', { exact: true }).click();
    await page.getByTestId('duplicate-flag').first().waitFor();
    expect(await page.getByTestId('duplicate-flag').count(), 'the sample data holds five such cases').toBe(5);
    await screenshot(page, 'catalog-duplicates');
  });
});
