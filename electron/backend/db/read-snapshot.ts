import Database from 'better-sqlite3';
import type { Db } from './open-database.ts';

/**
 * A read-only connection holding one snapshot of the registry for a long export. The export reads
 * in steps, yielding between them so the zip can be written and the window stays responsive; on
 * the program's own connection another call in between would find it busy, and a change made
 * meanwhile would land half in the file. This connection sees the registry as it was when the
 * export began (SQLite's WAL keeps that snapshot), and is closed afterwards.
 */
export async function withReadSnapshot<T>(databasePath: string, read: (db: Db) => Promise<T>): Promise<T> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // The exports read mostly in one pass: a small page cache keeps the writing process small.
    db.pragma('cache_size = -8192');
    db.pragma('temp_store = MEMORY');
    db.pragma('trusted_schema = OFF');
    db.exec('BEGIN');
    // The first read fixes the snapshot.
    db.prepare(`SELECT count(*) FROM units`).pluck().get();
    const value = await read(db);
    db.exec('COMMIT');
    return value;
  } finally {
    db.close();
  }
}
