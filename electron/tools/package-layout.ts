import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractAll, listPackage, statFile } from '@electron/asar';

/**
 * What a packaged program must contain, checked on electron-builder's output: by the `afterPack`
 * hook in builder-config.ts (every target, before it is wrapped into an installer) and by
 * `npm run dist:check`. A missing native binary or migration would only show on the clerk's PC.
 */

export type PackagePlatform = 'win32' | 'linux';
export type PackageArch = 'x64' | 'arm64';

export interface PackageTarget {
  platform: PackagePlatform;
  arch: PackageArch;
}

/** builder-util's `Arch` enum, by value (ia32 = 0, x64 = 1, armv7l = 2, arm64 = 3, universal = 4). */
const BUILDER_ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'] as const;

export function packageTargetOf(electronPlatformName: string, builderArch: number): PackageTarget {
  const arch = BUILDER_ARCH_NAMES[builderArch];
  if ((electronPlatformName !== 'win32' && electronPlatformName !== 'linux') || (arch !== 'x64' && arch !== 'arm64')) {
    throw new Error(`not a target of this project: ${electronPlatformName} ${arch ?? builderArch}`);
  }
  return { platform: electronPlatformName, arch };
}

/**
 * The binary better-sqlite3 13.2.0 loads on a platform/arch: lib/binding.js requires
 * `prebuilds/<platform>-<arch>.node` beside it (`linuxmusl-*` only on musl systems, where Electron
 * does not run), unless a locally compiled build/Release/better_sqlite3.node exists.
 */
export function sqlitePrebuild(target: PackageTarget): string {
  return `node_modules/better-sqlite3/prebuilds/${target.platform}-${target.arch}.node`;
}

/** The platform and CPU a native module was compiled for, read from its ELF or PE header. */
export function nativeBinaryTarget(bytes: Uint8Array): { platform: 'linux' | 'win32' | 'unknown'; arch: 'x64' | 'arm64' | 'unknown' } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 20 && view.getUint32(0) === 0x7f454c46) {
    // ELF: e_machine at 18, in the file's byte order (byte 5: 1 little-endian).
    const machine = view.getUint16(18, bytes[5] === 1);
    return { platform: 'linux', arch: machine === 0x3e ? 'x64' : machine === 0xb7 ? 'arm64' : 'unknown' };
  }
  if (bytes.length > 0x40 && bytes[0] === 0x4d && bytes[1] === 0x5a) {
    // PE: the "PE\0\0" signature at e_lfanew, then the COFF machine field.
    const peOffset = view.getUint32(0x3c, true);
    if (peOffset + 6 <= bytes.length && view.getUint32(peOffset) === 0x50450000) {
      const machine = view.getUint16(peOffset + 4, true);
      return { platform: 'win32', arch: machine === 0x8664 ? 'x64' : machine === 0xaa64 ? 'arm64' : 'unknown' };
    }
  }
  return { platform: 'unknown', arch: 'unknown' };
}

/** Files the program reads from its own package at run time (see electron/main.ts and backend.ts). */
export function requiredAppFiles(projectDir: string): string[] {
  const migrations = fs
    .readdirSync(path.join(projectDir, 'migrations'))
    .filter((name) => name.endsWith('.sql'))
    .map((name) => `migrations/${name}`);
  return [
    'package.json',
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/electron/parse-worker.cjs',
    'dist/renderer/index.html',
    ...migrations,
    'node_modules/better-sqlite3/package.json',
    'node_modules/better-sqlite3/lib/index.js',
    'node_modules/better-sqlite3/lib/binding.js',
  ];
}

/** Top-level entries of app.asar: the program's package.json, bundles, migrations and runtime packages. */
const ALLOWED_TOP_LEVEL = new Set(['package.json', 'dist', 'migrations', 'node_modules']);

/**
 * Everything wrong with one packaged program (electron-builder's unpacked output folder for a
 * target, e.g. release/linux-unpacked): an empty list when it is complete.
 */
export function packagedAppProblems(appOutDir: string, target: PackageTarget, projectDir: string): string[] {
  const problems: string[] = [];
  const resources = path.join(appOutDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  const unpacked = path.join(resources, 'app.asar.unpacked');
  if (!fs.existsSync(archive)) return [`resources/app.asar is missing in ${appOutDir}`];

  const entries = new Set(listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, '')));
  for (const file of requiredAppFiles(projectDir)) {
    if (!entries.has(file)) problems.push(`app.asar lacks ${file}`);
  }
  for (const entry of entries) {
    const top = entry.split('/')[0] ?? '';
    if (!ALLOWED_TOP_LEVEL.has(top)) problems.push(`app.asar holds ${entry}, which the program does not need`);
    else if (entry.endsWith('.map')) problems.push(`app.asar holds the source map ${entry}`);
  }

  const binary = sqlitePrebuild(target);
  if (!entries.has(binary)) {
    problems.push(`better-sqlite3's binary for ${target.platform}-${target.arch} is missing (${binary})`);
  } else {
    const stat = statFile(archive, binary) as { unpacked?: boolean };
    const real = path.join(unpacked, binary);
    if (!stat.unpacked || !fs.existsSync(real)) problems.push(`${binary} is not unpacked into app.asar.unpacked (native modules cannot load from inside the archive)`);
    else {
      const built = nativeBinaryTarget(fs.readFileSync(real));
      if (built.platform !== target.platform || built.arch !== target.arch) problems.push(`${binary} was compiled for ${built.platform}-${built.arch}`);
    }
  }
  for (const entry of entries) {
    if (entry.startsWith('node_modules/better-sqlite3/prebuilds/') && entry.endsWith('.node') && entry !== binary) problems.push(`app.asar carries another platform's binary: ${entry}`);
    if (entry.startsWith('node_modules/better-sqlite3/build/') && entry.endsWith('.node')) problems.push(`a locally compiled ${entry} would be loaded instead of the prebuilt binary`);
  }
  if (!fs.existsSync(path.join(unpacked, 'dist', 'electron', 'parse-worker.cjs'))) problems.push('dist/electron/parse-worker.cjs is not unpacked into app.asar.unpacked');
  return problems;
}

/**
 * The packages the main bundle requires (everything but Node's built-ins and `electron`), each
 * loaded in a child Node process from a copy of the archive: a package the file filters cut short
 * (a folder it needs at load time excluded) shows here, not on the clerk's PC. Loading a package
 * does not load better-sqlite3's native binary (that happens when a database is opened), so this
 * works for every target on any build machine.
 */
export function unloadableRuntimePackages(appOutDir: string): string[] {
  const archive = path.join(appOutDir, 'resources', 'app.asar');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-package-check-'));
  try {
    extractAll(archive, copy);
    const main = path.join(copy, 'dist', 'electron', 'main.cjs');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const specs = [...new Set([...fs.readFileSync(main, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] ?? ''))].filter((spec) => spec !== 'electron' && !builtins.has(spec));
    const probe = [
      "const { createRequire } = require('node:module');",
      'const load = createRequire(process.argv[1]);',
      'const failed = [];',
      'for (const spec of JSON.parse(process.argv[2])) {',
      '  try { load(spec); } catch (err) { failed.push(`${spec}: ${String(err && err.message).split("\\n")[0]}`); }',
      '}',
      'process.stdout.write(JSON.stringify(failed));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', probe, main, JSON.stringify(specs)], { cwd: copy, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    if (result.status !== 0) return [`could not load the packaged modules: ${result.stderr.trim().split('\n')[0] ?? ''}`];
    return (JSON.parse(result.stdout) as string[]).map((problem) => `the packaged program cannot load ${problem}`);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
