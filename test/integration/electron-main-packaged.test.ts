import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as workerThreads from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../electron/tools/build-electron.ts';
import { APP_START_URL } from '../../electron/window-options.ts';
import { ipcChannelFor } from '../../shared/api/bridge.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * The built main bundle as the installers lay it out: resources/app.asar holding package.json,
 * migrations/ and dist/, the parse worker unpacked into resources/app.asar.unpacked, and
 * `app.isPackaged` true. Electron's ASAR archive is stood in for by a folder of that name (the
 * packaged program reads it through Electron's fs, which this test does not have); the copy of the
 * parse worker left inside it throws, so the test fails if the worker is started from the archive.
 */

type Listener = (...args: unknown[]) => unknown;

const rec = {
  menus: [] as unknown[],
  windows: [] as { options: { webPreferences: { devTools: boolean } }; instance: FakeWindow }[],
  ipcHandlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  workerFiles: [] as string[],
  errors: [] as string[],
};

class FakeWindow {
  readonly webContents = { mainFrame: { url: APP_START_URL }, id: 1 };
  constructor(options: { webPreferences: { devTools: boolean } }) {
    rec.windows.push({ options, instance: this });
  }
  once(): void {}
  loadURL(): Promise<void> {
    return Promise.resolve();
  }
}

let resourcesDir: string;
let asarDir: string;
let unpackedDir: string;

const fakeElectron = {
  app: {
    setName: () => undefined,
    requestSingleInstanceLock: () => true,
    on: () => undefined,
    whenReady: () => Promise.resolve(),
    getAppPath: () => asarDir,
    isPackaged: true,
    quit: () => undefined,
  },
  Menu: { setApplicationMenu: (menu: unknown) => rec.menus.push(menu) },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (scheme: string, fn: (request: Request) => Response) => rec.protocolHandlers.set(scheme, fn),
  },
  session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
  ipcMain: { handle: (channel: string, fn: Listener) => rec.ipcHandlers.set(channel, fn) },
  BrowserWindow: FakeWindow,
  dialog: { showErrorBox: (title: string, message: string) => rec.errors.push(`${title}: ${message}`) },
};

/** node:worker_threads with a Worker that records which file it was started from. */
class RecordingWorker extends workerThreads.Worker {
  constructor(file: string | URL, options?: workerThreads.WorkerOptions) {
    rec.workerFiles.push(file instanceof URL ? fileURLToPath(file) : file);
    super(file, options);
  }
}
const recordingWorkerThreads = { ...workerThreads, Worker: RecordingWorker };

type ModuleWithLoad = typeof Module & { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const moduleInternals = Module as ModuleWithLoad;
const originalLoad = moduleInternals._load;
const savedArgv = process.argv;
let root: string;
let dataDir: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const win = rec.windows[0]?.instance as FakeWindow;
  const handler = rec.ipcHandlers.get(ipcChannelFor(method)) as Listener;
  const result = (await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input)) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

beforeAll(async () => {
  root = tempDir('registry-packaged-');
  resourcesDir = path.join(root, 'resources');
  asarDir = path.join(resourcesDir, 'app.asar');
  unpackedDir = path.join(resourcesDir, 'app.asar.unpacked');
  const built = await buildElectron(REPO_ROOT, path.join(asarDir, 'dist', 'electron'));
  fs.mkdirSync(path.join(unpackedDir, 'dist', 'electron'), { recursive: true });
  fs.renameSync(built.parseWorker, path.join(unpackedDir, 'dist', 'electron', 'parse-worker.cjs'));
  fs.writeFileSync(built.parseWorker, "throw new Error('the parse worker was started from inside app.asar');\n");
  fs.cpSync(path.join(REPO_ROOT, 'migrations'), path.join(asarDir, 'migrations'), { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(asarDir, 'package.json'));
  fs.mkdirSync(path.join(asarDir, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(asarDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>执法台账</title>');
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(asarDir, 'node_modules'), 'junction');

  dataDir = tempDir();
  moduleInternals._load = function load(request: string, parent: unknown, isMain: boolean) {
    if (request === 'electron') return fakeElectron;
    if (request === 'node:worker_threads' || request === 'worker_threads') return recordingWorkerThreads;
    return originalLoad.call(this, request, parent, isMain);
  };
  process.argv = [process.execPath, path.join(asarDir, 'dist', 'electron', 'main.cjs'), '--data-dir', dataDir];
  process.env['REGISTRY_QUIET'] = '1';
  createRequire(import.meta.url)(path.join(asarDir, 'dist', 'electron', 'main.cjs'));
  await vi.waitFor(() => expect(rec.windows.length, 'the main window is created').toBeGreaterThan(0), { timeout: 30_000, interval: 25 });
}, 60_000);

afterAll(() => {
  moduleInternals._load = originalLoad;
  process.argv = savedArgv;
  fs.rmSync(root, { recursive: true, force: true });
});

describe('Electron main process as installed (app.asar layout, isPackaged)', () => {
  it('starts without errors', () => {
    expect(rec.errors).toEqual([]);
  });

  it('removes the application menu and the developer tools', () => {
    expect(rec.menus).toEqual([null]);
    expect(rec.windows[0]?.options.webPreferences.devTools).toBe(false);
  });

  it('finds the migrations and package.json inside the archive', async () => {
    const info = await call<{ version: string; schemaVersion: number; dataDir: string; backupDir: string; platform: string; arch: string }>('system.info', {});
    expect(info).toMatchObject({ dataDir, backupDir: path.join(dataDir, 'backups'), platform: process.platform, arch: process.arch });
    const migrations = fs.readdirSync(path.join(REPO_ROOT, 'migrations')).filter((name) => /^\d{4}_.*\.sql$/.test(name));
    expect(info.schemaVersion).toBe(migrations.length);
    expect(info.version).toBe((JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('serves the interface from dist/renderer inside the archive', async () => {
    const response = await rec.protocolHandlers.get('app')?.(new Request(APP_START_URL));
    expect(response?.status).toBe(200);
    expect(await response?.text()).toContain('执法台账');
  });

  it('starts the import’s parse worker from app.asar.unpacked', async () => {
    // About 750 KB: above the size that is parsed in-process, so the worker is used.
    const lines = ['姓名,身份证号'];
    for (let i = 0; i < 25_000; i += 1) lines.push(`王伟${i},430981198503150011`);
    const staged = await call<{ fileId: string }>('files.stage', { name: '名册.csv', dataBase64: Buffer.from(lines.join('\n')).toString('base64') });
    const { jobId } = await call<{ jobId: string }>('import.check', { fileIds: [staged.fileId] });
    let state = 'running';
    await vi.waitFor(
      async () => {
        state = (await call<{ state: string }>('jobs.get', { jobId })).state;
        expect(state).not.toBe('running');
      },
      { timeout: 60_000, interval: 100 },
    );
    expect(state).toBe('done');
    const { files } = await call<{ files: { sheets: unknown[] }[] }>('import.checkResult', { jobId });
    expect(files[0]?.sheets.length).toBeGreaterThan(0);
    expect(rec.workerFiles.map((file) => fs.realpathSync(file))).toEqual([fs.realpathSync(path.join(unpackedDir, 'dist', 'electron', 'parse-worker.cjs'))]);
  }, 90_000);
});
