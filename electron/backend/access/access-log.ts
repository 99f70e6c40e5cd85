import { AppError } from '../../../shared/api/errors.ts';
import type { AccessKind, AccessRow } from '../../../shared/api/methods/operators.ts';
import type { BackendContext } from '../context.ts';
import type { Db } from '../db/open-database.ts';

/**
 * The access log (migration 0006): reads and hand-overs of personal data that change nothing but
 * must be accountable (a full ID number shown, a roster printed or exported with full numbers, a
 * copy of the whole database taken out, a restore, the operators changed, sign-ins). Append-only
 * by trigger. Each entry also goes to the text log for IT staff.
 */

export interface AccessEntry {
  kind: AccessKind;
  summary: string;
  personId?: number | null;
  details?: Record<string, unknown>;
}

/** Writes one entry with the given operator; for callers already inside a transaction. */
export function insertAccess(db: Db, operator: string, entry: AccessEntry): void {
  db.prepare(`INSERT INTO access_log (operator, kind, person_id, summary, details) VALUES (?, ?, ?, ?, ?)`).run(
    operator || '未署名',
    entry.kind,
    entry.personId ?? null,
    entry.summary,
    entry.details ? JSON.stringify(entry.details) : null,
  );
}

/** Throws when an access could not be recorded now (checked before anything is looked up). */
export function assertRecordable(ctx: BackendContext): void {
  if (!ctx.database.writable) {
    throw new AppError('DATABASE_ERROR', '数据库已损坏，程序以只读方式打开，无法记录这次操作，因此不能继续。请先恢复备份（设置 › 备份与恢复）。');
  }
}

/**
 * Records an access by the current operator before the data is handed over. When it cannot be
 * recorded (the database is read-only because it is damaged), the access is refused: a full ID
 * number is never shown without its record.
 */
export function recordAccess(ctx: BackendContext, entry: AccessEntry): void {
  assertRecordable(ctx);
  const operator = ctx.operator();
  insertAccess(ctx.db, operator, entry);
  ctx.log.write('info', `access ${entry.kind} by "${operator}": ${entry.summary}`);
}

export function recentAccess(db: Db, limit: number): AccessRow[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'access_log'`).get() !== undefined;
  if (!exists) return [];
  return db.prepare(`SELECT id, at, operator, kind, summary, person_id AS personId FROM access_log ORDER BY id DESC LIMIT ?`).all(limit) as AccessRow[];
}
