import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../electron-builder.ts';
import { nativeBinaryTarget, sqlitePrebuild, type PackageArch, type PackageTarget } from '../../electron/tools/package-layout.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * Every installer needs better-sqlite3's binary for its own platform and architecture. This asks
 * the installed better-sqlite3 itself (lib/binding.js, with process.platform and process.arch set
 * to the target's) which file it would load, and checks the file is there and was compiled for
 * that target. A target whose binary is missing would install a program that cannot open its
 * database.
 */

/** Every platform/arch the configuration packages, once each. */
const TARGETS: PackageTarget[] = [];
for (const os of ['win', 'linux'] as const) {
  for (const arch of config[os].target.flatMap((target) => target.arch as PackageArch[])) {
    const platform = os === 'win' ? 'win32' : 'linux';
    if (!TARGETS.some((t) => t.platform === platform && t.arch === arch)) TARGETS.push({ platform, arch });
  }
}
const BINDING = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'lib', 'binding.js');

/** The prebuilt binary better-sqlite3's loader picks on a platform/arch, asked in a child process. */
function prebuildChosenFor(target: PackageTarget): string | null {
  const script = [
    `Object.defineProperty(process, 'platform', { value: ${JSON.stringify(target.platform)} });`,
    `Object.defineProperty(process, 'arch', { value: ${JSON.stringify(target.arch)} });`,
    `process.stdout.write(JSON.stringify(require(${JSON.stringify(BINDING)}).getPrebuildPath()));`,
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as string | null;
}

describe('better-sqlite3 binaries for the installers', () => {
  it('covers every target of the configuration', () => {
    expect(TARGETS).toEqual([
      { platform: 'win32', arch: 'x64' },
      { platform: 'linux', arch: 'x64' },
      { platform: 'linux', arch: 'arm64' },
    ]);
  });

  it.each(TARGETS)('finds the binary for $platform-$arch, compiled for it', (target) => {
    const chosen = prebuildChosenFor(target);
    expect(chosen, `better-sqlite3 has no prebuilt binary for ${target.platform}-${target.arch}`).not.toBeNull();
    const packageDir = fs.realpathSync(path.join(REPO_ROOT, 'node_modules', 'better-sqlite3'));
    expect(
      `node_modules/better-sqlite3/${path
        .relative(packageDir, fs.realpathSync(chosen as string))
        .split(path.sep)
        .join('/')}`,
    ).toBe(sqlitePrebuild(target));
    expect(fs.existsSync(chosen as string)).toBe(true);
    expect(nativeBinaryTarget(fs.readFileSync(chosen as string))).toEqual(target);
  });
});
