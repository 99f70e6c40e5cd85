import type { DuplicateFlagRow } from '../../../shared/api/methods/catalog.ts';
import { findDuplicateFlags } from '../../../shared/domain/violation-text.ts';
import type { ListKind } from '../../../shared/domain/list-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation } from '../db/tracked-writes.ts';

interface EntryRow {
  id: number;
  unitId: number;
  unitName: string;
  listKind: ListKind;
  violation: string;
  conditions: string | null;
}

/**
 * Possible duplicates across the four lists (rule: shared/domain/violation-text.ts), with the
 * clerk's review where one was recorded. Unreviewed flags come first.
 */
export function listDuplicateFlags(db: Db): DuplicateFlagRow[] {
  const entries = db
    .prepare(
      `SELECT l.id, l.unit_id AS unitId, u.name AS unitName, l.list_kind AS listKind, l.violation, l.conditions
         FROM penalty_list_items l JOIN units u ON u.id = l.unit_id
        ORDER BY u.sort_order, u.id, l.list_kind, l.sort_order, l.id`,
    )
    .all() as EntryRow[];
  const reviews = new Map(
    (
      db.prepare(`SELECT flag_key AS key, note, operator, reviewed_at AS reviewedAt FROM catalog_duplicate_reviews`).all() as {
        key: string;
        note: string | null;
        operator: string;
        reviewedAt: string;
      }[]
    ).map((r) => [r.key, r]),
  );
  const flags = findDuplicateFlags(entries).map((f) => {
    const review = reviews.get(f.key);
    return {
      key: f.key,
      kind: f.kind,
      reason: f.reason,
      entries: f.entries.map((e) => ({ id: e.id, unitId: e.unitId, unitName: e.unitName, listKind: e.listKind, violation: e.violation, conditions: e.conditions })),
      review: review ? { note: review.note, operator: review.operator, reviewedAt: review.reviewedAt } : null,
    };
  });
  return flags.sort((a, b) => Number(a.review !== null) - Number(b.review !== null));
}

/** Records (or withdraws) the clerk's check of one flag, as an operation like any other change (操作记录, 撤销). */
export function reviewDuplicateFlag(db: Db, key: string, reviewed: boolean, note: string | null, operator: string): { ok: boolean } {
  const existing = db.prepare(`SELECT id FROM catalog_duplicate_reviews WHERE flag_key = ?`).pluck().get(key) as number | undefined;
  const summary = reviewed ? '疑似重复事项标记为“已复核，保留”' : '撤回疑似重复事项的复核标记';
  runOperation(db, { kind: reviewed ? 'update' : 'delete', summary, operator }, (w) => {
    if (reviewed && existing === undefined) w.insert('catalog_duplicate_reviews', { flag_key: key, note, operator });
    else if (reviewed && existing !== undefined) w.update('catalog_duplicate_reviews', existing, { note, operator, reviewed_at: new Date().toISOString() });
    else if (!reviewed && existing !== undefined) w.delete('catalog_duplicate_reviews', existing);
  });
  return { ok: true };
}
