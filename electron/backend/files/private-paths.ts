import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './write-file-atomic.ts';

/** The data folder and its sub-folders: only the clerk's own account may list or enter them. */
export const PRIVATE_DIR_MODE = 0o700;

/** POSIX permissions mean something on Linux and macOS; on Windows %APPDATA% is per-user by its ACL. */
const POSIX = process.platform !== 'win32';

/**
 * Creates `dir` (and missing parents) owner-only, and narrows it to owner-only when an earlier
 * version created it readable by everyone. A folder whose mode cannot be changed (a FAT USB
 * stick) is left as it is.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!POSIX) return;
  try {
    if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
  } catch {
    // Not ours to change (or not a POSIX file system): the files inside are still 0600.
  }
}

/** Narrows an existing file to owner read/write; a missing file is fine. */
export function makeFilePrivate(file: string): void {
  if (!POSIX) return;
  try {
    if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // Missing, or a file system without modes.
  }
}

/** Narrows every regular file directly inside `dir` (at start: files an older version left readable). */
export function makeFolderFilesPrivate(dir: string): void {
  if (!POSIX) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) if (entry.isFile()) makeFilePrivate(path.join(dir, entry.name));
}
