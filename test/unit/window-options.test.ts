import { describe, expect, it } from 'vitest';
import { isAppUrl, mainWindowOptions } from '../../electron/window-options.ts';

describe('BrowserWindow hardening', () => {
  it('keeps every flag of the Electron security checklist', () => {
    const { webPreferences } = mainWindowOptions('/app/dist/electron/preload.cjs');
    expect(webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      devTools: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('keeps the developer tools out of the installed program', () => {
    expect(mainWindowOptions('p', { packaged: true }).webPreferences.devTools).toBe(false);
    expect(mainWindowOptions('p', { packaged: false }).webPreferences.devTools).toBe(true);
  });

  it('fits a 1366×768 office screen', () => {
    const options = mainWindowOptions('p');
    expect(options.minWidth).toBeLessThanOrEqual(1366);
    expect(options.minHeight).toBeLessThanOrEqual(768);
    expect(options.title).toBe('执法台账');
  });

  it('trusts only our own app:// origin', () => {
    expect(isAppUrl('app://registry/index.html')).toBe(true);
    expect(isAppUrl('app://registry/#/personnel')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/index.html')).toBe(false);
    expect(isAppUrl('https://registry/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
