import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runWebHost } from '../web/web-main.ts';
import { buildElectron } from './build-electron.ts';
import { ensureRendererBuilt } from './renderer-build.ts';

/**
 * `npm start`: the desktop app where the Electron runtime is available; otherwise the same app in
 * the browser through the loopback web host, so a newcomer always sees it.
 */

const appRoot = path.resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);

/** Asks the electron package for its binary in a child process: it may try (and fail) to download it. */
function findElectronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const candidate = probe.status === 0 ? probe.stdout.trim() : '';
  return candidate && fs.existsSync(candidate) ? candidate : null;
}

if (!ensureRendererBuilt(appRoot)) process.exit(1);
const electronBinary = findElectronBinary();
if (electronBinary) {
  await buildElectron(appRoot, undefined, { sourcemap: true });
  const child = spawn(electronBinary, [appRoot, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    [
      '',
      '未找到 Electron 运行环境：electron 软件包会在首次启动时下载它，而本机无法连接下载地址（内网或离线环境属正常情况）。',
      '因此改为在本机浏览器中打开同一个程序：数据、功能与桌面版完全相同，只在 127.0.0.1 上提供服务，其他电脑无法访问。',
      '如需桌面窗口，请在能联网的电脑上运行一次 `npx install-electron`，或把已解压的 Electron 所在文件夹设为环境变量 ELECTRON_OVERRIDE_DIST_PATH 后再运行 npm start。',
      '',
    ].join('\n'),
  );
  await runWebHost(args, appRoot, { openBrowser: true });
}
