import { namePinyin } from './name-initials.ts';
import type { Db } from '../db/open-database.ts';

/**
 * The name_pinyin table (migration 0007): the full pinyin of every name a person has had. Not
 * part of an operation's change log: it is derived from the name alone, never wrong for any
 * name, so undo has nothing to restore there.
 */

/** Records the full pinyin of a name about to be written to `personnel`. */
export function rememberNamePinyin(db: Db, name: string): void {
  db.prepare(`INSERT INTO name_pinyin (name, pinyin) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`).run(name, namePinyin(name));
}

/**
 * Adds the names of `personnel` that have no pinyin yet (people written before migration 0007, or
 * by the sample data's bulk insert). Returns how many were added; cheap when none are missing.
 */
export function fillNamePinyin(db: Db): number {
  const missing = db.prepare(`SELECT DISTINCT name FROM personnel WHERE name NOT IN (SELECT name FROM name_pinyin)`).pluck().all() as string[];
  if (missing.length === 0) return 0;
  db.transaction(() => {
    for (const name of missing) rememberNamePinyin(db, name);
  })();
  return missing.length;
}
