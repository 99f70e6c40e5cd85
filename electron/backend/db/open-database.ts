import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.ts';
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
        throw new AppError(
          'DATABASE_ERROR',
          `数据库升级失败（第 ${migration.version} 步 ${migration.name}）：${(err as Error).message}。数据库未作任何修改。`,
        );
      }
    }
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new AppError('DATABASE_ERROR', `数据库升级后发现 ${violations.length} 处外键不一致，已撤销升级，数据库未作任何修改。`);
    }
    db.pragma(`user_version = ${latestVersion(pending)}`);
  })();
}

function backupFileName(version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `registry-v${version}-before-upgrade-${stamp}.sqlite3`;
}

/**
 * Opens (creating if needed) the registry database and brings its schema up to date.
 * Refuses a database written by a newer version of the app rather than risk damaging it.
 */
export async function openDatabase(file: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    applyConnectionPragmas(db);
    const current = readUserVersion(db);
    const latest = latestVersion(options.migrations);
    if (current > latest) {
      throw new AppError(
        'DATABASE_NEWER',
        `数据库文件（${file}）由更新版本的程序创建（数据库版本 ${current}，本程序只支持到 ${latest}）。为保护数据，本程序不会打开或修改它，请安装新版本程序后再使用。`,
      );
    }
    let backupPath: string | null = null;
    const hasData = current > 0;
    if (hasData && current < latest) {
      fs.mkdirSync(options.backupDir, { recursive: true });
      backupPath = path.join(options.backupDir, backupFileName(current, (options.now ?? (() => new Date()))()));
      await db.backup(backupPath);
    }
    const applied = applyMigrations(db, options.migrations);
    return { db, schemaVersion: readUserVersion(db), applied, backupPath };
  } catch (err) {
    db.close();
    throw err;
  }
}
