import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { METHOD_NAMES } from '../shared/api/contract.ts';
import { ipcChannelFor } from '../shared/api/bridge.ts';
import { AppError } from '../shared/api/errors.ts';
import { fail } from '../shared/api/result.ts';
import { createBackend, type Backend } from './backend/backend.ts';
import { backupToFolder } from './backend/backups/backup-actions.ts';
import { APP_FOLDER_NAME, resolveDataDir } from './backend/data-dir.ts';
import { USER_FILE_MODE, writeFileAtomic, writeFileAtomicWith } from './backend/files/write-file-atomic.ts';
import { SECURITY_HEADERS } from './security/content-security-policy.ts';
import { startupErrorMessage } from './startup-error.ts';
import { resolveStaticFile } from './web/static-files.ts';
import { APP_SCHEME, APP_START_URL, createMainWindow, isAppUrl } from './window-options.ts';

// Must run before `ready`: app:// behaves like a secure, standard origin (fetch, storage, CSP).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Same folder name as the web host and the command line, so every entry point sees the same data.
app.setName(APP_FOLDER_NAME);

let mainWindow: BrowserWindow | null = null;

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url) && mainWindow !== null && event.sender === mainWindow.webContents;
}

function serveRenderer(rendererDir: string, request: Request): Response {
  const url = new URL(request.url);
  const file = isAppUrl(request.url) ? resolveStaticFile(rendererDir, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  return new Response(fs.readFileSync(file.path), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
}

async function printToPdf(input: unknown, hostContext: unknown): Promise<{ saved: boolean; path: string | null }> {
  const { suggestedName, landscape } = input as { suggestedName: string; landscape: boolean };
  const sender = hostContext as WebContents;
  const pdf = await sender.printToPDF({ landscape, pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  const owner = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: `${suggestedName}.pdf`, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  writeFileAtomic(choice.filePath, pdf, { mode: USER_FILE_MODE });
  return { saved: true, path: choice.filePath };
}

/** 备份到其他位置: the clerk picks a folder (a USB stick); a verified backup is written into it. */
async function backupToChosenFolder(hostContext: unknown, backend: () => Backend | null): Promise<{ saved: boolean; path: string | null }> {
  const owner = BrowserWindow.fromWebContents(hostContext as WebContents);
  const options = { title: '选择备份保存位置（如 U 盘）', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const folder = choice.filePaths[0];
  const running = backend();
  if (choice.canceled || !folder || !running) return { saved: false, path: null };
  const written = await backupToFolder(running.context, folder);
  return { saved: true, path: written.path };
}

function print(input: unknown, hostContext: unknown): Promise<{ printed: boolean }> {
  const { landscape } = input as { landscape: boolean };
  const sender = hostContext as WebContents;
  return new Promise((resolve) => {
    sender.print({ silent: false, printBackground: true, landscape, pageSize: 'A4' }, (success) => resolve({ printed: success }));
  });
}

/**
 * 保存到文件夹: the clerk picks a folder in the system's dialog, and the staged export files (the
 * verification workbooks) are copied into it, each under a temporary name first and then renamed.
 * The folder never crosses the bridge as input: the renderer only names staged files.
 */
async function saveFilesToFolder(backend: Backend, input: unknown, hostContext: unknown): Promise<{ saved: boolean; folder: string | null; count: number }> {
  const { fileIds } = input as { fileIds: string[] };
  const owner = BrowserWindow.fromWebContents(hostContext as WebContents);
  const options = { title: '选择保存核对表的文件夹', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const folder = choice.filePaths[0];
  if (choice.canceled || !folder) return { saved: false, folder: null, count: 0 };
  for (const fileId of fileIds) {
    const info = backend.context.files.info(fileId);
    await writeFileAtomicWith(path.join(folder, info.name), (temp) => fs.copyFileSync(info.path, temp), { mode: USER_FILE_MODE });
  }
  return { saved: true, folder, count: fileIds.length };
}

function registerIpc(backend: Backend): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannelFor(name), async (event, input: unknown) => {
      if (!isTrustedSender(event)) return fail(new AppError('FORBIDDEN', '拒绝来自未知页面的调用').toApiError());
      return backend.call(name, input, event.sender);
    });
  }
}

function createWindow(): BrowserWindow {
  const window = createMainWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), { packaged: app.isPackaged });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

async function start(): Promise<void> {
  hardenWebContents();
  await app.whenReady();
  // The installed program has no menu bar: Electron's default menu offers 开发者工具 and reload
  // (Ctrl+Shift+I, Ctrl+R). `npm start` keeps it for development.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveRenderer(rendererDir, request));

  let backend: Backend;
  let started: Backend | null = null;
  try {
    backend = await createBackend({
      dataDir: resolveDataDir(process.argv),
      appRoot,
      host: 'electron',
      overrides: {
        'desktop.printToPdf': printToPdf,
        'desktop.print': print,
        'desktop.backupToFolder': (_input, sender) => backupToChosenFolder(sender, () => started),
        'desktop.saveFilesToFolder': (input, host) => saveFilesToFolder(backend, input, host),
      },
    });
    started = backend;
  } catch (err) {
    dialog.showErrorBox('执法台账无法启动', startupErrorMessage(err));
    app.quit();
    return;
  }
  registerIpc(backend);
  app.on('will-quit', () => backend.close());
  mainWindow = createWindow();
  app.on('window-all-closed', () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the running window forward: two processes on one database file
  // would fight over its locks.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void start();
}
