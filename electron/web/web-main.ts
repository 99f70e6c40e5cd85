import path from 'node:path';
import { createBackend } from '../backend/backend.ts';
import { dataPaths, resolveDataDir } from '../backend/data-dir.ts';
import { fatalMessage } from '../backend/fatal-errors.ts';
import { Log } from '../backend/log.ts';
import { argValue, hasFlag } from '../tools/cli-args.ts';
import { ensureRendererBuilt, rendererOutDir } from '../tools/renderer-build.ts';
import { openInBrowser } from './open-browser.ts';
import { startWebHost } from './web-host.ts';

/**
 * `npm run web [-- --data-dir DIR] [--port N] [--renderer-dir DIR] [--open]`: the app in a browser on
 * this machine, served on 127.0.0.1 only. `--open` (and `npm start` without Electron) also opens it
 * in the default browser.
 */
export async function runWebHost(argv: readonly string[], appRoot: string, options: { openBrowser?: boolean } = {}): Promise<void> {
  const rendererDirArg = argValue(argv, 'renderer-dir');
  const rendererDir = rendererDirArg ? path.resolve(rendererDirArg) : rendererOutDir(appRoot);
  if (!rendererDirArg && !ensureRendererBuilt(appRoot)) process.exit(1);
  const portArg = argValue(argv, 'port');
  const port = portArg === undefined ? 0 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`端口号无效：${portArg}\n`);
    process.exit(2);
  }
  const dataDir = resolveDataDir(argv);
  const fatal = (what: string, err: unknown): never => {
    new Log(dataPaths(dataDir).logDir, { echoErrors: false }).write('error', `web host: ${what}`, err);
    process.stderr.write(`${fatalMessage(err, { port, dataDir })}\n`);
    process.exit(1);
  };
  let backend;
  try {
    backend = await createBackend({ dataDir, appRoot, host: 'web', checkOutputs: process.env['REGISTRY_CHECK_OUTPUTS'] === '1' });
  } catch (err) {
    return fatal('cannot open the database', err);
  }
  let host;
  try {
    host = await startWebHost({ backend, rendererDir, port });
  } catch (err) {
    backend.close();
    return fatal(`cannot listen on port ${port}`, err);
  }
  // The address carries this launch's access token: only whoever sees this window can open the program.
  process.stdout.write(`执法台账已启动，请在本机浏览器中打开（地址含本次启动的访问令牌，请勿告诉他人）：\n${host.openUrl}\n数据文件夹：${dataDir}\n按 Ctrl+C 退出。\n`);
  if (options.openBrowser || hasFlag(argv, 'open')) openInBrowser(host.openUrl, dataPaths(dataDir).stagingDir);
  const running = host;
  const shutdown = () => {
    void running.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (import.meta.main) {
  await runWebHost(process.argv.slice(2), path.resolve(import.meta.dirname, '..', '..'));
}
