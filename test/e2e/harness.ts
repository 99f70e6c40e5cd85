import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { addDays, isIsoDate, isoDateOf } from '../../shared/domain/dates.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/**
 * The registry's today for this run: E2E_TODAY (for the e2e project alone, so the other projects of
 * one `npm test` keep their own dates) or REGISTRY_TODAY when the run sets one (CI runs the e2e
 * project at a year-end, a leap day and the real date), else the machine's local date, fixed once
 * so a run across midnight stays on one day. Every web host of the run gets it explicitly.
 */
export const E2E_TODAY: string = (() => {
  const name = process.env['E2E_TODAY'] ? 'E2E_TODAY' : 'REGISTRY_TODAY';
  const pinned = process.env[name];
  if (pinned !== undefined && pinned !== '') {
    if (!isIsoDate(pinned)) throw new Error(`${name}=${pinned} is not a YYYY-MM-DD date`);
    return pinned;
  }
  return isoDateOf(new Date());
})();

/**
 * The browser's clock is set far from the registry's today (three years and 123 days later), so
 * any renderer code that takes "today" from the browser instead of the backend shows up as a
 * wrong date in a dialog or a refused step, not as a silent pass on the day the dates agree.
 */
export const BROWSER_CLOCK = new Date(`${addDays(E2E_TODAY, 3 * 365 + 123)}T10:30:00`);

export interface RunningApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `npm run web` on a temp data folder and waits for the address it prints. */
export async function startWebApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? tempDir('registry-e2e-');
  const child: ChildProcess = spawn('npm', ['run', 'web', '--silent', '--', '--data-dir', dataDir, '--port', '0', '--renderer-dir', inject('rendererDir')], {
    cwd: REPO_ROOT,
    env: { ...process.env, REGISTRY_QUIET: '1', REGISTRY_CHECK_OUTPUTS: '1', REGISTRY_TODAY: E2E_TODAY, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run web did not print its address within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run web exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // npm starts node in a child: signal the whole group.
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** A page at 1366×768 (the common office screen) whose clock is far from the registry's today. */
export async function newPage(browser: Browser, url: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  await context.clock.install({ time: BROWSER_CLOCK });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => {
    throw err;
  });
  await page.goto(url);
  return page;
}

/**
 * Waits for a condition, never for a time: retries `fn` until the assertion holds, for up to 20 s
 * (a busy two-core machine), and names what it was waiting for when it gives up.
 */
export function poll<T>(fn: () => Promise<T> | T, message?: string) {
  return expect.poll(fn, { timeout: 20_000, interval: 100, ...(message ? { message } : {}) });
}

/** Calls the backend the way the page does (for setup and expected figures, never to drive the UI under test). */
export async function call<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch(`api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${result.error?.code ?? ''} ${result.error?.message ?? ''}`);
  return result.value as T;
}

/** Opens a route of the app (#/…) and waits for the shell around it. */
export async function openRoute(page: Page, app: RunningApp, route: string): Promise<void> {
  await page.goto(`${app.url}#${route.startsWith('/') ? route : `/${route}`}`);
  await page.getByTestId('main-nav').or(page.getByTestId('print-toolbar')).first().waitFor();
}

/**
 * Waits until no CSS transition or animation of finite length is running (a dialog zooming in, a
 * drawer sliding, a dropdown fading out), as the browser itself reports them: a clean click or
 * screenshot. Endless animations (a spinner) do not count.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
  // Two frames: the last style change of an animation is painted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await settle(page);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The platform fonts Chromium actually used to draw a node's text (via the DevTools protocol). */
export async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

/** The digits of a text, as a number ("共 1,060 人" → 1060). */
export function digits(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}
