import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

/**
 * The everyday tables on the common office screen (1366×768, the harness's page size): how many
 * rows the clerk sees without scrolling, headers on one line, no cell text spilling out of its
 * cell (under a fixed column), and the density switch of 设置 › 显示, remembered.
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

/** Rows of the table whose whole height is inside both its scrolling body and the window. */
async function fullyVisibleRows(testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((table) => {
    const body = table.querySelector('.ant-table-tbody-virtual-holder') ?? table.querySelector('.ant-table-body');
    if (!body) return -1;
    const box = body.getBoundingClientRect();
    const bottom = Math.min(box.bottom, window.innerHeight);
    return [...table.querySelectorAll('.ant-table-row')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= bottom + 0.5;
    }).length;
  });
}

/** Where the table's body starts and ends, and a row's height (printed with the counts, for the report). */
async function geometry(testId: string): Promise<Record<string, number>> {
  return page.getByTestId(testId).evaluate((table) => {
    const body = table.querySelector('.ant-table-tbody-virtual-holder') ?? table.querySelector('.ant-table-body');
    const box = body?.getBoundingClientRect();
    const row = table.querySelector('.ant-table-row')?.getBoundingClientRect();
    const head = table.querySelector('.ant-table-thead')?.getBoundingClientRect();
    return { bodyTop: box?.top ?? -1, bodyBottom: box?.bottom ?? -1, rowHeight: row?.height ?? -1, headHeight: head?.height ?? -1, window: window.innerHeight };
  });
}

/** Header titles that take more than one line, and cells whose text runs out of the cell. */
async function layoutProblems(testId: string): Promise<{ wrappedHeaders: string[]; spilling: string[] }> {
  return page.getByTestId(testId).evaluate((table) => {
    // Lines of the text itself: a header's resize grip is an empty box of its own, not a line.
    const lines = (el: Element) => {
      const bottoms = new Set<number>();
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) bottoms.add(Math.round(r.bottom));
      }
      return bottoms.size;
    };
    const wrappedHeaders = [...table.querySelectorAll('.ant-table-thead th')]
      .map((th) => th.querySelector('.ant-table-column-title') ?? th)
      // A sorted column's title is its own box (clipped if too narrow); a plain header is the cell, whose
      // scroll width counts a fixed column's 30 px shadow, so only its lines are counted.
      .filter((el) => (el.textContent ?? '').trim() !== '' && (lines(el) > 1 || (el.tagName !== 'TH' && el.scrollWidth > el.clientWidth + 1)))
      .map((el) => `${el.textContent ?? ''} (${lines(el)} lines, ${el.scrollWidth}/${el.clientWidth})`);
    const spilling = [...table.querySelectorAll('.ant-table-row > td')]
      .filter((td) => {
        const style = getComputedStyle(td);
        return td.scrollWidth > td.clientWidth + 1 && style.overflowX !== 'hidden' && style.overflowX !== 'clip';
      })
      .map((td) => (td.textContent ?? '').slice(0, 20));
    return { wrappedHeaders, spilling };
  });
}

/** The mode whose radio is checked in 设置 › 显示. */
async function checkedDensity(): Promise<string | null> {
  const id = await page.getByTestId('density-mode').locator('.ant-radio-wrapper-checked [data-testid]').getAttribute('data-testid');
  return id?.replace('density-', '') ?? null;
}

async function setDensity(mode: 'auto' | 'compact' | 'standard'): Promise<void> {
  await openRoute(page, app, '/settings/display');
  await page.getByTestId(`density-${mode}`).click();
  await poll(() => checkedDensity()).toBe(mode);
}

describe('the roster and the catalog at 1366×768', () => {
  it('starts compact on a window under 900 px tall and shows at least 20 roster rows', async () => {
    await openRoute(page, app, '/personnel');
    await poll(() => page.getByTestId('roster-count').textContent()).toMatch(/共 [\d,]+ 人/);
    await page.getByTestId('person-link').first().waitFor();
    await settle(page);
    expect(await page.evaluate(() => document.body.classList.contains('density-compact'))).toBe(true);
    const rows = await fullyVisibleRows('roster-table');
    console.info('roster geometry', await geometry('roster-table'));
    // The page itself does not scroll: the table fills the window and no more.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    expect(rows).toBeGreaterThanOrEqual(20);
    expect(await layoutProblems('roster-table')).toEqual({ wrappedHeaders: [], spilling: [] });
    // A cut unit name keeps the whole name on hover.
    const unitCell = page.getByTestId('roster-table').locator('.ant-table-row').first().locator('.ant-table-cell-ellipsis').first();
    const unitName = await unitCell.locator('[title]').first().getAttribute('title');
    expect(unitName?.length).toBeGreaterThan(0);
    expect(unitName).toBe((await unitCell.textContent())?.trim());
    await screenshot(page, 'density-roster-1366');
    console.info(`roster at 1366×768: ${rows} rows fully visible`);
  });

  it('shows at least 12 catalog rows, one line each with the whole text on hover', async () => {
    await openRoute(page, app, '/catalog');
    await page.getByTestId('items-table').locator('.ant-table-row').first().waitFor();
    await settle(page);
    const rows = await fullyVisibleRows('items-table');
    expect(rows).toBeGreaterThanOrEqual(12);
    expect(await layoutProblems('items-table')).toEqual({ wrappedHeaders: [], spilling: [] });
    const cell = page.getByTestId('items-table').locator('.ant-table-row').first().locator('.catalog-cell-clamp').nth(1);
    const title = await cell.getAttribute('title');
    expect(title?.length).toBeGreaterThan(0);
    // One line: the cell is no taller than its line height, whatever the text's length.
    const [height, lineHeight] = await cell.evaluate((el) => [el.getBoundingClientRect().height, parseFloat(getComputedStyle(el).lineHeight)]);
    expect(height).toBeLessThanOrEqual((lineHeight ?? 20) + 1);
    await screenshot(page, 'density-catalog-1366');
    console.info(`catalog at 1366×768: ${rows} rows fully visible`);

    await openRoute(page, app, '/lists/no_penalty');
    await page.getByTestId('list-table').locator('.ant-table-row').first().waitFor();
    await settle(page);
    expect(await fullyVisibleRows('list-table')).toBeGreaterThanOrEqual(12);
    expect(await layoutProblems('list-table')).toEqual({ wrappedHeaders: [], spilling: [] });
    await screenshot(page, 'density-lists-1366');
  });

  it('switches to 标准 in 设置 › 显示, remembers it across a reload, and back to 自动', async () => {
    await setDensity('standard');
    expect(await page.evaluate(() => document.body.classList.contains('density-compact'))).toBe(false);
    await screenshot(page, 'density-settings-1366');
    await page.reload();
    await openRoute(page, app, '/personnel');
    await page.getByTestId('person-link').first().waitFor();
    await settle(page);
    expect(await page.evaluate(() => document.body.classList.contains('density-compact'))).toBe(false);
    const standardRows = await fullyVisibleRows('roster-table');
    expect(await layoutProblems('roster-table')).toEqual({ wrappedHeaders: [], spilling: [] });
    await openRoute(page, app, '/settings/display');
    await poll(() => checkedDensity()).toBe('standard');

    await setDensity('auto');
    expect(await page.evaluate(() => document.body.classList.contains('density-compact'))).toBe(true);
    await openRoute(page, app, '/personnel');
    await page.getByTestId('person-link').first().waitFor();
    await settle(page);
    expect(await fullyVisibleRows('roster-table')).toBeGreaterThan(standardRows);
  });

  it('is standard on a tall window under 自动', async () => {
    const tall = await newPage(browser, app.url, { width: 1920, height: 1080 });
    try {
      await openRoute(tall, app, '/personnel');
      await tall.getByTestId('person-link').first().waitFor();
      expect(await tall.evaluate(() => document.body.classList.contains('density-compact'))).toBe(false);
      await screenshot(tall, 'density-roster-1920');
    } finally {
      await tall.context().close();
    }
  });

  it('hides a column of the roster, the catalog and a list from the column chooser, remembered per table', async () => {
    const headers = (testId: string) => page.getByTestId(testId).locator('.ant-table-thead th').allTextContents();
    for (const [route, table, chooser, column] of [
      ['/personnel', 'roster-table', 'columns-roster', '身份证号'],
      ['/catalog', 'items-table', 'columns-catalog-items', '检查对象'],
      ['/lists/no_penalty', 'list-table', 'columns-list-no_penalty', '备注'],
    ] as const) {
      await openRoute(page, app, route);
      await page.getByTestId(table).locator('.ant-table-row').first().waitFor();
      expect(await headers(table)).toContain(column);
      await page.getByTestId(chooser).click();
      await page.getByTestId(`${chooser}-list`).getByText(column, { exact: true }).click();
      await poll(() => headers(table)).not.toContain(column);
      await screenshot(page, `density-${chooser}-1366`);
      await page.reload();
      await page.getByTestId(table).locator('.ant-table-row').first().waitFor();
      expect(await headers(table), `${column} stays hidden after a reload`).not.toContain(column);
      expect(await page.getByTestId(chooser).textContent()).toContain('隐藏 1');
    }
    // Each table keeps its own choice: the catalog's hidden column is not the roster's.
    await openRoute(page, app, '/personnel');
    await page.getByTestId('roster-table').locator('.ant-table-row').first().waitFor();
    expect(await headers('roster-table')).toContain('证件编号');
    await page.getByTestId('columns-roster').click();
    await page.getByTestId('columns-roster-list').getByText('全部显示').click();
    await poll(() => headers('roster-table')).toContain('身份证号');
  });
});
