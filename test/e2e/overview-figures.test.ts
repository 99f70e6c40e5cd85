import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../shared/api/methods/overview.ts';
import type { Dashboard } from '../../shared/api/methods/reports.ts';
import { CERT_STATUS_CATEGORIES } from '../../shared/domain/certificate-status.ts';
import { LIST_KINDS } from '../../shared/domain/list-kinds.ts';
import { call, digits, launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp, loadSampleData } from './harness.ts';

/**
 * Every figure on 概览 opens the list it counts, and that list counts the same: each figure is
 * clicked in Chromium on the sample data and the list it opens is read (the roster's 筛选出 N 人,
 * the catalog's 列出 N 条, 发布情况's 列出 N 个单位, the unit list). The expected numbers are the
 * figures the page shows, which are also checked against the backend's.
 */

let app: RunningApp;
let browser: Browser;
let page: Page;
let overview: Overview;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  await loadSampleData(page);
  overview = await call<Overview>(page, 'overview.get');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openOverview(): Promise<void> {
  await openRoute(page, app, '/overview');
  await page.getByTestId('stat-units').waitFor();
  await settle(page);
}

/** Opens 概览, reads the figure behind `testId`, clicks it and returns the figure. */
async function clickFigure(testId: string): Promise<number> {
  await openOverview();
  const link = page.getByTestId(testId);
  const figure = digits(await link.textContent());
  await link.click();
  return figure;
}

async function rosterCount(): Promise<number> {
  await poll(() => page.getByTestId('roster-count').textContent()).toMatch(/筛选出 [\d,]+ 人/);
  return digits(await page.getByTestId('roster-count').textContent());
}

async function shownCount(testId: string): Promise<number> {
  await poll(() => page.getByTestId(testId).textContent()).toMatch(/列出 [\d,]+/);
  return digits(await page.getByTestId(testId).textContent());
}

describe('every figure on 概览 opens a list of as many rows', () => {
  it('counts everyone in the status groups of the roster’s filter, 无证 included', async () => {
    await openOverview();
    const sum = CERT_STATUS_CATEGORIES.reduce((s, c) => s + overview.certificates.categories[c.key], 0);
    expect(sum).toBe(overview.personnel.total);
    expect(overview.certificates.categories.none).toBeGreaterThan(0);
    for (const c of CERT_STATUS_CATEGORIES) {
      expect(await page.getByTestId(`stat-status-${c.key}`).locator('.ant-statistic-title').textContent()).toBe(c.label);
    }
    expect(digits(await page.getByTestId('stat-in-force-link').textContent())).toBe(overview.certificates.categories.valid + overview.certificates.categories.expiring);
    await screenshot(page, 'overview-figures-1366');
  });

  it('opens each status group in the roster, whose filter names it in the same words', async () => {
    for (const c of CERT_STATUS_CATEGORIES) {
      const figure = await clickFigure(`stat-status-${c.key}-link`);
      expect(figure, c.label).toBe(overview.certificates.categories[c.key]);
      // A group of no people opens an empty roster: the count line says so too.
      if (figure > 0) expect(await rosterCount(), c.label).toBe(figure);
      else await poll(() => page.getByTestId('roster-count').textContent()).toContain('筛选出 0 人');
      expect(await page.getByTestId('filter-status').textContent(), c.label).toContain(c.label);
    }
    const inForce = await clickFigure('stat-in-force-link');
    expect(await rosterCount()).toBe(inForce);
    const statusText = await page.getByTestId('filter-status').textContent();
    expect(statusText).toContain('有效');
    expect(statusText).toContain('即将到期');
    await screenshot(page, 'overview-figures-roster-1366');
  });

  it('opens the people behind the cards and each year’s issued figure', async () => {
    for (const [testId, expected] of [
      ['stat-enforcement-link', overview.personnel.enforcement],
      ['stat-supervision-link', overview.personnel.supervision],
      ['stat-reviewers-link', overview.personnel.legalReviewers],
    ] as const) {
      const figure = await clickFigure(testId);
      expect(figure, testId).toBe(expected);
      expect(await rosterCount(), testId).toBe(figure);
    }
    expect(overview.certificates.issuedByYear.length).toBeGreaterThan(0);
    for (const y of overview.certificates.issuedByYear) {
      const figure = await clickFigure(`issued-${y.year}-link`);
      expect(figure).toBe(y.count);
      expect(await rosterCount(), `issued ${y.year}`).toBe(figure);
    }
  });

  it('opens the unit list, whole and by kind', async () => {
    const total = await clickFigure('stat-units-link');
    expect(total).toBe(overview.units.total);
    await poll(async () => /共 (\d+) 个单位/.exec((await page.getByTestId('unit-count').textContent()) ?? '')?.[1]).toBe(String(total));
    expect(await page.getByTestId('units-table').locator('tbody tr.ant-table-row').count()).toBe(total);
    for (const [testId, expected] of [
      ['stat-units-municipal-link', overview.units.municipal],
      ['stat-units-township-link', overview.units.township],
    ] as const) {
      const figure = await clickFigure(testId);
      expect(figure).toBe(expected);
      await poll(() => shownCount('unit-shown'), testId).toBe(figure);
    }
  });

  it('opens the catalog, its 一般 and 重点 items, and each of the four lists', async () => {
    for (const [testId, expected] of [
      ['stat-items-link', overview.inspectionItems.total],
      ['stat-items-general-link', overview.inspectionItems.general],
      ['stat-items-key-link', overview.inspectionItems.key],
    ] as const) {
      const figure = await clickFigure(testId);
      expect(figure, testId).toBe(expected);
      await poll(() => shownCount('catalog-shown'), testId).toBe(figure);
    }
    for (const kind of LIST_KINDS) {
      const figure = await clickFigure(`list-count-${kind}-link`);
      expect(figure, kind).toBe(overview.lists[kind]);
      await poll(() => page.url()).toContain(`#/lists/${kind}`);
      await poll(() => shownCount('catalog-shown'), kind).toBe(figure);
    }
  });

  it('opens the agencies by publication status', async () => {
    for (const [testId, expected] of [
      ['stat-published-link', overview.publications.published],
      ['stat-unpublished-link', overview.publications.unpublished],
      ['stat-publication-expired-link', overview.publications.expired],
    ] as const) {
      await openOverview();
      if ((await page.getByTestId(testId).count()) === 0) {
        // All published: the line says so instead of two zeros.
        expect(overview.publications.unpublished + overview.publications.expired).toBe(0);
        continue;
      }
      const figure = await clickFigure(testId);
      expect(figure, testId).toBe(expected);
      await poll(() => shownCount('publications-shown'), testId).toBe(figure);
    }
    expect(overview.publications.published + overview.publications.unpublished + overview.publications.expired).toBe(overview.publications.agencies);
  });

  it('opens the training band and publication bars of the charts with as many rows', async () => {
    const data = await call<Dashboard>(page, 'dashboard.get', {});
    const band = data.training.bands.findIndex((b) => b.count > 0);
    await openOverview();
    await page.getByTestId('chart-training-hours').locator('canvas').first().waitFor();
    await settle(page);
    await clickChart('training-hours', 0, [band, data.training.bands[band]!.count / 2]);
    await poll(() => page.url()).toContain('hmin=');
    expect(await rosterCount()).toBe(data.training.bands[band]!.count);

    await openOverview();
    await page.getByTestId('chart-publication-status').locator('canvas').first().waitFor();
    await settle(page);
    await clickChart('publication-status', 0, [0, data.publications.published / 2]);
    await poll(() => page.url()).toContain('publications?status=');
    await poll(() => shownCount('publications-shown')).toBe(data.publications.published);
  });
});

describe('待办 on 概览', () => {
  it('opens each follow-up list with as many rows as its count', async () => {
    const data = await call<Dashboard>(page, 'dashboard.get', {});
    const count = (key: string) => data.todo.items.find((i) => i.key === key)!.count;
    await openOverview();
    await page.getByTestId('todo-panel').waitFor();
    await screenshot(page, 'overview-todo-1366');
    expect(count('cert_expiring')).toBeGreaterThan(0);
    for (const key of ['cert_expiring', 'training_short'] as const) {
      const figure = await clickFigure(`todo-${key}-link`);
      expect(figure, key).toBe(count(key));
      expect(await rosterCount(), key).toBe(figure);
    }
    for (const key of ['unpublished', 'publication_expired'] as const) {
      if (count(key) === 0) continue;
      const figure = await clickFigure(`todo-${key}-link`);
      expect(figure, key).toBe(count(key));
      await poll(() => shownCount('publications-shown'), key).toBe(figure);
    }
    // The agencies that have not sent files since the chosen day unfold in the panel.
    const figure = await clickFigure('todo-submission_stale-link');
    expect(figure).toBe(count('submission_stale'));
    await poll(() => page.getByTestId('todo-stale-list').locator('.todo-stale-row').count()).toBe(figure);
  });
});

/** Clicks a chart where ECharts draws the point `value` of a series (a bar's middle). */
async function clickChart(id: string, seriesIndex: number, value: [number, number]): Promise<void> {
  const host = page.getByTestId(`chart-${id}`).locator('.screen-only');
  const [x, y] = await page.evaluate(
    ([chartId, s, v]) => (window as unknown as { __registryCharts: Record<string, { pixelOf: (s: number, v: [number, number]) => number[] }> }).__registryCharts[chartId]!.pixelOf(s, v),
    [id, seriesIndex, value] as const,
  );
  await host.click({ position: { x: x ?? 0, y: y ?? 0 } });
}
