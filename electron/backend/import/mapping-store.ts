import type { ImportKind } from '../../../shared/import/import-kinds.ts';
import type { Db } from '../db/open-database.ts';

/**
 * Column mappings the clerk confirmed, remembered per agency, kind and header layout
 * (import_mappings): the next submission with the same header skips the correction step.
 * This is configuration, like settings, so it is written directly (one statement, atomic) and is
 * not part of the registry's undo history.
 */

/** column letter → field key, or null for a column not to import. */
export type ColumnMapping = Record<string, string | null>;

export function findRememberedMapping(db: Db, unitId: number | null, kind: ImportKind, signature: string): ColumnMapping | null {
  const json = db.prepare(`SELECT mapping_json FROM import_mappings WHERE ifnull(unit_id, 0) = ifnull(?, 0) AND kind = ? AND header_signature = ?`).pluck().get(unitId, kind, signature) as
    string | undefined;
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as { columns?: ColumnMapping };
    return parsed.columns ?? null;
  } catch {
    return null;
  }
}

export function rememberMapping(db: Db, unitId: number | null, kind: ImportKind, signature: string, columns: ColumnMapping): void {
  db.prepare(
    `INSERT INTO import_mappings (unit_id, kind, header_signature, mapping_json, updated_at)
     VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ON CONFLICT (ifnull(unit_id, 0), kind, header_signature)
     DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(unitId, kind, signature, JSON.stringify({ columns }));
}
