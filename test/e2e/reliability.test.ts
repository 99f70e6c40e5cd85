import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { WEB_TOKEN_STORAGE_KEY } from '../../shared/api/web-access.ts';
import { callOk } from '../helpers/backend.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';
import { call, launchBrowser, newPage, openRoute, poll, screenshot, settle, startWebApp, type RunningApp } from './harness.ts';

/**
 * The web host's access token, operators and the lock, backups, and a damaged database, in a real
 * browser against `npm run web`.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the access token and the operators', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startWebApp();
    page = await newPage(browser, app.url);
    await call(page, 'system.generateSampleData', { seed: 2023 });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('moves the token from the address into the tab’s sessionStorage', async () => {
    await page.getByTestId('main-nav').waitFor();
    expect(page.url()).toBe(`${app.url}#/`);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), WEB_TOKEN_STORAGE_KEY)).toBe(app.token);
    // A reload keeps working (same tab).
    await page.reload();
    await page.getByTestId('main-nav').waitFor();
  });

  it('without the token serves the page but no data, and says how to open the program', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const stranger = await context.newPage();
    try {
      await stranger.goto(app.url);
      await stranger.getByText('访问令牌无效或缺失').waitFor();
      const reply = await stranger.evaluate(async () => {
        const response = await fetch('api/personnel.revealIdNumber', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"id":1}' });
        return { status: response.status, body: await response.text() };
      });
      expect(reply.status).toBe(401);
      expect(reply.body).not.toMatch(/\d{17}[\dX]/);
      await screenshot(stranger, 'web-without-token');
    } finally {
      await context.close();
    }
  });

  it('adds an operator with a password, locks, and signs in again; the change carries the operator’s name', async () => {
    await openRoute(page, app, '/settings/operators');
    await page.getByTestId('add-operator').click();
    await settle(page);
    await page.getByTestId('operator-name').fill('李芳');
    await page.getByTestId('operator-password').fill('li-fang-2024');
    await page.getByTestId('operator-password-confirm').fill('li-fang-2024');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await poll(() => page.getByTestId('signed-in-operator').textContent()).toContain('李芳');

    await page.getByTestId('header-lock').click();
    await page.getByTestId('sign-in').waitFor();
    // Locked: the program is gone from the page, and the backend answers nothing.
    expect(await page.getByTestId('main-nav').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('沅江市公安局');
    await expect(call(page, 'units.list')).rejects.toThrow(/LOCKED/);
    await screenshot(page, 'sign-in');

    await page.getByTestId('sign-in-password').fill('wrong-password');
    await page.getByTestId('sign-in-submit').click();
    await poll(() => page.getByTestId('sign-in-error').textContent()).toContain('密码不正确');
    await page.getByTestId('sign-in-password').fill('li-fang-2024');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('main-nav').waitFor();

    const people = await call<{ rows: { id: number }[] }>(page, 'personnel.query', { filter: {}, firstRows: 1 });
    await call(page, 'personnel.revealIdNumber', { id: people.rows[0]?.id });
    await openRoute(page, app, '/settings/history');
    await page.getByTestId('history-view').getByText('查阅与导出记录').click();
    await poll(() => page.getByTestId('access-table').textContent()).toContain('查看完整身份证号');
    expect(await page.getByTestId('access-table').textContent()).toContain('李芳');
    await screenshot(page, 'access-log');

    // Back to no operators, for whatever runs next on this app.
    const { operators } = await call<{ operators: { id: number }[] }>(page, 'operators.list');
    for (const op of operators) await call(page, 'operators.delete', { id: op.id });
  });

  it('backs up now and downloads a backup (the browser’s “to a chosen folder”)', async () => {
    await openRoute(page, app, '/settings/backup');
    await page.getByTestId('backup-panel').waitFor();
    const before = (await call<{ backups: unknown[] }>(page, 'backups.list')).backups.length;
    await page.getByTestId('backup-now').click();
    await poll(async () => (await call<{ backups: unknown[] }>(page, 'backups.list')).backups.length).toBe(before + 1);
    await poll(() => page.getByTestId('backup-panel').locator('tbody tr').count()).toBe(before + 1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-elsewhere').click()]);
    const saved = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toMatch(/^registry-\d{8}-\d{6}-manual\.sqlite3$/);
    expect(fs.readFileSync(saved).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    await screenshot(page, 'backup-panel');
  });
});

describe('a damaged database', () => {
  let app: RunningApp;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDir('registry-e2e-damaged-');
    const backend = await createBackend({ dataDir, appRoot: REPO_ROOT, host: 'cli' });
    await callOk(backend, 'system.generateSampleData', { seed: 2023 });
    await callOk(backend, 'backups.create', {});
    backend.close();
    const file = path.join(dataDir, 'registry.sqlite3');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, crypto.randomBytes(65536), 0, 65536, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    app = await startWebApp({ dataDir });
    page = await newPage(browser, app.url);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('says what happened in Chinese, offers the newest good backup, and restores it', async () => {
    await page.getByTestId('damaged-database').waitFor();
    const text = await page.getByTestId('damaged-database').textContent();
    expect(text).toContain('数据库文件已损坏');
    expect(text).toContain('最近一次完好的备份');
    expect(text).not.toMatch(/malformed|SQLITE_|btree/i);
    await screenshot(page, 'damaged-database');
    await page.getByTestId('restore-newest').click();
    await settle(page);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /恢\s*复/ })
      .click();
    const reopen = page.getByRole('button', { name: '重新打开台账' });
    await reopen.waitFor({ timeout: 60_000 });
    await settle(page);
    await reopen.click();
    await page.getByTestId('main-nav').waitFor();
    expect((await call<{ state: string }>(page, 'database.status')).state).toBe('ok');
    expect((await call<{ isEmpty: boolean }>(page, 'system.info')).isEmpty).toBe(false);
    // The damaged file is kept beside, untouched.
    expect(fs.readdirSync(dataDir).some((f) => /^registry-damaged-\d{8}-\d{6}\.sqlite3$/.test(f))).toBe(true);
  });
});
