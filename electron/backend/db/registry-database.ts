import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors.ts';
import type { Log } from '../log.ts';
import { DatabaseDamagedError, HEALTHY, type DatabaseHealth } from './integrity.ts';
import { latestVersion, type Migration } from './migrations.ts';
import { applyMigrations, openDatabase, readUserVersion, type Db } from './open-database.ts';

export interface RegistryDatabaseOptions {
  file: string;
  backupDir: string;
  migrations: readonly Migration[];
  log: Log;
}

export interface OpenOutcome {
  applied: number[];
  backupPath: string | null;
  existed: boolean;
}

/**
 * A read-only stand-in for a file the program must not write to. A damaged file that SQLite can
 * still read is opened read-only, so the clerk can look up (and print) what is left while a
 * backup is restored. An empty or unreadable file is not opened at all: an empty in-memory
 * registry with the current schema answers every read, and refuses every write, under the notice.
 */
function openReadOnlyView(file: string, health: DatabaseHealth, migrations: readonly Migration[]): Db {
  if (health.state === 'damaged') {
    let db: Db | null = null;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma('trusted_schema = OFF');
      // Its schema must at least be readable, or every page would fail: then the stand-in instead.
      db.prepare(`SELECT count(*) FROM sqlite_schema`).get();
      readUserVersion(db);
      return db;
    } catch {
      db?.close();
    }
  }
  const db = new Database(':memory:');
  applyMigrations(db, migrations);
  db.pragma('query_only = ON');
  return db;
}

/**
 * The registry's one connection, which a restore replaces while the program runs. Everything
 * reads `db` through this holder (BackendContext.db is a getter onto it), so after a restore every
 * handler sees the restored file.
 */
export class RegistryDatabase {
  readonly file: string;
  readonly backupDir: string;
  readonly migrations: readonly Migration[];
  private readonly log: Log;
  private connection: Db | null = null;
  private state: DatabaseHealth = HEALTHY;
  private version = 0;
  /** Set while a restore swaps the file: calls are refused with this message meanwhile. */
  maintenance: string | null = null;

  constructor(options: RegistryDatabaseOptions) {
    this.file = options.file;
    this.backupDir = options.backupDir;
    this.migrations = options.migrations;
    this.log = options.log;
  }

  get db(): Db {
    if (!this.connection) throw new AppError('DATABASE_ERROR', this.maintenance ?? '数据库未打开');
    return this.connection;
  }

  get health(): DatabaseHealth {
    return this.state;
  }

  /** False for a damaged, unreadable or empty file: nothing may be written, not even a backup of it. */
  get writable(): boolean {
    return this.state.state === 'ok';
  }

  get schemaVersion(): number {
    return this.version;
  }

  get latestVersion(): number {
    return latestVersion(this.migrations);
  }

  /**
   * Opens the file: checked, backed up and migrated when sound; read-only with a Chinese notice
   * when damaged. A file from a newer version is still refused (DATABASE_NEWER): the program
   * cannot even read its schema.
   */
  async open(): Promise<OpenOutcome> {
    try {
      const opened = await openDatabase(this.file, { backupDir: this.backupDir, migrations: this.migrations });
      this.connection = opened.db;
      this.state = HEALTHY;
      this.version = opened.schemaVersion;
      return { applied: opened.applied, backupPath: opened.backupPath, existed: opened.existed };
    } catch (err) {
      if (!(err instanceof DatabaseDamagedError)) throw err;
      this.log.write('error', `database ${this.file} is ${err.health.state}; opened read-only. SQLite says: ${err.health.details.slice(0, 20).join(' | ')}`);
      this.connection = openReadOnlyView(this.file, err.health, this.migrations);
      this.state = err.health;
      this.version = readUserVersion(this.connection);
      return { applied: [], backupPath: null, existed: true };
    }
  }

  close(): void {
    if (this.connection?.open) this.connection.close();
    this.connection = null;
  }
}
