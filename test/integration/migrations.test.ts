import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, latestVersion } from '../../electron/backend/db/migrations.ts';
import { parseBackupName } from '../../electron/backend/backups/backup-names.ts';
import { openDatabase, readUserVersion, type Db } from '../../electron/backend/db/open-database.ts';
import { AppError } from '../../shared/api/errors.ts';
import { MIGRATIONS_DIR, tempDir } from '../helpers/paths.ts';
import { MIGRATION_FIXTURES } from './migration-fixtures.ts';

const migrations = loadMigrations(MIGRATIONS_DIR);
const latest = latestVersion(migrations);

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

function schemaSql(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** A migrations folder holding the real migrations plus extra files. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = tempDir('migrations-');
  for (const file of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  for (const [name, sql] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe('migration runner', () => {
  it('creates a fresh database at the latest version with every table STRICT and the safety pragmas set', async () => {
    const dir = tempDir();
    const { db, schemaVersion, applied, backupPath } = await openDatabase(path.join(dir, 'r.sqlite3'), { backupDir: path.join(dir, 'b'), migrations });
    expect(schemaVersion).toBe(latest);
    expect(applied).toEqual(migrations.map((m) => m.version));
    expect(backupPath).toBeNull(); // nothing to protect in a new file
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const nonStrict = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%) STRICT' AND sql NOT LIKE '%VIRTUAL TABLE%' AND name NOT GLOB '*_fts*'`)
      .pluck()
      .all();
    expect(nonStrict).toEqual([]);
    db.close();
  });

  it('is a no-op when run again on an up-to-date database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite3');
    (await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations })).db.close();
    const schemaBefore = schemaSql(file);
    const again = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations });
    expect(again.applied).toEqual([]);
    expect(again.backupPath).toBeNull();
    again.db.close();
    expect(fs.existsSync(path.join(dir, 'b'))).toBe(false);
    expect(schemaSql(file)).toEqual(schemaBefore);
    expect(readUserVersionOf(file)).toBe(latest);
  });

  it('refuses a database written by a newer version of the app, and leaves it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite3');
    (await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations })).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latest + 5}`);
    raw.close();
    const error = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_NEWER');
    expect((error as AppError).message).toContain('更新版本的程序');
    expect(readUserVersionOf(file)).toBe(latest + 5);
  });

  it('rolls back every pending migration when one fails, leaving the file exactly as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite3');
    // Start from version 1 with data in it.
    const v1 = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: migrations.slice(0, 1) });
    v1.db.prepare(`INSERT INTO units (name, kind) VALUES ('沅江市司法局', '市直单位')`).run();
    v1.db.close();
    const tablesBefore = tables(file);
    const broken = loadMigrations(
      migrationsWith({
        [`${String(latest + 1).padStart(4, '0')}_good_step.sql`]: `CREATE TABLE extra_good (id INTEGER PRIMARY KEY) STRICT;`,
        [`${String(latest + 2).padStart(4, '0')}_bad_step.sql`]: `CREATE TABLE extra_bad (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);`,
      }),
    );
    const error = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_ERROR');
    expect((error as AppError).message).toContain('bad_step');
    expect(readUserVersionOf(file)).toBe(1);
    expect(tables(file)).toEqual(tablesBefore);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM units`).pluck().all()).toEqual(['沅江市司法局']);
    db.close();
  });

  it('backs the file up with the online backup API before migrating an existing database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite3');
    const v1 = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: migrations.slice(0, 1) });
    v1.db.prepare(`INSERT INTO units (name, kind) VALUES ('沅江市公安局', '市直单位')`).run();
    v1.db.close();
    const extended = loadMigrations(migrationsWith({ [`${String(latest + 1).padStart(4, '0')}_add_table.sql`]: `CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;` }));
    const now = new Date('2026-01-02T03:04:05Z');
    const opened = await openDatabase(file, { backupDir: path.join(dir, 'b'), migrations: extended, now: () => now });
    expect(opened.applied.at(-1)).toBe(latest + 1);
    const backupName = path.basename(opened.backupPath as string);
    expect(path.dirname(opened.backupPath as string)).toBe(path.join(dir, 'b'));
    expect(parseBackupName(backupName)).toMatchObject({ reason: 'before-upgrade' });
    // Named in the PC's local time.
    expect(backupName).toContain(`-${String(now.getHours()).padStart(2, '0')}${String(now.getMinutes()).padStart(2, '0')}05-`);
    opened.db.close();
    const backup = new Database(opened.backupPath as string, { readonly: true });
    expect(readUserVersion(backup)).toBe(1);
    expect(backup.prepare(`SELECT name FROM units`).pluck().all()).toEqual(['沅江市公安局']);
    // A self-contained file (rollback journal, nothing beside it), checked before it was named.
    expect(backup.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    backup.close();
  });

  it('refuses a migrations folder with a gap or a badly named file', () => {
    const gap = migrationsWith({ [`${String(latest + 2).padStart(4, '0')}_skipped_one.sql`]: 'SELECT 1;' });
    expect(() => loadMigrations(gap)).toThrow(/without gaps/);
    const badName = migrationsWith({ 'add-stuff.sql': 'SELECT 1;' });
    expect(() => loadMigrations(badName)).toThrow(/0001_name\.sql/);
  });
});

/** Every ordinary table's rows, on the columns it had (FTS shadow tables and caches excluded). */
function snapshot(db: Db): Map<string, { columns: string[]; rows: unknown[] }> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT GLOB '*_fts_*' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out = new Map<string, { columns: string[]; rows: unknown[] }>();
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`);
    out.set(table, {
      columns,
      rows: db
        .prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY rowid`)
        .raw()
        .all(),
    });
  }
  return out;
}

describe('each migration, on a database with data at the version before it', () => {
  it('has a fixture (test/integration/migration-fixtures.ts), keyed by its name', () => {
    const missing = migrations.filter((m) => !(m.name in MIGRATION_FIXTURES)).map((m) => `${String(m.version).padStart(4, '0')}_${m.name}.sql`);
    expect(missing, `add a fixture for ${missing.join(', ')} to MIGRATION_FIXTURES in test/integration/migration-fixtures.ts`).toEqual([]);
  });

  it.each(migrations.map((m, index) => [`${String(m.version).padStart(4, '0')}_${m.name}`, index] as const))('%s keeps every row and does its job', async (_label, index) => {
    const migration = migrations[index];
    const fixture = migration ? MIGRATION_FIXTURES[migration.name] : undefined;
    if (!migration || !fixture) return; // reported by the test above
    const dir = tempDir();
    const file = path.join(dir, 'r.sqlite3');
    const backupDir = path.join(dir, 'b');
    const previous = await openDatabase(file, { backupDir, migrations: migrations.slice(0, index) });
    fixture.before(previous.db);
    const before = snapshot(previous.db);
    previous.db.close();

    const upgraded = await openDatabase(file, { backupDir, migrations: migrations.slice(0, index + 1) });
    try {
      expect(upgraded.applied).toEqual([migration.version]);
      expect(upgraded.schemaVersion).toBe(migration.version);
      const after = snapshot(upgraded.db);
      for (const [table, { columns, rows }] of before) {
        const kept = upgraded.db
          .prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY rowid`)
          .raw()
          .all();
        expect(kept, `rows of ${table}`).toEqual(rows);
        expect(after.has(table), `table ${table}`).toBe(true);
      }
      expect(upgraded.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(upgraded.db.pragma('foreign_key_check')).toEqual([]);
      fixture.after(upgraded.db);
    } finally {
      upgraded.db.close();
    }
    if (index > 0) {
      // An existing database was backed up, as it was, before the migration touched it.
      expect(upgraded.backupPath).not.toBeNull();
      const backup = new Database(upgraded.backupPath as string, { readonly: true });
      expect(readUserVersion(backup)).toBe(index);
      backup.close();
    }
  });
});

function readUserVersionOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return readUserVersion(db);
  } finally {
    db.close();
  }
}
