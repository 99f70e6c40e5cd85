import type { OperationRow } from '../../../shared/api/methods/history.ts';
import type { Db } from '../db/open-database.ts';

export function recentOperations(db: Db, limit: number): OperationRow[] {
  return db
    .prepare(
      `SELECT o.id, o.at, o.operator, o.kind, o.summary, o.undone_by AS undoneBy, o.undoes,
              (SELECT count(*) FROM change_log c WHERE c.operation_id = o.id) AS changeCount
         FROM operations o ORDER BY o.id DESC LIMIT ?`,
    )
    .all(limit) as OperationRow[];
}
