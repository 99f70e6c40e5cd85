import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open-database.ts';

/**
 * Runs `fn` with `db.prepare` answering from a cache. The tracked Writer prepares its statements
 * on every call (three per inserted row: the insert, the read-back and the change_log line), and
 * better-sqlite3 compiles each one afresh and keeps it until garbage collection: committing a
 * 100,000-row roster that way compiled 900,000 statements and held gigabytes. Within one
 * synchronous transaction the same SQL text can safely reuse one compiled statement; the cache
 * lives only for the call, and `prepare` is restored afterwards.
 *
 * Better placed in the Writer itself (a per-connection statement cache); see the import report.
 */
export function withStatementCache<T>(db: Db, fn: () => T): T {
  const original = db.prepare;
  const cache = new Map<string, Statement>();
  // Readers a caller switched to pluck/raw/expand mode: reset to the default before handing them out again.
  const moded = new Set<Statement>();
  const cached = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      const fresh = original.call(db, sql) as Statement;
      if (fresh.reader) {
        for (const mode of ['pluck', 'raw', 'expand'] as const) {
          const set = fresh[mode].bind(fresh);
          fresh[mode] = ((toggle = true) => {
            if (toggle) moded.add(fresh);
            return set(toggle);
          }) as Statement[typeof mode];
        }
      }
      cache.set(sql, fresh);
      statement = fresh;
    } else if (moded.has(statement)) {
      statement.pluck(false).raw(false).expand(false);
    }
    return statement;
  };
  db.prepare = cached as Db['prepare'];
  try {
    return fn();
  } finally {
    db.prepare = original;
  }
}
