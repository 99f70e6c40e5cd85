import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererOutDir(appRoot: string): string {
  return path.join(appRoot, 'dist', 'renderer');
}

/** True when dist/renderer is missing or older than any source it is built from. */
export function rendererBuildIsStale(appRoot: string): boolean {
  const index = path.join(rendererOutDir(appRoot), 'index.html');
  if (!fs.existsSync(index)) return true;
  if (!fs.existsSync(path.join(appRoot, 'renderer'))) return false; // packaged: no sources to build from
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(appRoot, 'renderer')),
    newestMtime(path.join(appRoot, 'shared')),
    fs.existsSync(path.join(appRoot, 'vite.config.ts')) ? fs.statSync(path.join(appRoot, 'vite.config.ts')).mtimeMs : 0,
  );
  return sources > built;
}

/** Builds the renderer with Vite when its output is stale. Returns false (after printing why) on failure. */
export function ensureRendererBuilt(appRoot: string, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): boolean {
  if (!rendererBuildIsStale(appRoot)) return true;
  log('正在构建界面（renderer），首次运行约需半分钟……');
  const vite = path.join(appRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: appRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    log('界面构建失败，请查看上面的错误信息。');
    return false;
  }
  return true;
}
