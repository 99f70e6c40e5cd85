import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GlobalSearchHit, GlobalSearchResult } from '../../shared/api/methods/search.ts';
import { namePinyin } from '../../electron/backend/personnel/name-initials.ts';
import { DEFAULT_SEARCH_SYNONYMS } from '../../shared/domain/search-synonyms.ts';
import { call, launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

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

const box = () => page.getByTestId('global-search-input');
const hits = () => page.getByTestId('global-search-hit');
const activeHit = () => page.locator('[data-testid="global-search-hit"][data-active="true"]');

/** Opens the search with Ctrl+K on a fresh page load of `route`, and types `text` into it. */
async function searchFrom(route: string, text: string): Promise<void> {
  await openRoute(page, app, route);
  await page.keyboard.press('Control+k');
  await box().waitFor();
  await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'the search box has the focus').toBe('global-search-input');
  await page.keyboard.type(text);
}

/** A sample person whose full pinyin finds only them, with that pinyin spaced between surname and given name. */
async function personWithUniquePinyin(): Promise<{ id: number; name: string; typed: string }> {
  const roster = await call<{ rows: { id: number; name: string }[] }>(page, 'personnel.query', { filter: {}, firstRows: 200 });
  for (const row of roster.rows) {
    const full = namePinyin(row.name);
    const found = await call<GlobalSearchResult>(page, 'search.global', { q: full, limit: 2 });
    const people = found.groups.find((g) => g.kind === 'people');
    if (found.groups.length === 1 && people?.total === 1) return { id: row.id, name: row.name, typed: `${namePinyin(row.name.slice(0, 1))} ${namePinyin(row.name.slice(1))}` };
  }
  throw new Error('no sample person has a full pinyin no one else shares');
}

describe('the global search in the header, at 1366×768', () => {
  it('finds a person by full pinyin and opens them with Enter (the single hit)', async () => {
    const person = await personWithUniquePinyin();
    await searchFrom('/overview', person.typed);
    await poll(() => hits().count(), `one hit for “${person.typed}”`).toBe(1);
    expect(await activeHit().textContent()).toContain(person.name);
    await screenshot(page, 'global-search-pinyin');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => window.location.hash), 'the person’s page is opened').toBe(`#/personnel/${person.id}`);
    await poll(() => page.getByTestId('person-name').textContent(), 'the person page shows the name').toBe(person.name);
    await poll(() => box().isVisible(), 'the search is closed').toBe(false);
  });

  it('finds a catalog entry by an abbreviation (危化品), moves with the arrows and opens the highlighted one with Enter', async () => {
    const expected = await call<GlobalSearchResult>(page, 'search.global', { q: '危化品', limit: 6 });
    const all: GlobalSearchHit[] = expected.groups.flatMap((g) => g.hits);
    expect(all.length).toBeGreaterThan(1);
    const second = all[1];
    if (second?.kind !== 'catalog') throw new Error(`expected catalog hits for 危化品, got ${JSON.stringify(second)}`);

    await searchFrom('/personnel', '危化品');
    await poll(() => hits().count(), 'the hits for 危化品').toBe(all.length);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await hits().nth(1).getAttribute('data-active')).toBe('true');
    expect(await activeHit().textContent()).toContain(second.title.slice(0, 10));
    await screenshot(page, 'global-search-abbreviation');
    await page.keyboard.press('Enter');
    const path = second.catalogKind === 'inspection_items' ? '#/catalog' : `#/lists/${second.catalogKind}`;
    await poll(() => page.evaluate(() => window.location.hash), 'the record is opened in the catalog').toBe(`${path}?unit=${second.unitId}&open=${second.id}`);
    await page.getByTestId('record-drawer').waitFor();
    await poll(() => page.getByTestId('drawer-title').textContent(), 'the drawer shows the record').toBe(second.title);
    // The closed search leaves Esc to the page: it closes the drawer.
    await page.keyboard.press('Escape');
    await page.getByTestId('record-drawer').waitFor({ state: 'hidden' });
  });

  it('opens a unit named by its abbreviation (市监局) as its people on the roster', async () => {
    const expected = await call<GlobalSearchResult>(page, 'search.global', { q: '市监局' });
    const unit = expected.groups.find((g) => g.kind === 'units')?.hits[0];
    if (unit?.kind !== 'unit') throw new Error('市监局 finds no unit');
    await searchFrom('/catalog', '市监局');
    await poll(() => activeHit().textContent(), 'the unit is the first hit').toContain(unit.name);
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => window.location.hash), 'the roster of the unit').toBe(`#/personnel?units=${unit.id}`);
  });

  it('leaves Ctrl+F to a page with its own search box, opens itself with Ctrl+F elsewhere, and closes with Esc', async () => {
    await openRoute(page, app, '/personnel');
    await page.getByTestId('roster-search').waitFor();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('roster-search');
    expect(await box().isVisible()).toBe(false);

    await openRoute(page, app, '/export');
    await page.getByRole('heading', { name: '导出与打印' }).waitFor();
    // Typed straight after the shortcut, without waiting: no keystroke may be lost.
    await page.keyboard.press('Control+f');
    await page.keyboard.type('zzzzqqqq');
    await poll(() => page.getByTestId('global-search').textContent(), 'the search says it found nothing').toContain('没有找到“zzzzqqqq”');
    await page.keyboard.press('Escape');
    await poll(() => box().isVisible(), 'Esc closes the search').toBe(false);
    await settle(page);
  });

  it('shows people, units and catalog entries grouped by kind (screenshot)', async () => {
    await searchFrom('/overview', '沅江');
    await page.getByTestId('global-search-group-units').waitFor();
    const groups = await page.locator('[data-testid^="global-search-group-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    const expected = await call<GlobalSearchResult>(page, 'search.global', { q: '沅江', limit: 6 });
    expect(groups).toEqual(expected.groups.map((g) => `global-search-group-${g.kind}`));
    await screenshot(page, 'global-search-open');
    await page.keyboard.press('Escape');
  });

  it('uses a synonym added in 设置 › 业务规则 at once', async () => {
    await call(page, 'settings.update', { searchSynonyms: [...DEFAULT_SEARCH_SYNONYMS] });
    expect((await call<GlobalSearchResult>(page, 'search.global', { q: '琼湖办' })).groups).toEqual([]);
    try {
      await openRoute(page, app, '/settings/rules');
      const editor = page.getByTestId('synonyms-editor');
      await editor.getByRole('button', { name: /添加同义词/ }).click();
      await editor.getByLabel('简称').last().fill('琼湖办');
      await editor.getByLabel('全称').last().fill('琼湖街道办事处');
      await page.getByTestId('synonyms-save').click();
      await poll(async () => (await call<{ searchSynonyms: unknown[] }>(page, 'settings.get')).searchSynonyms, 'the list is saved').toContainEqual({ short: '琼湖办', full: '琼湖街道办事处' });
      await page.keyboard.press('Control+k');
      await page.keyboard.type('琼湖办');
      await poll(() => activeHit().textContent(), 'the unit is found by the new abbreviation').toContain('琼湖街道办事处');
      await page.keyboard.press('Escape');
    } finally {
      await call(page, 'settings.update', { searchSynonyms: [...DEFAULT_SEARCH_SYNONYMS] });
    }
  });
});
