import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Files the app keeps for itself (database, backups, staged files, the log): the owner only. */
export const PRIVATE_FILE_MODE = 0o600;
/** A file saved where the clerk chose (a PDF on the desktop): the usual mode, narrowed by the umask. */
export const USER_FILE_MODE = 0o666;

const TEMP_SUFFIX = '.tmp';
/** A temporary file, or SQLite's journal beside a temporary database copy. */
const TEMPORARY = /^\..+\.tmp(?:-journal|-wal|-shm)?$/;

/**
 * The temporary name a file is written under before it is renamed into place: in the same folder
 * (a rename across file systems is not atomic), hidden, random, and recognisable by the sweep.
 */
export function temporaryPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** Flushes a folder's entry list, so a rename survives a power cut. Not possible (nor needed) on Windows. */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems (a FAT USB stick) refuse to sync a folder; the data itself is flushed.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Moves a finished temporary file into place: flushed first, then renamed over `file`, then the
 * folder flushed. A reader sees the old file or the whole new one, never a half-written one.
 */
export function commitTemporaryFile(temp: string, file: string): void {
  const fd = fs.openSync(temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncFolder(path.dirname(file));
}

/**
 * Writes `data` to `file` atomically: to a temporary name in the same folder, flushed to disk, then
 * renamed into place. When the disk is full (ENOSPC) or anything else fails, the temporary file is
 * removed and `file` is left as it was: never a half file. Every file the app writes goes through
 * here (exports, error workbooks, staged files) or through commitTemporaryFile (backups).
 */
export function writeFileAtomic(file: string, data: Uint8Array | string, options: { mode?: number } = {}): void {
  const temp = temporaryPathFor(file);
  try {
    fs.writeFileSync(temp, data, { mode: options.mode ?? PRIVATE_FILE_MODE, flag: 'wx' });
    commitTemporaryFile(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Like writeFileAtomic, for a file that is produced rather than held in memory (a streaming
 * workbook writer, a copy): `write` fills the temporary path, which is then flushed and renamed into
 * place; on failure it is removed. `mode` narrows the permissions (the app's own files: owner only).
 */
export async function writeFileAtomicWith(file: string, write: (tempPath: string) => Promise<void> | void, options: { mode?: number } = {}): Promise<void> {
  const temp = temporaryPathFor(file);
  try {
    await write(temp);
    if (options.mode !== undefined) fs.chmodSync(temp, options.mode);
    commitTemporaryFile(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Removes temporary files a crash left behind (`.name.random.tmp`, and SQLite's journal beside a
 * temporary database copy), when older than `olderThanMs`
 * so a write in progress in another process is never touched.
 */
export function sweepTemporaryFiles(dir: string, olderThanMs: number, now = Date.now()): number {
  let removed = 0;
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!TEMPORARY.test(entry)) continue;
    const file = path.join(dir, entry);
    try {
      if (now - fs.statSync(file).mtimeMs >= olderThanMs) {
        fs.rmSync(file, { force: true });
        removed += 1;
      }
    } catch {
      // Gone meanwhile: fine.
    }
  }
  return removed;
}
