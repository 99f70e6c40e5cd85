import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.ts';
import { checkFile, isCorruptionError, runCheck } from '../db/integrity.ts';
import type { RegistryDatabase } from '../db/registry-database.ts';
import { makeFilePrivate } from '../files/private-paths.ts';
import { commitTemporaryFile, temporaryPathFor } from '../files/write-file-atomic.ts';
import { localStamp } from './backup-names.ts';
import { createBackup, isDiskFull } from './backup-service.ts';

/** Tables every registry database has had since version 1: a file without them is not a registry. */
const REGISTRY_TABLES = ['units', 'personnel', 'certificates', 'operations', 'change_log', 'settings'];

export interface RestoreOutcome {
  /** The name of the backup the current database was saved to first (when it was sound). */
  safetyBackup: string | null;
  /** Where the damaged database was moved to instead (when it was not). */
  damagedCopy: string | null;
  /** The restored file's version before the program upgraded it (if it did). */
  restoredVersion: number;
}

/**
 * Checks a file offered for restore, without writing to it: a sound SQLite file (integrity_check),
 * of a registry, of a version this program can read. Throws AppError in the clerk's words.
 */
export function verifyRestoreSource(file: string, label: string, latestVersion: number): number {
  let health;
  try {
    health = checkFile(file, 'full');
  } catch (err) {
    throw new AppError('FILE_UNREADABLE', `无法读取“${label}”：${isCorruptionError(err) ? '文件已损坏' : '文件无法打开'}。请选择其他备份。`);
  }
  if (health.state === 'empty') throw new AppError('FILE_UNREADABLE', `“${label}”是空文件（0 字节），不能用来恢复。请选择其他备份。`);
  if (health.state === 'unreadable') throw new AppError('FILE_UNREADABLE', `“${label}”不是执法台账的数据库文件，或已损坏到无法读取。请选择其他备份。`);
  if (health.state === 'damaged') throw new AppError('FILE_UNREADABLE', `“${label}”未通过完整性检查（${health.details.length} 处问题），不能用来恢复。请选择更早的备份。`);
  if (health.userVersion > latestVersion) {
    throw new AppError('DATABASE_NEWER', `“${label}”由更新版本的程序创建（数据库版本 ${health.userVersion}，本程序只支持到 ${latestVersion}）。请先安装新版本程序再恢复。`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]);
    if (health.userVersion < 1 || REGISTRY_TABLES.some((t) => !tables.has(t))) {
      throw new AppError('FILE_UNREADABLE', `“${label}”是一个数据库文件，但不是执法台账的数据库。请选择执法台账的备份。`);
    }
  } finally {
    db.close();
  }
  return health.userVersion;
}

function moveAside(file: string, target: string): void {
  for (const suffix of ['-wal', '-shm', '']) {
    if (fs.existsSync(`${file}${suffix}`)) fs.renameSync(`${file}${suffix}`, `${target}${suffix}`);
  }
}

/**
 * Replaces the registry's database with a backup, while the program runs:
 * 1. the backup is verified (integrity_check) and copied beside the database through SQLite's
 *    backup API into a temporary file, which is checked again;
 * 2. the current database is backed up first (verified, reason before-restore), or, when it is
 *    damaged, moved aside untouched as registry-damaged-<time>.sqlite3 in the data folder;
 * 3. the connection is closed, the temporary file renamed into place, and the database opened
 *    again as at start (checked, and upgraded if the backup came from an older version).
 * The undo history lives in the database, so the restored registry has its own history, whole.
 * Nothing is replaced when any step before the rename fails.
 */
export async function restoreDatabase(registry: RegistryDatabase, source: string, label: string, now = new Date()): Promise<RestoreOutcome> {
  if (registry.maintenance) throw new AppError('CONFLICT', registry.maintenance);
  const restoredVersion = verifyRestoreSource(source, label, registry.latestVersion);
  const temp = temporaryPathFor(registry.file);
  const cleanTemp = () => {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(`${temp}${suffix}`, { force: true });
  };
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(temp);
    } finally {
      from.close();
    }
    makeFilePrivate(temp);
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
      if (runCheck(copy, 'quick').length > 0) throw new AppError('DATABASE_ERROR', `从“${label}”复制出的数据未通过检查，恢复已取消，当前数据库没有改变。`);
    } finally {
      copy.close();
    }
  } catch (err) {
    cleanTemp();
    if (isDiskFull(err)) throw new AppError('DATABASE_ERROR', '磁盘空间不足，恢复已取消，当前数据库没有改变。请清理磁盘空间后重试。');
    throw err;
  }

  let safetyBackup: string | null = null;
  let damagedCopy: string | null = null;
  const wasSound = registry.writable;
  if (wasSound) {
    try {
      safetyBackup = (await createBackup(registry.db, registry.backupDir, 'before-restore', { now })).name;
    } catch (err) {
      cleanTemp();
      throw err;
    }
  }

  registry.maintenance = '正在从备份恢复数据库，请稍候……';
  registry.close();
  try {
    if (wasSound && fs.existsSync(`${registry.file}-wal`)) {
      // SQLite removes the write-ahead log when the last connection closes: another program still has the file open.
      throw new AppError('CONFLICT', '数据库正被另一个程序使用（例如命令行导入，或另一个执法台账窗口），恢复已取消，当前数据库没有改变。请先关闭它，再恢复。');
    }
    if (wasSound) {
      fs.rmSync(`${registry.file}-shm`, { force: true });
    } else {
      damagedCopy = path.join(path.dirname(registry.file), `registry-damaged-${localStamp(now)}.sqlite3`);
      moveAside(registry.file, damagedCopy);
    }
    commitTemporaryFile(temp, registry.file);
  } catch (err) {
    cleanTemp();
    // Never leave the folder without its database: an absent file would open as a new, empty registry.
    if (damagedCopy && !fs.existsSync(registry.file)) moveAside(damagedCopy, registry.file);
    registry.maintenance = null;
    await registry.open();
    throw err;
  }
  registry.maintenance = null;
  await registry.open();
  return { safetyBackup, damagedCopy, restoredVersion };
}
