/**
 * The one BrowserWindow configuration, kept apart from main.ts so a test can assert every
 * hardening flag without Electron. See the Electron security checklist (docs/tutorial/security.md).
 * Typed structurally so this file needs no `electron` import.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'registry';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export interface HardenedWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  safeDialogs: true;
  /** Off in the installed program: no developer tools by shortcut or from code. */
  devTools: boolean;
  /** A middle click must not open a link in a new window (electronegativity's AUXCLICK check). */
  disableBlinkFeatures: 'Auxclick';
}

export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: HardenedWebPreferences;
}

/** Electron's BrowserWindow, or a stand-in that records what it is given (tests). */
export type WindowConstructor<W> = new (options: MainWindowOptions) => W;

/**
 * Creates the main window. The options are written out in the `new BrowserWindow({…})` call
 * itself, so a static checker (electronegativity, run by test/integration/electron-security.test.ts)
 * sees every hardening flag where the window is made.
 */
export function createMainWindow<W>(BrowserWindow: WindowConstructor<W>, preloadPath: string, { packaged = false }: { packaged?: boolean } = {}): W {
  return new BrowserWindow({
    width: 1366,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '执法台账',
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !packaged,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** The options createMainWindow gives the window (for tests; recorded through a stand-in constructor). */
export function mainWindowOptions(preloadPath: string, { packaged = false }: { packaged?: boolean } = {}): MainWindowOptions {
  const recorder = createMainWindow(
    class {
      readonly options: MainWindowOptions;
      constructor(options: MainWindowOptions) {
        this.options = options;
      }
    },
    preloadPath,
    { packaged },
  );
  return recorder.options;
}

/** Only our own app:// pages may talk to the backend or be navigated to. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
