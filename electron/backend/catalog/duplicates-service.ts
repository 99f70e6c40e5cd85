import type { DuplicateFlagRow } from '../../../shared/api/methods/catalog.ts';
import { findDuplicateFlags } from '../../../shared/domain/violation-text.ts';
import type { ListKind } from '../../../shared/domain/list-kinds.ts';
import type { Db } from '../db/open-database.ts';

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
    (db.prepare(`SELECT flag_key AS key, note, operator, reviewed_at AS reviewedAt FROM catalog_duplicate_reviews`).all() as {
      key: string;
      note: string | null;
      operator: string;
      reviewedAt: string;
    }[]).map((r) => [r.key, r]),
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

/** Records (or withdraws) the clerk's check of one flag. */
export function reviewDuplicateFlag(db: Db, key: string, reviewed: boolean, note: string | null, operator: string): { ok: boolean } {
  if (reviewed) {
    db.prepare(
      `INSERT INTO catalog_duplicate_reviews (flag_key, note, operator) VALUES (?, ?, ?)
       ON CONFLICT (flag_key) DO UPDATE SET note = excluded.note, operator = excluded.operator, reviewed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    ).run(key, note, operator);
  } else {
    db.prepare(`DELETE FROM catalog_duplicate_reviews WHERE flag_key = ?`).run(key);
  }
  return { ok: true };
}
