import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import dns from 'node:dns/promises';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import config from './builder-config.ts';
import type { PackageArch, PackagePlatform, PackageTarget } from './package-layout.ts';

/**
 * `npm run dist [-- --win|--linux] [--x64|--arm64] [--dir]`: builds the program (npm run build),
 * then the installers with electron-builder (builder-config.ts). Without a platform flag, the
 * platform this machine is (Linux: the .deb and AppImage files; Windows: the installer and the
 * portable .exe). Windows installers can be made on Linux with Wine.
 *
 * electron-builder needs Electron's zip for every platform and arch it packages. This script
 * looks for them first — ELECTRON_ZIP_DIR, then ELECTRON_CACHE, then Electron's download cache —
 * checks each against the SHA-256 sums the electron npm package ships, and hands the folder to
 * electron-builder (electronDist), so an offline machine packages without any download. When a
 * zip is missing and the download site cannot be reached it stops with a clear message (exit 2).
 *
 * `npm run dist:check` (`--check`): packages this machine's platform and arch as a folder only
 * (electron-builder --dir) into a temporary folder, where the afterPack check of
 * builder-config.ts runs, and checks the fuses. It needs the Electron zip: where there is none
 * it prints why it skipped and exits 0 (`--require-zip` makes that exit 1).
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const localRequire = createRequire(import.meta.url);

export type BuilderPlatform = 'win' | 'linux';
const ELECTRON_PLATFORM: Record<BuilderPlatform, PackagePlatform> = { win: 'win32', linux: 'linux' };

export function electronVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

/** SHA-256 of every Electron release file, as the electron npm package ships them (checksums.json). */
export function electronChecksums(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'checksums.json'), 'utf8')) as Record<string, string>;
}

/** The platform/arch pairs the configuration builds for one platform, narrowed by --x64/--arm64. */
export function configuredTargets(platform: BuilderPlatform, archFilter: readonly PackageArch[] = []): PackageTarget[] {
  const arches = new Set<PackageArch>();
  for (const target of config[platform].target) for (const arch of target.arch) arches.add(arch);
  return [...arches].filter((arch) => archFilter.length === 0 || archFilter.includes(arch)).map((arch) => ({ platform: ELECTRON_PLATFORM[platform], arch }));
}

export function electronZipName(version: string, target: PackageTarget): string {
  return `electron-v${version}-${target.platform}-${target.arch}.zip`;
}

/** Electron's download cache (@electron/get, as electron-builder uses it): Electron zips sit in hashed sub-folders. */
export function defaultElectronCache(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  return path.join(env['XDG_CACHE_HOME'] ?? path.join(home, '.cache'), 'electron');
}

/** Where the zips are looked for, in order. */
export function zipSearchDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string[] {
  const dirs = [env['ELECTRON_ZIP_DIR'], env['ELECTRON_CACHE'], defaultElectronCache(env, platform, home)].filter((dir): dir is string => !!dir);
  return [...new Set(dirs.map((dir) => path.resolve(dir)))];
}

function sha256(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export interface ZipSearch {
  /** zip name → the file found, checksum verified */
  found: Map<string, string>;
  missing: string[];
  /** files found whose checksum does not match: a broken download or another build */
  corrupt: string[];
}

/** Finds each zip in the folders or one level below them (the cache's hashed folders). */
export function findElectronZips(names: readonly string[], dirs: readonly string[], checksums: Record<string, string>): ZipSearch {
  const found = new Map<string, string>();
  const corrupt: string[] = [];
  const candidates = (dir: string): string[] => {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
    const subdirs = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
    return [dir, ...subdirs];
  };
  for (const name of names) {
    for (const dir of dirs.flatMap(candidates)) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      if (sha256(file) === checksums[name]) {
        found.set(name, file);
        break;
      }
      corrupt.push(file);
    }
  }
  return { found, missing: names.filter((name) => !found.has(name)), corrupt };
}

/** One folder holding every zip, as electronDist wants: theirs when they share one, else a folder of links. */
export function electronDistFolder(found: Map<string, string>): string {
  const folders = new Set([...found.values()].map((file) => path.dirname(file)));
  if (folders.size === 1) return [...folders][0] as string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-electron-zips-'));
  for (const [name, file] of found) {
    try {
      fs.symlinkSync(file, path.join(dir, name));
    } catch {
      fs.copyFileSync(file, path.join(dir, name));
    }
  }
  return dir;
}

/** Whether the Electron download site (or ELECTRON_MIRROR) answers at all, within a few seconds. */
export async function canReachDownloadSite(env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<{ host: string; reachable: boolean }> {
  let host = 'github.com';
  let port = 443;
  try {
    if (env['ELECTRON_MIRROR']) {
      const url = new URL(env['ELECTRON_MIRROR']);
      host = url.hostname;
      port = Number(url.port) || (url.protocol === 'http:' ? 80 : 443);
    }
  } catch {
    // not a URL: try the default site
  }
  try {
    const { address } = await dns.lookup(host);
    const reachable = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: address, port, timeout: timeoutMs });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(false));
    });
    return { host, reachable };
  } catch {
    return { host, reachable: false };
  }
}

export function missingZipMessage(version: string, missing: readonly string[], corrupt: readonly string[], dirs: readonly string[], host: string): string {
  return [
    '',
    `无法取得 Electron ${version} 的程序包，没有生成安装程序。`,
    `缺少：${missing.join('、')}`,
    ...(corrupt.length > 0 ? [`校验不符（文件损坏或版本不对，已忽略）：${corrupt.join('、')}`] : []),
    `查找过的文件夹：${dirs.join('；') || '（无）'}`,
    `本机无法连接 ${host}（离线或内网电脑属正常情况）。请在能上网的电脑上从 https://github.com/electron/electron/releases/tag/v${version} 下载上述文件，`,
    '放进同一个文件夹，再运行：ELECTRON_ZIP_DIR=<该文件夹> npm run dist（Windows 命令提示符：set ELECTRON_ZIP_DIR=<该文件夹> 后运行 npm run dist）。',
    '步骤详见 README 的 “Packaging the installers” 一节（Building on an offline machine）。',
    '',
    `The Electron ${version} zip(s) above could not be found locally, and ${host} cannot be reached from this machine.`,
    'Download them on a machine with internet access, put them in one folder and run: ELECTRON_ZIP_DIR=<folder> npm run dist',
    'See the README, "Packaging the installers".',
    '',
  ].join('\n');
}

const TOOLSET_HINT = [
  '',
  'electron-builder 在首次生成 deb、AppImage 或 Windows 安装程序时，还要下载打包工具（fpm、AppImage 工具、NSIS、7-Zip）。',
  '离线电脑上：把一台已成功运行过 npm run dist 的电脑上的缓存文件夹 ~/.cache/electron-builder（Windows：%LOCALAPPDATA%\\electron-builder\\Cache）',
  '复制到本机同一位置，或设置 ELECTRON_BUILDER_CACHE 指向它。详见 README 的 “Packaging the installers” 一节。',
  'On first use electron-builder also downloads its packaging tools (fpm, AppImage tools, NSIS, 7-Zip); offline, copy its cache',
  '(~/.cache/electron-builder) from a machine where npm run dist has run, or point ELECTRON_BUILDER_CACHE at it. See the README.',
  '',
].join('\n');

/** Runs a command with its output passed through, keeping the last part to look for network errors. */
function run(command: string, args: readonly string[], options: { cwd?: string } = {}): Promise<{ code: number; tail: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, stdio: ['inherit', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      keep(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      keep(chunk);
    });
    child.on('error', (err) => resolve({ code: 127, tail: String(err) }));
    child.on('close', (code) => resolve({ code: code ?? 1, tail }));
  });
}

function npmRunBuild(): Promise<{ code: number; tail: string }> {
  const npmCli = process.env['npm_execpath'];
  if (npmCli && /\.c?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', 'build']);
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
}

function electronBuilder(args: readonly string[]): Promise<{ code: number; tail: string }> {
  const cli = localRequire.resolve('electron-builder/cli.js');
  return run(process.execPath, [cli, '--config', 'electron-builder.ts', '--publish', 'never', ...args]);
}

export interface DistArgs {
  check: boolean;
  requireZip: boolean;
  dir: boolean;
  platforms: BuilderPlatform[];
  arches: PackageArch[];
}

export function parseDistArgs(argv: readonly string[], hostPlatform: NodeJS.Platform = process.platform): DistArgs {
  const known = new Set(['--check', '--require-zip', '--dir', '--win', '--windows', '--linux', '--x64', '--arm64']);
  const unknown = argv.filter((arg) => !known.has(arg));
  if (unknown.length > 0) throw new Error(`不认识的参数（unknown option）：${unknown.join(' ')}。用法（usage）：npm run dist [-- --win|--linux] [--x64|--arm64] [--dir]`);
  const platforms: BuilderPlatform[] = [];
  if (argv.includes('--win') || argv.includes('--windows')) platforms.push('win');
  if (argv.includes('--linux')) platforms.push('linux');
  if (platforms.length === 0) {
    if (hostPlatform === 'win32') platforms.push('win');
    else if (hostPlatform === 'linux') platforms.push('linux');
    else throw new Error('本项目没有 macOS 安装程序；请用 --win 或 --linux 指定（no macOS target: pass --win or --linux）');
  }
  const arches = (['x64', 'arm64'] as const).filter((arch) => argv.includes(`--${arch}`));
  return { check: argv.includes('--check'), requireZip: argv.includes('--require-zip'), dir: argv.includes('--dir'), platforms, arches };
}

function nodeIsRecentEnough(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

function wineAvailable(): boolean {
  return spawnSync('wine', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function dist(args: DistArgs): Promise<number> {
  const version = electronVersion();
  const targets = args.platforms.flatMap((platform) => configuredTargets(platform, args.arches));
  if (targets.length === 0) {
    process.stderr.write('所选平台没有这种架构的安装程序（no target for that platform and architecture）\n');
    return 2;
  }
  if (args.platforms.includes('win') && process.platform !== 'win32' && !args.dir && !wineAvailable()) {
    process.stderr.write(
      [
        '在 Linux 上生成 Windows 安装程序需要 Wine（electron-builder 用它生成卸载程序）：sudo apt-get install wine，然后重试；',
        '或者只生成程序文件夹：npm run dist -- --win --dir。',
        'Building the Windows installers on Linux needs Wine (sudo apt-get install wine), or use --dir for the program folder only.',
        '',
      ].join('\n'),
    );
    return 2;
  }

  const names = targets.map((target) => electronZipName(version, target));
  const dirs = zipSearchDirs();
  const search = findElectronZips(names, dirs, electronChecksums());
  const builderArgs = [...args.platforms.map((p) => `--${p}`), ...args.arches.map((a) => `--${a}`), ...(args.dir ? ['--dir'] : [])];
  if (search.missing.length === 0) {
    const folder = electronDistFolder(search.found);
    process.stdout.write(`使用本地的 Electron 程序包（local Electron zips）：${folder}\n`);
    builderArgs.push(`-c.electronDist=${folder}`);
  } else {
    const site = await canReachDownloadSite();
    if (!site.reachable) {
      process.stderr.write(missingZipMessage(version, search.missing, search.corrupt, dirs, site.host));
      return 2;
    }
    process.stdout.write(`本地没有 ${search.missing.join('、')}，electron-builder 将从 ${site.host} 下载。\n`);
  }

  const build = await npmRunBuild();
  if (build.code !== 0) return build.code;
  const packaged = await electronBuilder(builderArgs);
  if (packaged.code !== 0) {
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|github\.com/.test(packaged.tail)) process.stderr.write(TOOLSET_HINT);
    return packaged.code;
  }
  process.stdout.write(`\n安装程序在 ${path.join(ROOT, config.directories.output)}（installers are in release/）。\n`);
  return 0;
}

function unpackedDirName(target: PackageTarget): string {
  const key = target.platform === 'win32' ? 'win' : 'linux';
  return target.arch === 'x64' ? `${key}-unpacked` : `${key}-${target.arch}-unpacked`;
}

/** The fuses the configuration asks for, compared with those in a packaged executable. */
export async function fuseProblems(executable: string): Promise<string[]> {
  const fuses = localRequire('@electron/fuses') as typeof import('@electron/fuses');
  const wire = (await fuses.getCurrentFuseWire(executable)) as unknown as Record<string, number>;
  const wanted: Record<string, boolean | undefined> = config.electronFuses;
  const index: Record<string, number> = {
    runAsNode: fuses.FuseV1Options.RunAsNode,
    enableCookieEncryption: fuses.FuseV1Options.EnableCookieEncryption,
    enableNodeOptionsEnvironmentVariable: fuses.FuseV1Options.EnableNodeOptionsEnvironmentVariable,
    enableNodeCliInspectArguments: fuses.FuseV1Options.EnableNodeCliInspectArguments,
    enableEmbeddedAsarIntegrityValidation: fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
    onlyLoadAppFromAsar: fuses.FuseV1Options.OnlyLoadAppFromAsar,
    grantFileProtocolExtraPrivileges: fuses.FuseV1Options.GrantFileProtocolExtraPrivileges,
  };
  const problems: string[] = [];
  for (const [name, value] of Object.entries(wanted)) {
    const position = index[name];
    if (value === undefined || position === undefined) continue;
    const state = wire[String(position)];
    if (state !== (value ? 0x31 : 0x30)) problems.push(`fuse ${name} is ${state === 0x31 ? 'on' : state === 0x30 ? 'off' : String(state)}, expected ${value ? 'on' : 'off'}`);
  }
  return problems;
}

async function check(args: DistArgs): Promise<number> {
  const skip = (reason: string): number => {
    process.stdout.write(`dist:check 跳过（skipped）：${reason}\n`);
    return args.requireZip ? 1 : 0;
  };
  const platform: BuilderPlatform | null = process.platform === 'win32' ? 'win' : process.platform === 'linux' ? 'linux' : null;
  const arch = process.arch === 'x64' || process.arch === 'arm64' ? process.arch : null;
  if (!platform || !arch) return skip(`本机（${process.platform}-${process.arch}）不是本项目的打包目标（not a target platform）`);
  const target: PackageTarget = { platform: ELECTRON_PLATFORM[platform], arch };
  const version = electronVersion();
  const name = electronZipName(version, target);
  const dirs = zipSearchDirs();
  const search = findElectronZips([name], dirs, electronChecksums());
  if (search.missing.length > 0) {
    const corrupt = search.corrupt.length > 0 ? `；校验不符而忽略（checksum mismatch, ignored）：${search.corrupt.join('、')}` : '';
    return skip(
      `没有 ${name}（no local Electron zip），查找过（looked in）：${dirs.join('；')}${corrupt}。设置 ELECTRON_ZIP_DIR 指向含此文件的文件夹即可运行此检查（set ELECTRON_ZIP_DIR to run it）。`,
    );
  }

  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-dist-check-'));
  try {
    const build = await npmRunBuild();
    if (build.code !== 0) return build.code;
    const packaged = await electronBuilder([`--${platform}`, 'dir', `--${arch}`, `-c.electronDist=${electronDistFolder(search.found)}`, `-c.directories.output=${out}`]);
    if (packaged.code !== 0) {
      process.stderr.write('dist:check 失败（failed）：electron-builder --dir 没有成功，见上面的输出。\n');
      return 1;
    }
    const appOutDir = path.join(out, unpackedDirName(target));
    const executable = path.join(appOutDir, platform === 'win' ? `${config.productName}.exe` : config.linux.executableName);
    const problems = await fuseProblems(executable);
    if (problems.length > 0) {
      process.stderr.write(`dist:check 失败（failed）：\n  ${problems.join('\n  ')}\n`);
      return 1;
    }
    process.stdout.write(`dist:check 通过（passed）：${target.platform}-${target.arch} 程序文件夹内容完整，熔断开关（fuses）符合配置。\n`);
    return 0;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  if (!nodeIsRecentEnough()) {
    process.stderr.write(`打包需要 Node.js 22.12 或更新版本，当前是 ${process.versions.node}；请通过 npm run dist 运行（它使用项目自带的 Node 24）。Packaging needs Node.js 22.12 or newer.\n`);
    process.exit(2);
  }
  let args: DistArgs;
  try {
    args = parseDistArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  process.exit(await (args.check ? check(args) : dist(args)));
}
