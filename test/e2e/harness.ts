import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { WEB_TOKEN_HEADER, WEB_TOKEN_STORAGE_KEY } from '../../shared/api/web-access.ts';
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
  /** The server's address, without the token (routes are appended to it: `${url}#/personnel`). */
  url: string;
  /** This launch's access token, as printed in the address (…/#token=…). */
  token: string;
  /** The printed address itself, which the clerk opens. */
  openUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The token of every app started in this worker, by its address: newPage(browser, app.url) opens it with its token. */
const tokensByUrl = new Map<string, string>();

/** Starts `npm run web` on a temp data folder and waits for the address (with its access token) it prints. */
export async function startWebApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? tempDir('registry-e2e-');
  const child: ChildProcess = spawn('npm', ['run', 'web', '--silent', '--', '--data-dir', dataDir, '--port', '0', '--renderer-dir', inject('rendererDir')], {
    cwd: REPO_ROOT,
    env: { ...process.env, REGISTRY_QUIET: '1', REGISTRY_CHECK_OUTPUTS: '1', REGISTRY_TODAY: E2E_TODAY, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run web did not print its address within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([A-Za-z0-9_-]{43})\s/.exec(output);
      if (m?.[1] && m[2]) {
        clearTimeout(timer);
        resolve([m[1], m[2]]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run web exited with ${code}:\n${output}`));
    });
  });
  tokensByUrl.set(url, token);
  return {
    url,
    token,
    openUrl: `${url}#token=${token}`,
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

/**
 * A page at 1366×768 (the common office screen) whose clock is far from the registry's today. It
 * opens the app the way the clerk does, at the printed address with its token (which the page
 * moves into its sessionStorage); `url` is an app's `url` (or any other address, opened as given).
 */
export async function newPage(browser: Browser, url: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  await context.clock.install({ time: BROWSER_CLOCK });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => {
    throw err;
  });
  const token = tokensByUrl.get(url);
  await page.goto(token ? `${url}#token=${token}` : url);
  return page;
}

/**
 * Waits for a condition, never for a time: retries `fn` until the assertion holds, for up to 20 s
 * (a busy two-core machine), and names what it was waiting for when it gives up.
 */
export function poll<T>(fn: () => Promise<T> | T, message?: string) {
  return expect.poll(fn, { timeout: 20_000, interval: 100, ...(message ? { message } : {}) });
}

/**
 * Calls the backend the way the page does, with the access token the page keeps in its
 * sessionStorage (for setup and expected figures, never to drive the UI under test).
 */
export async function call<T>(page: Page, method: string, input: unknown = {}): Promise<T> {
  const result = await page.evaluate(
    async ([m, i, header, key]) => {
      const response = await fetch(`api/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [header]: sessionStorage.getItem(key) ?? '' },
        body: JSON.stringify(i),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    [method, input, WEB_TOKEN_HEADER, WEB_TOKEN_STORAGE_KEY] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${result.error?.code ?? ''} ${result.error?.message ?? ''}`);
  return result.value as T;
}

/**
 * Fills the registry with the sample data behind the page's back (through the API), then reloads
 * the page so nothing it loaded before (the first-run screen, the settings, the sample-data mark)
 * is left over: a hash-only `openRoute` does not reload, and a fast machine has already drawn the
 * empty registry by the time the data arrive.
 */
export async function loadSampleData(page: Page): Promise<void> {
  await call(page, 'system.generateSampleData', { seed: 2023 });
  await page.reload();
  await page.getByTestId('main-nav').waitFor();
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
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity));
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
