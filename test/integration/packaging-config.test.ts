import fs from 'node:fs';
import path from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { describe, expect, it } from 'vitest';
import { LINUX_ICON_SIZES, WINDOWS_ICON_SIZES } from '../../build/make-icons.ts';
import config from '../../electron-builder.ts';
import { APP_FOLDER_NAME } from '../../electron/backend/data-dir.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * The electron-builder configuration as electron-builder loads it (electron-builder.ts), checked
 * without packaging: targets, rebuild and update settings, fuses, the files that go into the
 * archive (evaluated with electron-builder's own pattern matcher), icons, and the installers'
 * options and resources.
 */

const BUILD = path.join(REPO_ROOT, 'build');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** electron-builder's file filter for a list of patterns, with `${os}` and `${arch}` as for one target. */
function filterFor(patterns: readonly string[], os = 'linux', arch = 'x64'): (relative: string) => boolean {
  const expand = (pattern: string) => pattern.replaceAll('${os}', os).replaceAll('${arch}', arch);
  const filter = new FileMatcher(REPO_ROOT, '/packaged', expand, [...patterns]).createFilter();
  const stat = { isDirectory: () => false } as fs.Stats;
  return (relative) => filter(path.join(REPO_ROOT, relative), stat);
}

/** As electron-builder filters node_modules: everything, minus the "!" patterns of `files`. */
function nodeModulesFilterFor(os: string, arch: string): (relative: string) => boolean {
  return filterFor(['**/*', ...config.files.filter((pattern) => pattern.startsWith('!'))], os, arch);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function icoSizes(file: string): number[] {
  const bytes = fs.readFileSync(file);
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)], `${file} is an icon file`).toEqual([0, 1]);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes[6 + i * 16] || 256);
}

describe('electron-builder configuration', () => {
  it('names the program and carries no update feed', () => {
    expect(config.appId).toBe('cn.gov.yuanjiang.sfj.enforcement-registry');
    expect(config.productName).toBe('执法台账');
    expect(config.copyright).toMatch(/^Copyright © 20\d\d /);
    expect(config.publish).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/https?:\/\//);
  });

  it('builds the Windows x64 installer and portable program, and Linux .deb and AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('rebuilds nothing and fails on a missing dependency', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.allowMissingDependencies).toBe(false);
  });

  it('unpacks native binaries and the parse worker from the archive', () => {
    expect(config.asarUnpack).toEqual(['**/*.node', 'dist/electron/parse-worker.cjs']);
    expect(config).not.toHaveProperty('asar');
  });

  it('flips every fuse of the Electron security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the bundles, the interface and the migrations, and nothing else of the project', () => {
    // Platform-specific `files` would replace the list (electron-builder 26), so there is none.
    expect(config.win).not.toHaveProperty('files');
    expect(config.linux).not.toHaveProperty('files');
    const packs = filterFor(config.files);
    const migrations = fs.readdirSync(path.join(REPO_ROOT, 'migrations')).map((name) => `migrations/${name}`);
    for (const file of [
      'package.json',
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/parse-worker.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      ...migrations,
    ]) {
      expect(packs(file), file).toBe(true);
    }
    for (const file of [
      'dist/electron/main.cjs.map',
      'dist/renderer/assets/index-abc.js.map',
      'electron/main.ts',
      'renderer/main.tsx',
      'shared/api/contract.ts',
      'test/unit/layers.test.ts',
      'test/fixtures/import/x.xlsx',
      'README.md',
      'build/icon.png',
      'electron-builder.ts',
      'vite.config.ts',
      'release/x.deb',
    ]) {
      expect(packs(file), file).toBe(false);
    }
  });

  it('gives each target only its own better-sqlite3 binary and none of SQLite’s sources', () => {
    const prebuilds = fs.readdirSync(path.join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'prebuilds')).map((name) => `node_modules/better-sqlite3/prebuilds/${name}`);
    for (const [os, platform, arch] of [
      ['win', 'win32', 'x64'],
      ['win', 'win32', 'arm64'],
      ['linux', 'linux', 'x64'],
      ['linux', 'linux', 'arm64'],
    ] as const) {
      const keeps = nodeModulesFilterFor(os, arch);
      expect(prebuilds.filter(keeps), `${platform}-${arch}`).toEqual([`node_modules/better-sqlite3/prebuilds/${platform}-${arch}.node`]);
      expect(keeps('node_modules/better-sqlite3/lib/binding.js')).toBe(true);
      expect(keeps('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
      expect(keeps('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
      expect(keeps('node_modules/zod/index.js.map')).toBe(false);
      // Folders are never excluded by name: ExcelJS's code lives in lib/doc.
      expect(keeps('node_modules/exceljs/lib/doc/workbook.js')).toBe(true);
      expect(keeps('node_modules/exceljs/dist/exceljs.min.js')).toBe(false);
      expect(keeps('node_modules/xlsx/dist/cpexcel.js')).toBe(true);
    }
  });

  it('keeps Chromium’s Chinese texts', () => {
    expect(config.electronLanguages).toContain('zh-CN');
  });

  it('has icons at every size the targets need, rendered from the one SVG', () => {
    expect(fs.readFileSync(path.join(BUILD, 'icon.svg'), 'utf8')).toContain('<svg');
    expect(config.linux.icon).toBe('build/icons');
    for (const size of LINUX_ICON_SIZES) expect(pngSize(path.join(BUILD, 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
    expect(LINUX_ICON_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512, 1024]));
    expect(pngSize(path.join(BUILD, 'icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(config.win.icon).toBe('build/icon.ico');
    // 256 × 256 is what electron-builder requires of a Windows icon; the small ones keep Explorer sharp.
    expect(icoSizes(path.join(BUILD, 'icon.ico'))).toEqual([...WINDOWS_ICON_SIZES]);
  });

  it('makes a Chinese assisted NSIS installer: per-user by default, per-machine on request, shortcuts', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: '执法台账',
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
      include: 'build/installer.nsh',
      license: 'build/license_zh_CN.txt',
    });
    // Turned off, electron-builder would build an English installer despite installerLanguages.
    expect(config.nsis).not.toHaveProperty('multiLanguageInstaller', false);
    expect(config.portable.requestExecutionLevel).toBe('user');
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
  });

  it('shows a Chinese licence page and asks before deleting the data folder on uninstall (default: keep)', () => {
    const license = fs.readFileSync(path.join(REPO_ROOT, config.nsis.license));
    // makensis reads a text file without a byte-order mark in the build machine's code page.
    expect(license.subarray(0, 3)).toEqual(UTF8_BOM);
    expect(license.toString('utf8')).toContain('执法台账');
    expect(license.toString('utf8')).toContain(APP_FOLDER_NAME);

    const include = fs.readFileSync(path.join(REPO_ROOT, config.nsis.include));
    expect(include.subarray(0, 3)).toEqual(UTF8_BOM);
    const script = include.toString('utf8');
    expect(script).toContain('!macro customUnInstall');
    expect(script).toContain(`RMDir /r "$APPDATA\\${APP_FOLDER_NAME}"`);
    expect(script).toMatch(/MessageBox MB_YESNO\|MB_ICONQUESTION\|MB_DEFBUTTON2 "是否同时删除/);
    // Never on an update (the new installer runs the old uninstaller) or a silent uninstall.
    expect(script).toMatch(/\$\{ifNot\} \$\{isUpdated\}\s+\$\{andIfNot\} \$\{Silent\}/);
  });

  it('describes the Linux packages in Chinese, in the Office menu', () => {
    expect(config.linux).toMatchObject({ category: 'Office', executableName: 'enforcement-registry', maintainer: '沅江市司法局' });
    expect(config.linux.description).toMatch(/[\u4e00-\u9fff]{10}/);
    expect(config.linux.synopsis).toMatch(/[\u4e00-\u9fff]/);
    expect(config.linux.desktop.entry.Name).toBe('执法台账');
  });

  it('names the files so a clerk can tell them apart', () => {
    expect(config.nsis.artifactName).toBe('enforcement-registry-${version}-win-${arch}-setup.${ext}');
    expect(config.portable.artifactName).toBe('enforcement-registry-${version}-win-${arch}-portable.${ext}');
    expect(config.deb.artifactName).toBe('enforcement-registry_${version}_${arch}.${ext}');
    expect(config.appImage.artifactName).toBe('enforcement-registry-${version}-linux-${arch}.${ext}');
  });
});
