import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, launchBrowser, loadSampleData, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp } from './harness.ts';

/**
 * The shared column mechanism (renderer/app/table-columns.tsx) on the common office screen
 * (1366×768): a header dragged wider keeps its width across a reload and double-click restores it,
 * a click on a header sorts (the roster by the backend, the other tables on the page), and no
 * table's heading wraps onto a second line.
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

interface QueryInfo {
  ids: number[];
  rows: { id: number; name: string; expiryDate: string | null }[];
}

function header(table: Locator, title: string): Locator {
  return table.locator('.ant-table-thead th').filter({ has: table.page().locator(`.ant-table-column-title:text-is("${title}")`) });
}

async function width(el: Locator): Promise<number> {
  return el.evaluate((node) => Math.round(node.getBoundingClientRect().width));
}

/** Drags a header's right-edge grip by `dx` pixels with the mouse, as the clerk does. */
async function dragEdge(th: Locator, dx: number): Promise<void> {
  const grip = th.getByTestId('column-resize-handle');
  const box = await grip.boundingBox();
  if (!box) throw new Error('the header has no resize grip');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y);
  await page.mouse.move(x + dx, y);
  await page.mouse.up();
}

/** The person ids of the roster's first rows as drawn (the name links carry no id, so read the rows' keys). */
async function rosterIds(count: number): Promise<number[]> {
  return page
    .getByTestId('roster-table')
    .locator('.ant-table-tbody-virtual-holder .ant-table-row')
    .evaluateAll((rows, n) => rows.slice(0, n).map((r) => Number(r.getAttribute('data-row-key'))), count);
}

async function openRoster(route = '/personnel'): Promise<Locator> {
  await openRoute(page, app, route);
  const table = page.getByTestId('roster-table');
  await table.getByTestId('person-link').first().waitFor();
  await settle(page);
  return table;
}

describe('the roster', () => {
  it('keeps a column dragged wider across a reload, and double-click on the edge restores it', async () => {
    const table = await openRoster();
    const unit = header(table, '单位');
    const before = await width(unit);
    await dragEdge(unit, 90);
    await poll(() => width(unit), 'the 单位 column to widen').toBeGreaterThanOrEqual(before + 80);
    const widened = await width(unit);
    // The body's cells follow the header (the virtual body draws its own cells from the column widths).
    const firstCell = table.locator('.ant-table-tbody-virtual-holder .ant-table-row').first().locator('.ant-table-cell').nth(3);
    await poll(() => width(firstCell), 'the body cells to follow the header').toBe(widened);
    // The drag did not also sort by 单位 descending (the click at the end of a drag is swallowed).
    expect(page.url()).not.toContain('sort=');
    await screenshot(page, 'table-columns-roster-widened-1366');

    await page.reload();
    await table.getByTestId('person-link').first().waitFor();
    await poll(() => width(header(table, '单位')), 'the width to survive a reload').toBe(widened);

    await header(table, '单位').getByTestId('column-resize-handle').dblclick();
    await poll(() => width(header(table, '单位')), 'double-click to restore the width').toBe(before);
  });

  it('cannot be dragged narrower than its heading', async () => {
    const table = await openRoster();
    const sex = header(table, '性别');
    await dragEdge(sex, -200);
    await settle(page);
    const title = sex.locator('.ant-table-column-title');
    const [scroll, client] = await title.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scroll, 'the heading 性别 is not cut').toBeLessThanOrEqual(client + 1);
    await header(table, '性别').getByTestId('column-resize-handle').dblclick();
  });

  it('sorts by 姓名 and by 有效期至 as the backend does, and keeps fixed columns aligned', async () => {
    const table = await openRoster();
    for (const [title, key] of [
      ['姓名', 'name'],
      ['有效期至', 'expiryDate'],
    ] as const) {
      for (const order of ['asc', 'desc'] as const) {
        await header(table, title).click();
        await poll(() => page.url(), `the address to show the sort by ${title} ${order}`).toContain(`sort=${key}&order=${order}`);
        const expected = await call<QueryInfo>(page, 'personnel.query', { filter: {}, sort: { key, order }, firstRows: 20 });
        await poll(() => rosterIds(20), `the roster's first rows sorted by ${title} ${order}`).toEqual(expected.ids.slice(0, 20));
      }
    }
    // The sort stays when the roster is opened again without one in the address (the menu, a link).
    await openRoute(page, app, '/overview');
    const again = await openRoster('/personnel');
    const expected = await call<QueryInfo>(page, 'personnel.query', { filter: {}, sort: { key: 'expiryDate', order: 'desc' }, firstRows: 20 });
    await poll(() => rosterIds(20), 'the remembered sort').toEqual(expected.ids.slice(0, 20));
    // Fixed columns (selection, 序号, 姓名) stay over their body cells after scrolling sideways.
    const unitBefore = await header(again, '单位').boundingBox();
    const body = await again.locator('.ant-table-tbody-virtual-holder').boundingBox();
    if (!unitBefore || !body) throw new Error('the roster has no header or body');
    await page.mouse.move(body.x + body.width / 2, body.y + body.height / 2);
    await page.mouse.wheel(600, 0);
    await poll(async () => (await header(again, '单位').boundingBox())?.x ?? 0, 'the roster to scroll sideways').toBeLessThan(unitBefore.x - 100);
    await settle(page);
    const nameHead = await header(again, '姓名').boundingBox();
    const nameCell = await again.locator('.ant-table-tbody-virtual-holder .ant-table-row').first().getByTestId('person-link').boundingBox();
    expect(nameHead && nameCell && nameCell.x >= nameHead.x && nameCell.x < nameHead.x + nameHead.width).toBe(true);
    await screenshot(page, 'table-columns-roster-sorted-1366');
    // Back to the default order for the next tests: a third click clears the sort.
    await header(again, '有效期至').click();
    await poll(() => page.url()).not.toContain('sort=');
  });
});
