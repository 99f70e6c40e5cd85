import fs from 'node:fs';
import Module, { builtinModules, createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../electron/tools/build-electron.ts';
import { APP_START_URL, mainWindowOptions } from '../../electron/window-options.ts';
import { ipcChannelFor } from '../../shared/api/bridge.ts';
import { METHOD_NAMES } from '../../shared/api/contract.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * The Electron binary cannot be downloaded here, so this loads the BUILT main-process bundle with a
 * recording stand-in for the `electron` module and checks what it asks Electron to do.
 */

type Listener = (...args: unknown[]) => unknown;

interface Recorder {
  lockRequested: number;
  schemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  ipcHandlers: Map<string, Listener>;
  windows: { options: unknown; instance: FakeWindow }[];
  loadedUrls: string[];
  appListeners: Map<string, Listener[]>;
  permissionRequest?: Listener;
  permissionCheck?: Listener;
  menus: unknown[];
  errors: string[];
}

const rec: Recorder = {
  lockRequested: 0,
  schemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  loadedUrls: [],
  appListeners: new Map(),
  menus: [],
  errors: [],
};

class FakeWindow {
  readonly webContents: { mainFrame: { url: string }; id: number };
  constructor(options: unknown) {
    this.webContents = { mainFrame: { url: APP_START_URL }, id: 1 };
    rec.windows.push({ options, instance: this });
  }
  once(): void {}
  show(): void {}
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  loadURL(url: string): Promise<void> {
    rec.loadedUrls.push(url);
    return Promise.resolve();
  }
  static fromWebContents(): null {
    return null;
  }
}

const fakeElectron = {
  app: {
    setName: () => undefined,
    requestSingleInstanceLock: () => {
      rec.lockRequested += 1;
      return true;
    },
    on: (event: string, fn: Listener) => {
      rec.appListeners.set(event, [...(rec.appListeners.get(event) ?? []), fn]);
    },
    whenReady: () => Promise.resolve(),
    getAppPath: () => REPO_ROOT,
    isPackaged: false,
    quit: () => undefined,
  },
  Menu: { setApplicationMenu: (menu: unknown) => rec.menus.push(menu) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => rec.schemes.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Response) => rec.protocolHandlers.set(scheme, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Listener) => {
        rec.permissionRequest = fn;
      },
      setPermissionCheckHandler: (fn: Listener) => {
        rec.permissionCheck = fn;
      },
    },
  },
  ipcMain: { handle: (channel: string, fn: Listener) => rec.ipcHandlers.set(channel, fn) },
  BrowserWindow: FakeWindow,
  dialog: {
    showErrorBox: (title: string, message: string) => rec.errors.push(`${title}: ${message}`),
    showSaveDialog: () => Promise.resolve({ canceled: true }),
  },
};

let outDir: string;
let dataDir: string;
const savedArgv = process.argv;
type ModuleWithLoad = typeof Module & { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
const moduleInternals = Module as ModuleWithLoad;
const originalLoad = moduleInternals._load;

beforeAll(async () => {
  outDir = path.join(REPO_ROOT, 'node_modules', '.cache', `electron-smoke-${process.pid}`);
  await buildElectron(REPO_ROOT, outDir);
  dataDir = tempDir();
  moduleInternals._load = function load(request: string, parent: unknown, isMain: boolean) {
    if (request === 'electron') return fakeElectron;
    return originalLoad.call(this, request, parent, isMain);
  };
  process.argv = [process.execPath, 'main.cjs', '--data-dir', dataDir];
  process.env['REGISTRY_QUIET'] = '1';
  createRequire(import.meta.url)(path.join(outDir, 'main.cjs'));
  // The window opens once the app's ready handler has run: wait for it, generously (a busy machine).
  await vi.waitFor(() => expect(rec.windows.length, 'the main window is created').toBeGreaterThan(0), { timeout: 30_000, interval: 25 });
}, 60_000);

afterAll(() => {
  moduleInternals._load = originalLoad;
  process.argv = savedArgv;
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('Electron main process (built bundle, stand-in electron module)', () => {
  it('starts without errors and takes the single-instance lock', () => {
    expect(rec.errors).toEqual([]);
    expect(rec.lockRequested).toBe(1);
    expect(rec.appListeners.has('second-instance')).toBe(true);
  });

  it('registers the app:// scheme as secure and standard, and serves it with the CSP', async () => {
    expect(rec.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handler = rec.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const foreign = await handler?.(new Request('app://elsewhere/index.html'));
    expect(foreign?.status).toBe(404);
    expect(foreign?.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await handler?.(new Request('app://registry/..%2f..%2fpackage.json'));
    expect(traversal?.status).toBe(404);
  });

  it('registers one IPC handler per contract method and nothing else', () => {
    expect([...rec.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannelFor).sort());
  });

  it('opens one window with the hardened options, on the app:// start page', () => {
    expect(rec.windows).toHaveLength(1);
    expect(rec.windows[0]?.options).toEqual(mainWindowOptions(path.join(fs.realpathSync(outDir), 'preload.cjs')));
    expect(rec.loadedUrls).toEqual([APP_START_URL]);
  });

  it('keeps Electron’s menu (developer tools, reload) when run from the sources', () => {
    expect(rec.menus).toEqual([]);
  });

  it('denies every permission request', () => {
    let granted: unknown = 'not called';
    rec.permissionRequest?.({}, 'media', (answer: unknown) => {
      granted = answer;
    });
    expect(granted).toBe(false);
    expect(rec.permissionCheck?.({}, 'geolocation')).toBe(false);
  });

  it('answers IPC only from its own window and frame', async () => {
    const win = rec.windows[0]?.instance as FakeWindow;
    const handler = rec.ipcHandlers.get(ipcChannelFor('system.info')) as Listener;
    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const ok = (await handler(trusted, {})) as { ok: boolean; value: { host: string; dataDir: string } };
    expect(ok).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });

    const otherFrame = { sender: win.webContents, senderFrame: { url: APP_START_URL } };
    const foreignPage = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    win.webContents.mainFrame.url = 'https://evil.example/';
    const refusedForeign = (await handler(foreignPage, {})) as { ok: boolean; error: { code: string } };
    win.webContents.mainFrame.url = APP_START_URL;
    const refusedFrame = (await handler(otherFrame, {})) as { ok: boolean; error: { code: string } };
    expect(refusedForeign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refusedFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('blocks navigation away from the app, new windows and webviews', () => {
    const created = rec.appListeners.get('web-contents-created')?.[0];
    expect(created).toBeDefined();
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const contents = {
      on: (event: string, fn: Listener) => listeners.set(event, fn),
      setWindowOpenHandler: (fn: Listener) => {
        openHandler = fn;
      },
    };
    created?.({}, contents);
    const navigate = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://registry/index.html#/settings')).toBe(false);
    expect(openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    let webviewBlocked = false;
    listeners.get('will-attach-webview')?.({ preventDefault: () => (webviewBlocked = true) });
    expect(webviewBlocked).toBe(true);
  });

  it('exposes exactly one function per contract method from the preload', () => {
    const exposed: Record<string, unknown> = {};
    const invoked: string[] = [];
    const preloadElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: (channel: string) => invoked.push(channel) },
    };
    moduleInternals._load = function load(request: string, parent: unknown, isMain: boolean) {
      if (request === 'electron') return preloadElectron;
      return originalLoad.call(this, request, parent, isMain);
    };
    try {
      createRequire(import.meta.url)(path.join(outDir, 'preload.cjs'));
    } finally {
      moduleInternals._load = function load(request: string, parent: unknown, isMain: boolean) {
        if (request === 'electron') return fakeElectron;
        return originalLoad.call(this, request, parent, isMain);
      };
    }
    expect(Object.keys(exposed)).toEqual(['registryApi']);
    const api = exposed['registryApi'] as Record<string, (input: unknown) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(api)).toBe(true);
    api['units.list']?.({});
    expect(invoked).toEqual([ipcChannelFor('units.list')]);
    // The bundle requires nothing but electron: a sandboxed preload cannot load other modules.
    const source = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    const requires = [...source.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });

  it('bundles the import parse worker beside main.cjs, and it parses a workbook there', async () => {
    const workerFile = path.join(outDir, 'parse-worker.cjs');
    expect(fs.existsSync(workerFile)).toBe(true);
    // Self-contained: in the installed app it runs from app.asar.unpacked, where node_modules is out of reach.
    const requires = [...fs.readFileSync(workerFile, 'utf8').matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? '');
    expect(requires.filter((spec) => !builtinModules.includes(spec.replace(/^node:/, '')))).toEqual([]);
    const worker = new Worker(workerFile);
    try {
      const csv = new TextEncoder().encode('姓名,身份证号\n王伟,430981198503150011\n');
      const reply = await new Promise<{ type: string; workbook?: { sheets: unknown[] } }>((resolve, reject) => {
        worker.on('message', (message: { type: string }) => {
          if (message.type !== 'progress') resolve(message);
        });
        worker.on('error', reject);
        worker.postMessage({
          id: 1,
          bytes: csv,
          input: { fileName: '名册.csv', encoding: 'utf-8', limits: { maxFileBytes: 1024 * 1024, maxRows: 100, maxUncompressedBytes: 1024 * 1024, maxCompressionRatio: 100 } },
        });
      });
      expect(reply.type).toBe('done');
      expect(reply.workbook?.sheets).toHaveLength(1);
    } finally {
      await worker.terminate();
    }
  });
});
