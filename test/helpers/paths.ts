import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The repository root (vitest runs from it). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'migrations');

/** A fresh temp folder, removed when the process exits. */
export function tempDir(prefix = 'registry-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
