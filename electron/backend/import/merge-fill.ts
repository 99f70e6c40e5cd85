import type { RawCell } from '../../../shared/import/cell-cleaning.ts';
import type { ParsedSheet } from './parse-workbook.ts';

/**
 * In a merged range only the top-left cell holds the value, but the clerk sees it in every cell of
 * the range. Filling the range makes a header under a merged group cell (执法证件信息 over 证号 /
 * 发证时间 / 有效期限) and a unit name merged down a column read as they look.
 *
 * Returns, for each row, the merge (if any) that spans several columns of it — the mark of a title,
 * a group heading or a signature line written across the table.
 */
export function fillMerges(sheet: ParsedSheet): Map<number, { from: number; to: number }> {
  const wide = new Map<number, { from: number; to: number }>();
  for (const m of sheet.merges) {
    const value = sheet.rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = m.s.r; r <= m.e.r && r < sheet.rows.length; r += 1) {
      const row = sheet.rows[r] ?? [];
      sheet.rows[r] = row;
      if (value !== null) {
        for (let c = m.s.c; c <= m.e.c; c += 1) {
          if (row[c] === null || row[c] === undefined || row[c] === '') row[c] = value;
        }
        // Holes left by a shorter row become explicit nulls so every later read sees a value or null.
        for (let c = 0; c < row.length; c += 1) if (row[c] === undefined) row[c] = null as RawCell;
      }
      if (m.e.c > m.s.c) {
        const current = wide.get(r);
        const span = m.e.c - m.s.c;
        if (!current || current.to - current.from < span) wide.set(r, { from: m.s.c, to: m.e.c });
      }
    }
  }
  return wide;
}
