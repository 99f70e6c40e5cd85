import { AppError } from '../../../shared/api/errors.ts';
import type { BatchRow } from '../../../shared/api/methods/import.ts';
import type { BackendContext } from '../context.ts';
import { undoOperation } from '../db/tracked-writes.ts';

/**
 * The record of committed files (import_batches) and their undo. Undo is history.undo of the
 * batch's operation: it restores every record the import touched, exactly, or refuses (changing
 * nothing) when one of them was changed again since.
 */

export function listBatches(ctx: BackendContext, limit: number): BatchRow[] {
  const rows = ctx.db
    .prepare(
      `SELECT b.id AS batchId, b.operation_id AS operationId, b.file_name AS fileName, b.sha256,
              ifnull(u.name, json_extract(b.details, '$.unitName')) AS unitName, b.kind,
              b.rows_read AS rowsRead, b.rows_added AS rowsAdded, b.rows_changed AS rowsChanged, b.rows_unchanged AS rowsUnchanged,
              b.rows_error AS rowsError, b.rows_warning AS rowsWarning, b.rows_skipped AS rowsSkipped, b.committed_at AS committedAt,
              o.operator, o.summary, (o.undone_by IS NOT NULL) AS undone
         FROM import_batches b JOIN operations o ON o.id = b.operation_id LEFT JOIN units u ON u.id = b.unit_id
        ORDER BY b.id DESC LIMIT ?`,
    )
    .all(limit) as (Omit<BatchRow, 'undone'> & { undone: number })[];
  return rows.map((r) => ({ ...r, undone: r.undone === 1 }));
}

export function undoBatch(ctx: BackendContext, batchId: number): { operationId: number; summary: string } {
  const batch = ctx.db.prepare(`SELECT operation_id, file_name FROM import_batches WHERE id = ?`).get(batchId) as { operation_id: number; file_name: string } | undefined;
  if (!batch) throw new AppError('NOT_FOUND', '这次导入的记录不存在');
  return undoOperation(ctx.db, batch.operation_id, ctx.operator());
}
