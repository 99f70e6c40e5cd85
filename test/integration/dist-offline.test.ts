import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronDistFolder, electronVersion, findElectronZips } from '../../electron/tools/dist.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * How `npm run dist` finds Electron's zips offline, on real files: checksums verified, the
 * cache's hashed sub-folders searched, and `npm run dist:check` skipping with its reason where no
 * zip is present (as on this build machine, which cannot download Electron).
 */

function zip(dir: string, name: string, content: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), content);
  return crypto.createHash('sha256').update(content).digest('hex');
}

describe('finding the Electron zips', () => {
  it('finds them in a folder or in a cache’s hashed sub-folder, verified by checksum', () => {
    const usb = tempDir();
    const cache = tempDir();
    const checksums = {
      'electron-v45.5.0-linux-x64.zip': zip(usb, 'electron-v45.5.0-linux-x64.zip', 'x64'),
      'electron-v45.5.0-linux-arm64.zip': zip(path.join(cache, '3f1a9c'), 'electron-v45.5.0-linux-arm64.zip', 'arm64'),
    };
    const search = findElectronZips(Object.keys(checksums), [usb, cache], checksums);
    expect(search.missing).toEqual([]);
    expect(search.found.get('electron-v45.5.0-linux-arm64.zip')).toBe(path.join(cache, '3f1a9c', 'electron-v45.5.0-linux-arm64.zip'));

    // Two folders: electron-builder gets one folder holding both.
    const folder = electronDistFolder(search.found);
    expect(fs.readdirSync(folder).sort()).toEqual(['electron-v45.5.0-linux-arm64.zip', 'electron-v45.5.0-linux-x64.zip']);
    expect(fs.readFileSync(path.join(folder, 'electron-v45.5.0-linux-arm64.zip'), 'utf8')).toBe('arm64');
    expect(electronDistFolder(new Map([...search.found].slice(0, 1)))).toBe(usb);
  });

  it('ignores a zip whose checksum does not match, and says so', () => {
    const usb = tempDir();
    zip(usb, 'electron-v45.5.0-win32-x64.zip', 'truncated download');
    const search = findElectronZips(['electron-v45.5.0-win32-x64.zip'], [usb], { 'electron-v45.5.0-win32-x64.zip': '0'.repeat(64) });
    expect(search.missing).toEqual(['electron-v45.5.0-win32-x64.zip']);
    expect(search.corrupt).toEqual([path.join(usb, 'electron-v45.5.0-win32-x64.zip')]);
  });

  it('checks against the checksums the electron package ships', () => {
    const sums = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'checksums.json'), 'utf8')) as Record<string, string>;
    for (const name of ['win32-x64', 'linux-x64', 'linux-arm64']) expect(sums[`electron-v${electronVersion()}-${name}.zip`]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('npm run dist:check without an Electron zip', () => {
  const run = (args: string[]) => {
    const empty = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: empty, XDG_CACHE_HOME: path.join(empty, 'cache'), LOCALAPPDATA: path.join(empty, 'local'), ELECTRON_ZIP_DIR: path.join(empty, 'zips') };
    delete env['ELECTRON_CACHE'];
    return spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron', 'tools', 'dist.ts'), ...args], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  };

  it('skips with the reason and exit code 0', () => {
    const result = run(['--check']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/dist:check 跳过（skipped）：没有 electron-v[\d.]+-\w+-\w+\.zip/);
    expect(result.stdout).toContain('ELECTRON_ZIP_DIR');
  });

  it('fails instead when the zip is required', () => {
    expect(run(['--check', '--require-zip']).status).toBe(1);
  });
});
