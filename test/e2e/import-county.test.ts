import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveCertStatus, isCertInForce } from '../../shared/domain/certificate-status.ts';
import type { FileCheck } from '../../shared/import/check-schema.ts';
import { COUNTY, COUNTY_UNITS_TO_ADD, expectedTotals, SUBMISSIONS, UNIT_LIST, UNIT_LIST_FILE, type Submission } from '../fixtures/import/county-fixtures.ts';
import { REPO_ROOT } from '../helpers/paths.ts';
import { call, digits, E2E_TODAY, launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp } from './harness.ts';

/**
 * A real county's first day, in Chromium, from an EMPTY data folder (no sample data): 设置本单位 →
 * the unit list imported in the setup → the folder of 23 agency submissions dropped on 导入 → the
 * clean files committed in one go (adding the units they name) → the rest fixed in place or filled
 * in (批量填写) and committed → the 概览 figures equal the files' totals, computed from the fixtures'
 * definitions. Each test re-establishes the state it needs (ensure*), through the page where the
 * test before it would have, through the API otherwise.
 */

const REAL = path.join(REPO_ROOT, 'test', 'fixtures', 'import-real');
const COUNTY_DIR = path.join(REAL, 'county');
const WARNING_DAYS = 180;

let app: RunningApp;
let browser: Browser;
let page: Page;
/** Errors the page wrote to its console (an uncaught error throws through the harness on its own). */
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
  page.on('console', (msg) => {
    // antd's notices of renamed props (`message` → `title` …) are not errors of the page; anything else is.
    if (msg.type() === 'error' && !msg.text().startsWith('Warning: [antd:') && !msg.text().includes('favicon')) consoleErrors.push(msg.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function summaryRows() {
  return page.getByTestId('import-summary').locator('tbody tr.ant-table-row');
}

function summaryRow(file: string) {
  return summaryRows().filter({ hasText: path.basename(file) });
}

async function sessionFiles(): Promise<FileCheck[]> {
  return (await call<{ files: FileCheck[] }>(page, 'import.sessions')).files;
}

const fileOf = (files: readonly FileCheck[], s: Submission) => files.find((f) => (f.relativePath ?? f.file) === `county/${s.path}` || f.relativePath === s.path || f.file === path.basename(s.path));

async function stageAndCheck(absolute: string): Promise<FileCheck> {
  const staged = await call<{ fileId: string }>(page, 'files.stage', { name: path.basename(absolute), dataBase64: fs.readFileSync(absolute).toString('base64') });
  const { jobId } = await call<{ jobId: string }>(page, 'import.check', { fileIds: [staged.fileId] });
  await poll(async () => (await call<{ state: string }>(page, 'jobs.get', { jobId })).state, 'the check finishes').toBe('done');
  const [file] = (await call<{ files: FileCheck[] }>(page, 'import.checkResult', { jobId })).files;
  if (!file) throw new Error(`no check result for ${absolute}`);
  return file;
}

/** The bureau set up (the setup test does it through the page). */
async function ensureBureau(): Promise<void> {
  const settings = await call<{ countyName: string }>(page, 'settings.get');
  if (settings.countyName === COUNTY.countyName) return;
  await call(page, 'settings.update', { ...COUNTY });
}

/** The county's unit list imported (the setup test does it through the page). */
async function ensureUnitList(): Promise<void> {
  await ensureBureau();
  const { units } = await call<{ units: unknown[] }>(page, 'units.list');
  if (units.length > 0) return;
  const file = await stageAndCheck(path.join(REAL, UNIT_LIST_FILE));
  await call(page, 'import.commit', { checkId: file.checkId });
}

/** The county's submissions among the files checked in this session. */
async function countyFiles(): Promise<FileCheck[]> {
  return (await sessionFiles()).filter((f) => SUBMISSIONS.some((s) => fileOf([f], s)));
}

/** The folder checked and listed on 导入 (the folder test does it through the page). */
async function ensureFolderChecked(): Promise<void> {
  await ensureUnitList();
  await openRoute(page, app, '/import');
  await page.getByTestId('import-drop').waitFor();
  if ((await countyFiles()).length < SUBMISSIONS.length) await page.getByTestId('folder-input').setInputFiles(COUNTY_DIR);
  await poll(async () => (await countyFiles()).length, 'the 23 submissions are checked').toBe(SUBMISSIONS.length);
  // The list shows them with whatever was checked before (the unit list of the setup).
  const all = (await sessionFiles()).length;
  await poll(() => summaryRows().count(), 'the checked files are listed').toBe(all);
}

/** Opens a file's preview from the list on 导入. */
async function openPreview(s: Submission): Promise<void> {
  await openRoute(page, app, '/import');
  await summaryRow(s.path).first().getByRole('button', { name: /查看/ }).click();
  await page.getByTestId('file-preview').waitFor();
  await page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').first().waitFor();
}

const needsFill = SUBMISSIONS.filter((s) => s.checked === 'ready' && s.fills.length > 0);
const toFix = SUBMISSIONS.filter((s) => s.checked === 'errors');

/** Every clean file committed, its fills made first (through the page in the tests; here through the API). */
async function ensureCleanCommitted(): Promise<void> {
  await ensureFolderChecked();
  const files = await sessionFiles();
  for (const s of SUBMISSIONS.filter((x) => x.checked === 'ready')) {
    const f = fileOf(files, s);
    if (!f || f.status === 'committed') continue;
    for (const fill of s.fills) if (f.pendingChanges === 0) await call(page, 'import.fillEmpty', { checkId: f.checkId, ...fill });
    await call(page, 'import.commit', { checkId: f.checkId, addUnits: true });
  }
}

/** Every file with errors fixed as its definition says and committed. */
async function ensureAllCommitted(): Promise<void> {
  await ensureCleanCommitted();
  const files = await sessionFiles();
  for (const s of toFix) {
    const f = fileOf(files, s);
    if (!f || f.status === 'committed') continue;
    for (const fix of s.fixes) await call(page, 'import.editCell', { checkId: f.checkId, sheetIndex: 0, row: fix.row, field: fix.field, value: fix.value });
    for (const fill of s.fills) await call(page, 'import.fillEmpty', { checkId: f.checkId, ...fill });
    await call(page, 'import.commit', { checkId: f.checkId, addUnits: true });
  }
}

async function chooseOption(testId: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  // On a busy machine a click during the dropdown's opening animation can miss: open, let it settle,
  // pick, and check that the select shows the choice (opening again if it does not).
  await poll(async () => {
    if (((await select.textContent()) ?? '').includes(option)) return true;
    await select.click();
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) });
    await item.waitFor();
    await settle(page);
    await item.click();
    await settle(page);
    return ((await select.textContent()) ?? '').includes(option);
  }, `${testId} shows ${option}`).toBe(true);
}

describe('a county sets up and imports its agencies’ submissions, without sample data', () => {
  it('offers three ways to begin on an empty registry, the sample data marked as for training', async () => {
    await openRoute(page, app, '/overview');
    await page.getByTestId('first-run').waitFor();
    await page.getByText('设置本单位', { exact: true }).first().waitFor();
    await page.getByTestId('generate-sample-data').waitFor();
    await page.getByText('培训用').waitFor();
    expect(await page.getByTestId('sample-data-tag').count()).toBe(0);
    await screenshot(page, 'county-01-first-run');
  });

  it('sets up the bureau: name, county, region code, operator', async () => {
    await openRoute(page, app, '/overview');
    const settings = await call<{ countyName: string }>(page, 'settings.get');
    if (settings.countyName === COUNTY.countyName) await call(page, 'settings.update', { countyName: '', regionCode: '', operatorName: '' });
    await openRoute(page, app, '/overview');
    // From the first run's card while the registry is empty; from the address once it holds units.
    await page.getByTestId('first-run').or(page.getByTestId('stat-units')).first().waitFor();
    if (await page.getByTestId('first-run').isVisible()) await page.getByTestId('start-setup').click();
    else await openRoute(page, app, '/setup');
    await page.getByTestId('setup-bureau').waitFor();
    await page.getByTestId('setup-county').fill(COUNTY.countyName);
    await page.getByTestId('setup-region').fill(COUNTY.regionCode);
    await page.getByTestId('setup-operator').fill(COUNTY.operatorName);
    await poll(() => page.getByTestId('setup-bureau-name').inputValue(), 'the bureau is named after the county').toBe(COUNTY.bureauName);
    await screenshot(page, 'county-02-setup-bureau');
    await page.getByTestId('setup-bureau-save').click();
    await page.getByTestId('setup-units').waitFor();
    expect(await call<Record<string, string>>(page, 'settings.get')).toMatchObject(COUNTY);
    await poll(async () => (await page.locator('header').textContent()) ?? '', 'the header names the operator').toContain(`经办人：${COUNTY.operatorName}`);
  });

  it('imports the unit list in the setup, through the same preview and commit as any file', async () => {
    await ensureBureau();
    const { units } = await call<{ units: unknown[] }>(page, 'units.list');
    if (units.length > 0) return;
    await openRoute(page, app, '/setup?step=1');
    await page.getByTestId('setup-units').waitFor();
    await screenshot(page, 'county-03-setup-units');
    await page.getByTestId('setup-unit-file').setInputFiles(path.join(REAL, UNIT_LIST_FILE));
    await page.getByTestId('file-preview').waitFor({ timeout: 60_000 });
    await poll(() => page.getByTestId('preview-grid').locator('tbody tr.ant-table-row').count(), 'every unit of the list is shown').toBe(UNIT_LIST.length);
    await screenshot(page, 'county-04-unit-list-preview');
    await page.getByTestId('commit-file').click();
    await page.getByTestId('commit-confirm').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /导\s*入/ })
      .click();
    await page.getByTestId('undo-button').waitFor();
    await poll(async () => (await call<{ units: unknown[] }>(page, 'units.list')).units.length, 'the units are in the registry').toBe(UNIT_LIST.length);
    await page.getByTestId('setup-units-next').click();
    await page.getByTestId('setup-done').waitFor();
    await page.getByText(`单位名单 ${UNIT_LIST.length} 个单位`, { exact: false }).waitFor();
    await screenshot(page, 'county-05-setup-done');
  });

  it('checks the folder of 23 submissions and keeps the list when the window is reloaded', async () => {
    await ensureFolderChecked();
    for (const s of SUBMISSIONS) {
      const text = (await summaryRow(s.path).first().textContent()) ?? '';
      expect(text, s.path).toContain(s.checked === 'ready' ? '可导入' : '有错误');
      if (s.unitsToAdd.length > 0) expect(text, s.path).toContain('新增单位');
    }
    await screenshot(page, 'county-06-folder-checked');
    const listed = await summaryRows().count();
    await page.reload();
    await page.getByTestId('import-summary').waitFor();
    await poll(() => summaryRows().count(), 'the list survives a reload of the window').toBe(listed);
  });

  it('fills in 编制类型 for a whole roster that has none, and asks before leaving with the fill not yet imported', async () => {
    await ensureFolderChecked();
    const s = needsFill[0];
    const fill = s?.fills[0];
    if (!s || !fill) throw new Error('no submission to fill in');
    const f = fileOf(await sessionFiles(), s);
    if (f?.status === 'committed') return;
    await openPreview(s);
    if ((f?.pendingChanges ?? 0) === 0) {
      await page.getByTestId('open-fill').click();
      await page.getByRole('dialog').getByText('批量填写').waitFor();
      await chooseOption('fill-value', fill.value);
      await screenshot(page, 'county-07-batch-fill');
      await page.getByRole('dialog').getByRole('button', { name: '填写并重新检查' }).click();
    }
    await poll(async () => (await page.getByTestId(`cell-2-${fill.field}`).textContent()) ?? '', 'the filled value shows in the added column').toContain(fill.value);
    await poll(async () => fileOf(await sessionFiles(), s)?.sheets[0]?.counts.warnings, 'no row lacks its staffing type any more').toBe(0);
    await screenshot(page, 'county-08-filled');
    // Leaving 导入 from the menu with the fill not imported yet: the clerk is asked first.
    await page.getByTestId('main-nav').getByText('概览').click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '离开这个页面？' }).waitFor();
    await screenshot(page, 'county-09-leave-guard');
    await page.getByRole('button', { name: '留在本页' }).click();
    await settle(page);
    expect(page.url()).toContain('#/import/');
  });

  it('commits every clean file in one go, with the units they name that the list lacks', async () => {
    await ensureFolderChecked();
    const files = await sessionFiles();
    for (const s of needsFill) {
      const f = fileOf(files, s);
      if (f && f.status !== 'committed' && f.pendingChanges === 0) for (const fill of s.fills) await call(page, 'import.fillEmpty', { checkId: f.checkId, ...fill });
    }
    await openRoute(page, app, '/import');
    await page.getByTestId('import-summary').waitFor();
    if (await page.getByTestId('commit-all-ready').isEnabled()) {
      await page.getByTestId('commit-all-ready').click();
      const confirm = page.getByTestId('commit-all-confirm');
      await confirm.waitFor();
      for (const u of COUNTY_UNITS_TO_ADD) expect(await confirm.textContent()).toContain(u.name);
      await screenshot(page, 'county-10-commit-all');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /导\s*入/ })
        .click();
    }
    for (const s of SUBMISSIONS.filter((x) => x.checked === 'ready')) {
      await poll(async () => (await summaryRow(s.path).first().textContent()) ?? '', `${s.path} is imported`).toContain('已导入');
    }
    const { units } = await call<{ units: { name: string; kind: string }[] }>(page, 'units.list');
    for (const u of COUNTY_UNITS_TO_ADD) expect(units.find((x) => x.name === u.name)?.kind, u.name).toBe(u.kind);
    await screenshot(page, 'county-11-committed');
  });

  it('fixes the remaining files in place — the grid showing each saved value and what is still wrong — and commits them', async () => {
    await ensureCleanCommitted();
    for (const s of toFix) {
      const current = fileOf(await sessionFiles(), s);
      if (!current || current.status === 'committed') continue;
      await openPreview(s);
      for (const fix of s.fixes) {
        const column = current.sheets[0]?.mapping[fix.field] ?? fix.field;
        await page.getByTestId(`cell-${fix.row}-${column}`).click();
        const input = page.getByTestId('edit-cell-input');
        await input.waitFor();
        await input.fill(fix.value);
        await input.press('Enter');
        await poll(async () => (await page.getByTestId(`cell-${fix.row}-${column}`).textContent()) ?? '', 'the saved value shows').toContain(fix.value);
        await poll(async () => (await page.getByTestId(`cell-${fix.row}-${column}`).getAttribute('class')) ?? '', 'the corrected cell is marked').toContain('import-cell-edited');
        await screenshot(page, `county-12-fixed-${path.basename(s.path, path.extname(s.path))}`);
      }
      for (const fill of s.fills) {
        // First a wrong word for one row: the grid shows it at once, with the problem that remains.
        const firstRow = (await call<{ rows: { row: number }[] }>(page, 'import.rows', { checkId: current.checkId, sheetIndex: 0, limit: 1 })).rows[0]?.row ?? 0;
        await page.getByTestId(`issues-${firstRow}`).locator('a').first().click();
        await page.getByTestId('edit-cell-input').fill('普通');
        await page.getByTestId('edit-cell-input').press('Enter');
        await poll(async () => (await page.getByTestId(`cell-${firstRow}-${fill.field}`).textContent()) ?? '', 'the saved (wrong) value shows').toContain('普通');
        await poll(async () => (await page.getByTestId(`issues-${firstRow}`).textContent()) ?? '', 'the problem that remains shows with it').toContain('“普通”无法识别');
        await screenshot(page, 'county-13-saved-value-still-wrong');
        await page.getByTestId(`cell-${firstRow}-${fill.field}`).click();
        await page.getByTestId('edit-cell-input').fill(fill.value);
        await page.getByTestId('edit-cell-input').press('Enter');
        await poll(async () => await page.getByTestId(`issues-${firstRow}`).count(), 'the row is clean once corrected').toBe(0);
        // Then the rest in one go.
        await page.getByTestId('open-fill').click();
        await page.getByRole('dialog').getByText('批量填写').waitFor();
        await chooseOption('fill-field', '事项类别');
        await chooseOption('fill-value', fill.value);
        await page.getByRole('dialog').getByRole('button', { name: '填写并重新检查' }).click();
      }
      await poll(async () => fileOf(await sessionFiles(), s)?.status, `${s.path} has no error left`).toBe('ready');
      await page.getByTestId('commit-file').click();
      await page.getByTestId('commit-confirm').waitFor();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /导\s*入/ })
        .click();
      await page
        .getByRole('alert')
        .filter({ hasText: path.basename(s.path) })
        .getByTestId('undo-button')
        .waitFor();
      await poll(async () => fileOf(await sessionFiles(), s)?.status, `${s.path} is imported`).toBe('committed');
    }
  });

  it('shows on 概览 exactly the figures of the files imported', async () => {
    await ensureAllCommitted();
    const totals = expectedTotals([...UNIT_LIST, ...COUNTY_UNITS_TO_ADD], SUBMISSIONS);
    const inForce = totals.certificates.filter((c) => isCertInForce(deriveCertStatus({ state: '有效', expiryDate: c.expiryDate }, { today: E2E_TODAY, warningDays: WARNING_DAYS }))).length;
    await openRoute(page, app, '/overview');
    await page.getByTestId('stat-units').waitFor();
    const value = async (testId: string) => digits(await page.getByTestId(testId).locator('.ant-statistic-content').textContent());
    expect(await value('stat-units')).toBe(totals.units.total);
    expect(await page.getByTestId('stat-units').locator('..').textContent()).toContain(`市直单位 ${totals.units.municipal} 个，乡镇（街道）${totals.units.township} 个`);
    expect(await value('stat-enforcement')).toBe(totals.personnel.enforcement);
    expect(await value('stat-supervision')).toBe(totals.personnel.supervision);
    expect(await page.getByTestId('stat-enforcement').locator('..').textContent()).toContain(`法制审核人员 ${totals.personnel.legalReviewers} 名`);
    expect(await value('stat-items')).toBe(totals.inspectionItems.total);
    expect(await page.getByTestId('stat-items').locator('..').textContent()).toContain(`一般检查事项 ${totals.inspectionItems.general} 项，重点检查事项 ${totals.inspectionItems.key} 项`);
    expect(await value('stat-in-force')).toBe(inForce);
    const listRows = await page.getByTestId('list-counts').locator('tbody tr').allTextContents();
    expect(listRows).toEqual([
      `不予处罚事项清单${totals.lists.no_penalty}`,
      `从轻处罚事项清单${totals.lists.lighter_penalty}`,
      `减轻处罚事项清单${totals.lists.reduced_penalty}`,
      `不予实施行政强制措施事项清单${totals.lists.no_coercion}`,
    ]);
    // People whose roster had no 编制类型 are listed among the data problems.
    await page.getByTestId('data-problems').waitFor();
    await screenshot(page, 'county-14-overview');
    await page.getByTestId('problem-staffing').click();
    await page.getByTestId('filter-staffing').waitFor();
    await poll(async () => (await page.locator('body').textContent()) ?? '', 'the roster lists them').toMatch(/筛选出 \d+ 人/);
    await screenshot(page, 'county-15-roster-staffing-to-confirm');
    expect(consoleErrors).toEqual([]);
  });
});
