import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureRendererBuilt } from '../../../electron/tools/renderer-build.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { median, type Measure } from '../measure.ts';

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

async function startOnce(dataDir: string): Promise<{ seconds: number; idleMiB: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'electron', 'web', 'web-main.ts'), '--data-dir', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, REGISTRY_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const found = /^(http:\/\/\S+)$/m.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`web host exited (${code}) before printing its address: ${out}`)));
    });
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
];
