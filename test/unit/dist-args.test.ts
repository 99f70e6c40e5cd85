import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredTargets, defaultElectronCache, electronZipName, missingZipMessage, parseDistArgs, zipSearchDirs } from '../../electron/tools/dist.ts';

describe('npm run dist arguments', () => {
  it('builds this machine’s platform by default, or the ones named', () => {
    expect(parseDistArgs([], 'linux')).toMatchObject({ platforms: ['linux'], arches: [], check: false, dir: false });
    expect(parseDistArgs([], 'win32').platforms).toEqual(['win']);
    expect(parseDistArgs(['--win'], 'linux').platforms).toEqual(['win']);
    expect(parseDistArgs(['--win', '--linux', '--arm64'], 'linux')).toMatchObject({ platforms: ['win', 'linux'], arches: ['arm64'] });
    expect(parseDistArgs(['--check', '--require-zip'], 'linux')).toMatchObject({ check: true, requireZip: true });
  });

  it('refuses unknown options and macOS', () => {
    expect(() => parseDistArgs(['--mac'], 'linux')).toThrow(/unknown option/);
    expect(() => parseDistArgs([], 'darwin')).toThrow(/no macOS target/);
  });

  it('needs one Electron zip per platform and arch the configuration builds', () => {
    expect(configuredTargets('linux').map((t) => electronZipName('45.5.0', t))).toEqual(['electron-v45.5.0-linux-x64.zip', 'electron-v45.5.0-linux-arm64.zip']);
    expect(configuredTargets('linux', ['arm64']).map((t) => electronZipName('45.5.0', t))).toEqual(['electron-v45.5.0-linux-arm64.zip']);
    expect(configuredTargets('win').map((t) => electronZipName('45.5.0', t))).toEqual(['electron-v45.5.0-win32-x64.zip']);
  });

  it('looks in ELECTRON_ZIP_DIR, ELECTRON_CACHE, then Electron’s download cache', () => {
    const env = { ELECTRON_ZIP_DIR: '/media/usb/electron', ELECTRON_CACHE: '/srv/cache/electron' };
    expect(zipSearchDirs(env, 'linux', '/home/clerk')).toEqual(['/media/usb/electron', '/srv/cache/electron', '/home/clerk/.cache/electron']);
    expect(zipSearchDirs({}, 'linux', '/home/clerk')).toEqual(['/home/clerk/.cache/electron']);
    expect(defaultElectronCache({ XDG_CACHE_HOME: '/var/cache/me' }, 'linux', '/home/clerk')).toBe('/var/cache/me/electron');
    expect(defaultElectronCache({ LOCALAPPDATA: 'C:\\Users\\it\\AppData\\Local' }, 'win32', 'C:\\Users\\it')).toBe(path.join('C:\\Users\\it\\AppData\\Local', 'electron', 'Cache'));
  });

  it('explains a missing zip in Chinese and English', () => {
    const message = missingZipMessage('45.5.0', ['electron-v45.5.0-linux-arm64.zip'], [], ['/home/clerk/.cache/electron'], 'github.com');
    expect(message).toContain('无法取得 Electron 45.5.0');
    expect(message).toContain('electron-v45.5.0-linux-arm64.zip');
    expect(message).toContain('ELECTRON_ZIP_DIR');
    expect(message).toContain('cannot be reached');
  });
});
