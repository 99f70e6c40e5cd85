import { describe, expect, it } from 'vitest';
import { paginateSection } from '../../renderer/pages/print/paginate.ts';

const rows = (n: number, h = 10) => Array.from({ length: n }, () => h);

describe('paginateSection: a section split into pages without cutting a row', () => {
  it('keeps a short section on one page with its head and closing', () => {
    expect(paginateSection({ available: 100, head: 20, tableHeader: 10, rows: rows(3), closing: 20 })).toEqual([{ start: 0, end: 3, withHead: true, withClosing: true }]);
  });

  it('fills each page to the room left after the head (first page) and the repeated header', () => {
    // First page: 100 - 20 - 10 = 70 → 7 rows; then 90 → 9 rows; the last 4 with the closing.
    const pages = paginateSection({ available: 100, head: 20, tableHeader: 10, rows: rows(20), closing: 20 });
    expect(pages.map((p) => [p.start, p.end])).toEqual([
      [0, 7],
      [7, 16],
      [16, 20],
    ]);
    expect(pages.map((p) => p.withHead)).toEqual([true, false, false]);
    expect(pages.map((p) => p.withClosing)).toEqual([false, false, true]);
  });

  it('takes the last row over with a closing that does not fit, so the signature never stands alone', () => {
    // Exactly 7 rows fill the first page; the closing goes over with row 7.
    const pages = paginateSection({ available: 100, head: 20, tableHeader: 10, rows: rows(7), closing: 20 });
    expect(pages).toEqual([
      { start: 0, end: 6, withHead: true, withClosing: false },
      { start: 6, end: 7, withHead: false, withClosing: true },
    ]);
  });

  it('places every row exactly once, whatever the heights', () => {
    const heights = [12, 30, 8, 8, 45, 10, 10, 22, 9, 60, 11, 13, 14, 7, 33];
    const pages = paginateSection({ available: 90, head: 25, tableHeader: 9, rows: heights, closing: 30 });
    expect(pages[0]?.start).toBe(0);
    pages.forEach((p, i) => {
      if (i > 0) expect(p.start).toBe(pages[i - 1]?.end);
      const used = (p.withHead ? 25 : 0) + 9 + heights.slice(p.start, p.end).reduce((a, b) => a + b, 0) + (p.withClosing ? 30 : 0);
      expect(used).toBeLessThanOrEqual(90);
    });
    expect(pages.at(-1)?.end).toBe(heights.length);
    expect(pages.filter((p) => p.withClosing)).toHaveLength(1);
  });
});
