import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureRendererBuilt } from '../../../electron/tools/renderer-build.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { median, percentile, type Measure } from '../measure.ts';

/**
 * The web host's start-up as a clerk meets it (`npm run web` on the sample data, the renderer
 * already built): from starting Node until it prints its address, and its resident memory once it
 * has served the page and settled. Each start is a fresh process on the same data folder.
 */

const SETTLE_MS = 1000;

function sampleDataDir(): string {
  const dataDir = tempDir('registry-bench-web-');
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts'), 'sample-data', '--data-dir', dataDir], {
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_QUIET: '1' },
  });
  if (child.status !== 0) throw new Error(`sample data: ${child.stderr}`);
  return dataDir;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kib) throw new Error('no VmRSS');
  return Number(kib) / 1024;
}

/** Starts the web host on a data folder; resolves with its printed address (with the access token). */
function startHost(dataDir: string): { child: ChildProcess; url: Promise<string>; exited: Promise<void> } {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'electron', 'web', 'web-main.ts'), '--data-dir', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, REGISTRY_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /^(http:\/\/\S+)$/m.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code}) before printing its address: ${out}`)));
  });
  return { child, url, exited };
}

async function startOnce(dataDir: string): Promise<{ seconds: number; idleMiB: number }> {
  const start = performance.now();
  const { child, url: printed, exited } = startHost(dataDir);
  try {
    const url = await printed;
    const seconds = (performance.now() - start) / 1000;
    const page = await fetch(url.split('#')[0] ?? url);
    if (!page.ok) throw new Error(`the page answered ${page.status}`);
    await page.text();
    // Idle: the page served, nothing else asked of it. A settling pause is fine here (a bench, not a test).
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const idleMiB = rssMiB(child.pid ?? 0);
    return { seconds, idleMiB };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export const measures: Measure[] = [
  {
    name: 'start_web_s',
    description: '`npm run web`（示例数据，界面已构建）从启动 Node 到打印访问地址，五次中位数',
    unit: 's',
    max: 1,
    also: [{ name: 'idle_rss_mib', description: '网页版服务进程送出页面后空闲时的常驻内存，五次中位数', unit: 'MiB', max: 120 }],
    async run() {
      if (!ensureRendererBuilt(REPO_ROOT)) throw new Error('the renderer did not build');
      const dataDir = sampleDataDir();
      await startOnce(dataDir);
      const runs: { seconds: number; idleMiB: number }[] = [];
      for (let i = 0; i < 5; i += 1) runs.push(await startOnce(dataDir));
      return { start_web_s: median(runs.map((r) => r.seconds)), idle_rss_mib: median(runs.map((r) => r.idleMiB)) };
    },
  },
  {
    // In Chromium on the built renderer: the characters before the last are filled in (their
    // searches run untimed), then the last key is delivered in the page and timed until a frame
    // shows that query's results, as the clerk sees it (the first round warms up and is not counted).
    name: 'ui_search_keystroke_ms',
    description: '在 Chromium 中：示例数据的目录检索框，最后一次按键到结果显示（1、2、3、7 个字的检索词逐字键入，共 40 次）p95',
    unit: 'ms',
    max: 100,
    async run() {
      if (!ensureRendererBuilt(REPO_ROOT)) throw new Error('the renderer did not build');
      const { child, url, exited } = startHost(sampleDataDir());
      const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
        page.setDefaultTimeout(60_000);
        const address = await url;
        await page.goto(address);
        await page.goto(`${address.split('#')[0] ?? address}#/catalog`);
        await page.getByTestId('agency-sidebar').waitFor();
        const box = page.getByTestId('catalog-search');
        const QUERIES = ['证', '扬尘', '许可证', '餐饮服务食品安', '检', '食品', '安全生', '落实情况的检查'];
        const times: number[] = [];
        const answers: number[] = [];
        for (let round = 0; round < 6; round += 1) {
          for (const q of QUERIES) {
            // The characters before the last as the clerk's earlier keys (their searches run, and are not timed).
            await box.fill([...q].slice(0, -1).join(''));
            // From the last key to the frame that shows this query's results.
            const ms = await page.evaluate(async (query) => {
              const input = document.querySelector<HTMLInputElement>('[data-testid="catalog-search"]');
              if (!input) throw new Error('no search box');
              const start = performance.now();
              // The last key as the browser delivers it to React: the native value setter, then an input event.
              // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the input as `this`
              const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
              setValue?.call(input, query);
              input.dispatchEvent(new Event('input', { bubbles: true }));
              await new Promise<void>((resolve) => {
                const done = () => document.querySelector('[data-testid="search-summary"]')?.textContent?.includes(`“${query}”：`);
                if (done()) return resolve();
                const observer = new MutationObserver(() => {
                  if (done()) {
                    observer.disconnect();
                    resolve();
                  }
                });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
              });
              await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
              const end = performance.now();
              // Where the time went: the answer to this query's request arriving, against the frame.
              const answered = performance
                .getEntriesByType('resource')
                .filter((e) => e.name.includes('search.query') && e.startTime >= start)
                .map((e) => (e as PerformanceResourceTiming).responseEnd);
              performance.clearResourceTimings();
              return { ms: end - start, answerMs: answered.length > 0 ? Math.max(...answered) - start : end - start };
            }, q);
            if (round > 0) {
              times.push(ms.ms);
              answers.push(ms.answerMs);
            }
          }
        }
        process.stderr.write(
          `ui_search_keystroke_ms: median ${median(times).toFixed(0)} ms; the backend's answer arrived after a median ${median(answers).toFixed(0)} ms (p95 ${percentile(answers, 95).toFixed(0)} ms), the rest is rendering\n`,
        );
        return percentile(times, 95);
      } finally {
        await browser.close();
        child.kill('SIGTERM');
        await exited;
      }
    },
  },
];
