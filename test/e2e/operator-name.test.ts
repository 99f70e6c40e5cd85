import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, launchBrowser, newPage, openRoute, poll, screenshot, startWebApp, type RunningApp } from './harness.ts';

/**
 * 经办人 on a new registry: the first-run screen asks for it, and the header shows it (or a link to
 * set it) on every page, so nothing is signed 未署名 unnoticed.
 */

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchBrowser();
  page = await newPage(browser, app.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function operatorName(): Promise<string> {
  return (await call<{ operatorName: string }>(page, 'settings.get')).operatorName;
}

describe('经办人 in Chromium', () => {
  it('is asked for on the first-run screen and shown in the header once saved', async () => {
    await openRoute(page, app, '/overview');
    await page.getByTestId('first-run').waitFor();
    await poll(() => page.getByTestId('header-operator').textContent(), 'the header offers to set the name').toContain('未填写经办人');
    await page.getByTestId('first-run-operator-input').fill('李文');
    await page.getByTestId('first-run-operator-input').press('Enter');
    await poll(() => page.getByTestId('header-operator').textContent(), 'the header shows the saved name').toContain('经办人：李文');
    expect(await operatorName()).toBe('李文');
    await screenshot(page, 'operator-name-first-run');
  });

  it('is changed from the header on any page, and an empty name is refused', async () => {
    if ((await operatorName()) === '') await call(page, 'settings.update', { operatorName: '李文' });
    await openRoute(page, app, '/import');
    await page.getByTestId('header-operator').click();
    const input = page.getByTestId('operator-name-input');
    await input.waitFor();
    await input.fill('   ');
    await input.press('Enter');
    await page.getByText('请填写经办人').waitFor();
    expect(await operatorName()).toBe('李文');
    await input.fill('王芳');
    await input.press('Enter');
    await poll(() => page.getByTestId('header-operator').textContent(), 'the header shows the new name').toContain('经办人：王芳');
    // The header changes before the dialog's closing animation ends and antd removes it.
    await poll(() => input.count(), 'the dialog closes after saving').toBe(0);
    expect(await operatorName()).toBe('王芳');
  });
});
