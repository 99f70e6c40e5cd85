import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.ts';
import type { BackupEntry, BackupReason } from '../../../shared/api/methods/database.ts';
import { isoDateOf } from '../../../shared/domain/dates.ts';
import { checkFile, readHeader, runCheck } from '../db/integrity.ts';
import { ensurePrivateDir, makeFilePrivate } from '../files/private-paths.ts';
import { commitTemporaryFile, sweepTemporaryFiles, temporaryPathFor } from '../files/write-file-atomic.ts';
import { backupFileName, localStamp, parseBackupName, stampDay, stampText } from './backup-names.ts';
import { backupsToKeep } from './retention.ts';

type Db = Database.Database;

/**
 * Backups through SQLite's online backup API (never a file copy of the live database), each
 * checked with integrity_check before it is given its name, kept by the retention rule.
 */

function errorCode(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
}

export function isDiskFull(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Copies the open database `db` to `destination`: into a temporary file through the backup API,
 * made self-contained (rollback journal, no -wal beside it, so the one file is the whole copy,
 * fit for a USB stick), verified with integrity_check, flushed, then renamed into place. On any
 * failure (a full disk included) the temporary file is removed and nothing is left behind.
 */
export async function writeVerifiedCopy(db: Db, destination: string): Promise<{ size: number; schemaVersion: number }> {
  const temp = temporaryPathFor(destination);
  try {
    await db.backup(temp);
    makeFilePrivate(temp);
    const copy = new Database(temp);
    let schemaVersion: number;
    try {
      copy.pragma('journal_mode = DELETE');
      const findings = runCheck(copy, 'full');
      if (findings.length > 0) throw new AppError('DATABASE_ERROR', `备份副本未通过完整性检查（${findings.length} 处问题），已删除该副本。当前数据库可能已损坏，请运行“检查数据库”。`);
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    } finally {
      copy.close();
    }
    commitTemporaryFile(temp, destination);
    return { size: fs.statSync(destination).size, schemaVersion };
  } catch (err) {
    removeWithSidecars(temp);
    if (isDiskFull(err)) throw new AppError('DATABASE_ERROR', '磁盘空间不足，备份未完成（没有留下不完整的备份文件）。请清理磁盘空间后重试。');
    throw err;
  }
}

function entryFor(dir: string, name: string): BackupEntry | null {
  const parsed = parseBackupName(name);
  if (!parsed) return null;
  const file = path.join(dir, name);
  try {
    const header = readHeader(file);
    return { name, takenAt: stampText(parsed.stamp), reason: parsed.reason, size: header.size, schemaVersion: header.isSqlite ? header.userVersion : null };
  } catch {
    return null;
  }
}

/** Every backup the program made in `dir`, newest first. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => entryFor(dir, name))
    .filter((e): e is BackupEntry => e !== null)
    .sort((a, b) => (a.takenAt === b.takenAt ? b.name.localeCompare(a.name) : b.takenAt.localeCompare(a.takenAt)));
}

/** Deletes the backups the retention rule no longer keeps; returns their names. */
export function pruneBackups(dir: string, now: Date): string[] {
  const parsed = fs
    .readdirSync(dir)
    .map(parseBackupName)
    .filter((p) => p !== null);
  const keep = backupsToKeep(parsed, isoDateOf(now));
  const removed: string[] = [];
  for (const backup of parsed) {
    if (keep.has(backup.name)) continue;
    removeWithSidecars(path.join(dir, backup.name));
    removed.push(backup.name);
  }
  return removed;
}

export interface BackupOptions {
  now?: Date;
}

/** Takes a backup into the backups folder under a new name, then prunes by the retention rule. */
export async function createBackup(db: Db, dir: string, reason: BackupReason, options: BackupOptions = {}): Promise<BackupEntry & { path: string }> {
  const now = options.now ?? new Date();
  ensurePrivateDir(dir);
  // A crash during an earlier backup may have left its temporary file; an hour-old one is no write in progress.
  sweepTemporaryFiles(dir, 3600_000, now.getTime());
  let name = backupFileName(reason, now);
  for (let attempt = 2; fs.existsSync(path.join(dir, name)); attempt += 1) name = backupFileName(reason, now, attempt);
  const file = path.join(dir, name);
  const { size, schemaVersion } = await writeVerifiedCopy(db, file);
  pruneBackups(dir, now);
  return { name, path: file, takenAt: stampText(localStamp(now)), reason, size, schemaVersion };
}

/** At start: one backup a day, taken the first time the program opens the registry that day. */
export async function ensureDailyBackup(db: Db, dir: string, now = new Date()): Promise<(BackupEntry & { path: string }) | null> {
  const today = isoDateOf(now);
  const hasToday = listBackups(dir).some((b) => {
    const parsed = parseBackupName(b.name);
    return parsed !== null && stampDay(parsed.stamp) === today;
  });
  return hasToday ? null : createBackup(db, dir, 'daily', { now });
}

/** The newest backup that opens and passes quick_check with a version this program can read. */
export function newestGoodBackup(dir: string, latestVersion: number): BackupEntry | null {
  for (const entry of listBackups(dir)) {
    if (entry.schemaVersion === null || entry.schemaVersion < 1 || entry.schemaVersion > latestVersion) continue;
    try {
      if (checkFile(path.join(dir, entry.name), 'quick').state === 'ok') return entry;
    } catch {
      // Unreadable: try the next older one.
    }
  }
  return null;
}
