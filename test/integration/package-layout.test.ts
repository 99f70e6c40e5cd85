import fs from 'node:fs';
import path from 'node:path';
import { createPackageWithOptions } from '@electron/asar';
import { describe, expect, it } from 'vitest';
import { nativeBinaryTarget, packagedAppProblems, packageTargetOf, sqlitePrebuild, unloadableRuntimePackages, type PackageTarget } from '../../electron/tools/package-layout.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * The check electron-builder runs on every packaged program (afterPack in builder-config.ts), on
 * real ASAR archives built here the way electron-builder lays them out: resources/app.asar with
 * the native binary and the parse worker unpacked beside it.
 */

const LINUX_X64: PackageTarget = { platform: 'linux', arch: 'x64' };
const PREBUILDS = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'prebuilds');

interface AppOptions {
  prebuilds?: string[];
  extraFiles?: Record<string, string>;
  mainRequires?: string[];
  omit?: string[];
}

/** A packaged program folder: the app's files packed into resources/app.asar, *.node and the parse worker unpacked. */
async function packagedApp(options: AppOptions = {}): Promise<string> {
  const src = tempDir('registry-app-src-');
  const write = (file: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
    fs.writeFileSync(path.join(src, file), content);
  };
  const requires = options.mainRequires ?? ['node:path', 'electron', 'tiny'];
  const files: Record<string, string> = {
    'package.json': '{"name":"enforcement-registry","main":"dist/electron/main.cjs"}',
    'dist/electron/main.cjs': requires.map((spec) => `require("${spec}");`).join('\n'),
    'dist/electron/preload.cjs': '',
    'dist/electron/parse-worker.cjs': '',
    'dist/renderer/index.html': '<!doctype html>',
    'node_modules/better-sqlite3/package.json': '{"name":"better-sqlite3","main":"lib/index.js"}',
    'node_modules/better-sqlite3/lib/index.js': '',
    'node_modules/better-sqlite3/lib/binding.js': '',
    'node_modules/tiny/package.json': '{"name":"tiny","main":"index.js"}',
    'node_modules/tiny/index.js': 'module.exports = 1;',
    ...options.extraFiles,
  };
  for (const name of fs.readdirSync(path.join(REPO_ROOT, 'migrations'))) files[`migrations/${name}`] = '';
  for (const [file, content] of Object.entries(files)) if (!options.omit?.includes(file)) write(file, content);
  for (const name of options.prebuilds ?? ['linux-x64.node']) write(`node_modules/better-sqlite3/prebuilds/${name}`, fs.readFileSync(path.join(PREBUILDS, name)));

  const appOutDir = tempDir('registry-app-out-');
  fs.mkdirSync(path.join(appOutDir, 'resources'));
  await createPackageWithOptions(src, path.join(appOutDir, 'resources', 'app.asar'), { unpack: '{*.node,parse-worker.cjs}' });
  return appOutDir;
}

describe('the packaged-program check', () => {
  it('passes a complete program', async () => {
    const app = await packagedApp();
    expect(packagedAppProblems(app, LINUX_X64, REPO_ROOT)).toEqual([]);
    expect(unloadableRuntimePackages(app)).toEqual([]);
  });

  it('fails a program without its better-sqlite3 binary, or with another platform’s', async () => {
    const app = await packagedApp({ prebuilds: ['linux-arm64.node', 'win32-x64.node'] });
    expect(packagedAppProblems(app, LINUX_X64, REPO_ROOT)).toEqual([
      `better-sqlite3's binary for linux-x64 is missing (${sqlitePrebuild(LINUX_X64)})`,
      "app.asar carries another platform's binary: node_modules/better-sqlite3/prebuilds/linux-arm64.node",
      "app.asar carries another platform's binary: node_modules/better-sqlite3/prebuilds/win32-x64.node",
    ]);
  });

  it('fails a program with source maps, sources or a missing migration', async () => {
    const app = await packagedApp({ extraFiles: { 'dist/electron/main.cjs.map': '{}', 'renderer/main.tsx': '' }, omit: ['migrations/0001_initial_schema.sql'] });
    expect(packagedAppProblems(app, LINUX_X64, REPO_ROOT)).toEqual([
      'app.asar lacks migrations/0001_initial_schema.sql',
      'app.asar holds the source map dist/electron/main.cjs.map',
      'app.asar holds renderer, which the program does not need',
      'app.asar holds renderer/main.tsx, which the program does not need',
    ]);
  });

  it('fails a program whose parse worker stayed inside the archive', async () => {
    const app = await packagedApp();
    fs.rmSync(path.join(app, 'resources', 'app.asar.unpacked', 'dist'), { recursive: true });
    expect(packagedAppProblems(app, LINUX_X64, REPO_ROOT)).toEqual(['dist/electron/parse-worker.cjs is not unpacked into app.asar.unpacked']);
  });

  it('names a runtime package the file filters cut short', async () => {
    const app = await packagedApp({ extraFiles: { 'node_modules/tiny/index.js': "module.exports = require('./lib/doc/workbook');" } });
    expect(unloadableRuntimePackages(app)).toEqual([expect.stringMatching(/^the packaged program cannot load tiny: Cannot find module '\.\/lib\/doc\/workbook'/)]);
  });

  it('reads the platform and CPU of native binaries', () => {
    for (const name of fs.readdirSync(PREBUILDS).filter((n) => /^(win32|linux)-(x64|arm64)\.node$/.test(n))) {
      const [platform, arch] = name.replace('.node', '').split('-');
      expect(nativeBinaryTarget(fs.readFileSync(path.join(PREBUILDS, name))), name).toEqual({ platform, arch });
    }
    expect(nativeBinaryTarget(new TextEncoder().encode('not a binary'))).toEqual({ platform: 'unknown', arch: 'unknown' });
  });

  it('maps electron-builder’s arch numbers to targets', () => {
    expect(packageTargetOf('win32', 1)).toEqual({ platform: 'win32', arch: 'x64' });
    expect(packageTargetOf('linux', 3)).toEqual({ platform: 'linux', arch: 'arm64' });
    expect(() => packageTargetOf('darwin', 1)).toThrow(/not a target/);
  });
});
