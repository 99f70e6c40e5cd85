import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.ts';
import { createBackup } from '../backups/backup-service.ts';
import { ensurePrivateDir, makeFilePrivate } from '../files/private-paths.ts';
import { fillNamePinyin } from '../personnel/name-pinyin.ts';
import { checkFile, DatabaseDamagedError, emptyFileHealth, hasWalContent, readHeader, unreadableHealth } from './integrity.ts';
import { latestVersion, type Migration } from './migrations.ts';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Folder for the safety copy taken before an existing database is migrated. */
  backupDir: string;
  migrations: readonly Migration[];
  /** Clock for the backup file name; tests pass a fixed one. */
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Db;
  schemaVersion: number;
  /** Versions applied by this open, and the backup taken first (if the file already held data). */
  applied: number[];
  backupPath: string | null;
  /** False when this open created the file (a new registry). */
  existed: boolean;
}

function applyConnectionPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 leaves WAL at NORMAL, which can lose the last transactions on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Roster sorts over 100,000 people spill to temp storage with the 2 MiB default cache; 64 MiB in
  // memory halves them.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Schema-defined functions and views must not run code a crafted database file supplies.
  db.pragma('trusted_schema = OFF');
}

export function readUserVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in ONE transaction, so a failure leaves the file exactly as it
 * was. A migration may rebuild a table (SQLite changes a CHECK only that way): as SQLite's
 * procedure requires, foreign keys are switched off around the transaction — with them on,
 * dropping the old table would run its ON DELETE CASCADE actions and empty the child tables — and
 * every reference is checked (PRAGMA foreign_key_check) before the transaction commits. The
 * pragma cannot change inside a transaction, hence outside; it is restored whatever happens.
 */
export function applyMigrations(db: Db, migrations: readonly Migration[]): number[] {
  const current = readUserVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return [];
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    migrate(db, pending);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys === 1 ? 'ON' : 'OFF'}`);
  }
  return pending.map((m) => m.version);
}

function migrate(db: Db, pending: readonly Migration[]): void {
  db.transaction(() => {
    for (const migration of pending) {
      try {
        db.exec(migration.sql);
      } catch (err) {
        throw new AppError('DATABASE_ERROR', `数据库升级失败（第 ${migration.version} 步 ${migration.name}）：${(err as Error).message}。数据库未作任何修改。`);
      }
    }
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new AppError('DATABASE_ERROR', `数据库升级后发现 ${violations.length} 处外键不一致，已撤销升级，数据库未作任何修改。`);
    }
    db.pragma(`user_version = ${latestVersion(pending)}`);
  })();
}

function newerVersionError(file: string, current: number, latest: number): AppError {
  return new AppError('DATABASE_NEWER', `数据库文件（${file}）由更新版本的程序创建（数据库版本 ${current}，本程序只支持到 ${latest}）。为保护数据，本程序不会打开或修改它，请安装新版本程序后再使用。`);
}

/**
 * Everything decided before the file is opened for writing, so a file the program must not touch
 * stays byte-identical: its size and header are read as plain bytes (a file from a newer version
 * is refused here, before any pragma), then a read-only connection runs PRAGMA quick_check. Throws
 * DATABASE_NEWER, or DatabaseDamagedError for an empty, unreadable or damaged file.
 */
function preflight(file: string, latest: number): void {
  const header = readHeader(file);
  const walContent = hasWalContent(file);
  if (header.size === 0 && !walContent) throw new DatabaseDamagedError(emptyFileHealth());
  if (header.size > 0 && !header.isSqlite) throw new DatabaseDamagedError(unreadableHealth(['file does not start with the SQLite header']));
  // Without a write-ahead log the header is the whole truth; with one, the read-only connection below reads the newest version.
  if (!walContent && header.userVersion > latest) throw newerVersionError(file, header.userVersion, latest);
  const health = checkFile(file, 'quick');
  if (health.userVersion > latest) throw newerVersionError(file, health.userVersion, latest);
  if (health.state !== 'ok') throw new DatabaseDamagedError(health);
}

/**
 * Opens (creating if needed) the registry database and brings its schema up to date.
 *
 * A missing file is a new registry. An existing one is checked first (see preflight): a file
 * written by a newer version of the app is refused untouched, and an empty or damaged one is
 * refused with DatabaseDamagedError rather than written to (the backend then shows it read-only
 * and offers the newest good backup). Before migrating an existing database it is backed up,
 * through the online backup API and verified.
 */
export async function openDatabase(file: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  ensurePrivateDir(path.dirname(file));
  const latest = latestVersion(options.migrations);
  const existed = fs.existsSync(file);
  if (existed) preflight(file, latest);
  const db = new Database(file);
  try {
    makeFilePrivate(file);
    applyConnectionPragmas(db);
    // SQLite gives the -wal and -shm files the main file's mode; an older version's may be wider.
    makeFilePrivate(`${file}-wal`);
    makeFilePrivate(`${file}-shm`);
    const current = readUserVersion(db);
    if (current > latest) throw newerVersionError(file, current, latest);
    let backupPath: string | null = null;
    if (current > 0 && current < latest) {
      backupPath = (await createBackup(db, options.backupDir, 'before-upgrade', options.now ? { now: options.now() } : {})).path;
    }
    const applied = applyMigrations(db, options.migrations);
    // The one part of migration 0007 SQL cannot do; a no-op query once every name has its pinyin.
    if (readUserVersion(db) >= 7) fillNamePinyin(db);
    return { db, schemaVersion: readUserVersion(db), applied, backupPath, existed };
  } catch (err) {
    db.close();
    throw err;
  }
}
