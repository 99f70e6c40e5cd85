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

/** The row keys of a table's first rows as drawn (virtual or not). */
async function rowKeys(testId: string, count: number): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('tbody .ant-table-row, .ant-table-tbody-virtual-holder .ant-table-row')
    .evaluateAll((rows, n) => rows.slice(0, n).map((r) => r.getAttribute('data-row-key') ?? ''), count);
}

/**
 * The ids of rows sorted by a text field as the page should sort them: the browser's own zh-CN
 * collation (numbers read as numbers), ties in the data's order, empty values last.
 */
async function expectedOrder(rows: { id: number; value: string | number | null }[], order: 'asc' | 'desc'): Promise<string[]> {
  return page.evaluate(
    ([list, dir]) => {
      const collator = new Intl.Collator('zh-CN', { numeric: true });
      const keyed = list.map((r, i) => ({ ...r, i }));
      const empty = (v: string | number | null) => v === null || v === '';
      keyed.sort((a, b) => {
        if (empty(a.value) || empty(b.value)) return empty(a.value) === empty(b.value) ? a.i - b.i : empty(a.value) ? 1 : -1;
        const c = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
        return (dir === 'asc' ? c : -c) || a.i - b.i;
      });
      return keyed.map((r) => String(r.id));
    },
    [rows, order] as const,
  );
}

describe('the catalog and a small table', () => {
  it('sorts the catalog by 事项名称 on the page, in pinyin order both ways', async () => {
    await openRoute(page, app, '/catalog');
    const table = page.getByTestId('items-table');
    await table.locator('.ant-table-row').first().waitFor();
    const items = await call<{ rows: { id: number; name: string }[] }>(page, 'catalog.items', { unitId: null, limit: 20_000 });
    const rows = items.rows.map((r) => ({ id: r.id, value: r.name }));
    for (const order of ['asc', 'desc'] as const) {
      await header(table, '事项名称').click();
      const expected = await expectedOrder(rows, order);
      await poll(() => rowKeys('items-table', 12), `the catalog sorted by 事项名称 ${order}`).toEqual(expected.slice(0, 12));
    }
    await screenshot(page, 'table-columns-catalog-sorted-1366');
    // The sort is remembered for this table across a reload …
    await page.reload();
    await table.locator('.ant-table-row').first().waitFor();
    await poll(() => rowKeys('items-table', 12), 'the catalog sort after a reload').toEqual((await expectedOrder(rows, 'desc')).slice(0, 12));
    // … and a third click gives the data's own order back.
    await header(table, '事项名称').click();
    await poll(() => rowKeys('items-table', 12), 'the catalog in its own order').toEqual(items.rows.slice(0, 12).map((r) => String(r.id)));
  });

  it('sorts 单位管理 by 人员 and filters it by 类型 from the header', async () => {
    await openRoute(page, app, '/settings/units');
    const table = page.getByTestId('units-table');
    await table.locator('.ant-table-row').first().waitFor();
    const { units } = await call<{ units: { id: number; kind: string; personnelCount: number }[] }>(page, 'units.list', {});
    await header(table, '人员').click();
    const expected = await expectedOrder(
      units.map((u) => ({ id: u.id, value: u.personnelCount })),
      'asc',
    );
    await poll(() => rowKeys('units-table', 15), 'units sorted by 人员').toEqual(expected.slice(0, 15));

    await header(table, '类型').locator('.ant-table-filter-trigger').click();
    const dropdown = page.locator('.ant-table-filter-dropdown:visible');
    await dropdown.getByText('乡镇（街道）', { exact: true }).click();
    await dropdown.getByRole('button', { name: /确\s*定/ }).click();
    const towns = units.filter((u) => u.kind === '乡镇街道');
    await poll(() => table.locator('.ant-table-row').count(), 'only 乡镇（街道） listed').toBe(towns.length);
    await poll(() => rowKeys('units-table', 15), 'the filtered units still sorted by 人员').toEqual(
      (
        await expectedOrder(
          towns.map((u) => ({ id: u.id, value: u.personnelCount })),
          'asc',
        )
      ).slice(0, 15),
    );
    await screenshot(page, 'table-columns-units-filtered-1366');
  });
});

describe('every table page at 1366×768', () => {
  const pages = [
    ['/personnel', 'roster-table'],
    ['/personnel/training', 'training-table'],
    ['/catalog', 'items-table'],
    ['/lists/no_penalty', 'list-table'],
    ['/lists/lighter_penalty', 'list-table'],
    ['/catalog/statistics', 'agency-statistics'],
    ['/catalog/publications', 'publications-table'],
    ['/settings/history', 'history-table'],
    ['/settings/units', 'units-table'],
  ] as const;

  it.each(pages)('%s: every heading on one line, every column sortable', async (route, testId) => {
    await openRoute(page, app, route);
    const table = page.getByTestId(testId);
    await table.locator('.ant-table-row').first().waitFor();
    await settle(page);
    const heads = await table.locator('.ant-table-thead th').evaluateAll((ths) =>
      ths
        .filter((th) => (th.textContent ?? '').trim() !== '' && !th.classList.contains('ant-table-selection-column'))
        .map((th) => {
          const title = th.querySelector('.ant-table-column-title') ?? th;
          // The heading's text only (not the resize grip, an empty box of its own).
          const tops = new Set<number>();
          const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
          }
          const lines = tops.size;
          const lineHeight = parseFloat(getComputedStyle(title).lineHeight) || 22;
          return {
            text: (th.textContent ?? '').trim(),
            lines,
            height: Math.round(th.getBoundingClientRect().height),
            // Taller than its padding and one line and a half: a second line somewhere in the cell.
            tooTall: th.getBoundingClientRect().height > parseFloat(getComputedStyle(th).paddingTop) + parseFloat(getComputedStyle(th).paddingBottom) + 1.5 * lineHeight + 2,
            cut: title !== th && title.scrollWidth > title.clientWidth + 1,
            sortable: th.classList.contains('ant-table-column-has-sorters'),
          };
        }),
    );
    expect(heads.length).toBeGreaterThan(2);
    expect(
      heads.filter((h) => h.lines > 1 || h.tooTall || h.cut),
      JSON.stringify(heads),
    ).toEqual([]);
    // 序号 is the row's place and 操作 holds buttons: every other heading sorts.
    expect(heads.filter((h) => !h.sortable && h.text !== '序号' && h.text !== '操作').map((h) => h.text)).toEqual([]);
    await screenshot(page, `table-columns${route.replace(/\//g, '-')}-1366`);
  });
});
