import type { OperationRow } from '../../../shared/api/methods/history.ts';
import type { Db } from '../db/open-database.ts';

export interface OperationFilter {
  /** Local calendar days, both included. */
  from?: string | null;
  to?: string | null;
  kind?: string | null;
  operator?: string | null;
}

/**
 * The latest operations, newest first, narrowed by day, kind and operator. `at` is stored in UTC;
 * the day the clerk picks is the PC's, so the comparison converts to local time ('localtime' is
 * the same zone the page formats the times in).
 */
export function recentOperations(db: Db, limit: number, filter: OperationFilter = {}): OperationRow[] {
  const where: string[] = [];
  if (filter.from) where.push(`date(o.at, 'localtime') >= @from`);
  if (filter.to) where.push(`date(o.at, 'localtime') <= @to`);
  if (filter.kind) where.push(`o.kind = @kind`);
  if (filter.operator !== null && filter.operator !== undefined) where.push(`o.operator = @operator`);
  return db
    .prepare(
      `SELECT o.id, o.at, o.operator, o.kind, o.summary, o.undone_by AS undoneBy, o.undoes,
              (SELECT count(*) FROM change_log c WHERE c.operation_id = o.id) AS changeCount
         FROM operations o ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.id DESC LIMIT @limit`,
    )
    .all({ limit, from: filter.from ?? null, to: filter.to ?? null, kind: filter.kind ?? null, operator: filter.operator ?? null }) as OperationRow[];
}

export function operationOperators(db: Db): string[] {
  return db.prepare(`SELECT DISTINCT operator FROM operations ORDER BY operator`).pluck().all() as string[];
}
