/**
 * Splits one section of a printed document into pages, from the heights the browser measured at
 * the printed width (any unit, the same for all): the head (title, selection line, a letter's
 * text) opens the first page, the table header repeats on every page, rows are never cut, and the
 * closing (note, signature block, issuer) follows the last row on the same page, taking at least
 * one row with it when it does not fit.
 */

export interface SectionHeights {
  /** Room on one page for the head, the table and the closing. */
  available: number;
  head: number;
  tableHeader: number;
  rows: readonly number[];
  closing: number;
}

export interface PageSlice {
  /** The first row on this page and the one after its last (start = end: no rows). */
  start: number;
  end: number;
  withHead: boolean;
  withClosing: boolean;
}

export function paginateSection(h: SectionHeights): PageSlice[] {
  const pages: PageSlice[] = [];
  const n = h.rows.length;
  let i = 0;
  let first = true;
  for (;;) {
    const start = i;
    let used = (first ? h.head : 0) + h.tableHeader;
    while (i < n && used + (h.rows[i] ?? 0) <= h.available) {
      used += h.rows[i] ?? 0;
      i += 1;
    }
    // A row taller than a page still has to go somewhere.
    if (i === start && i < n) {
      used += h.rows[i] ?? 0;
      i += 1;
    }
    if (i < n) {
      pages.push({ start, end: i, withHead: first, withClosing: false });
      first = false;
      continue;
    }
    if (used + h.closing <= h.available) {
      pages.push({ start, end: i, withHead: first, withClosing: true });
      return pages;
    }
    if (i - start > 1) {
      // The last row goes over with the closing, so the signature never stands alone.
      i -= 1;
      pages.push({ start, end: i, withHead: first, withClosing: false });
      first = false;
      continue;
    }
    pages.push({ start, end: i, withHead: first, withClosing: false });
    pages.push({ start: i, end: i, withHead: false, withClosing: true });
    return pages;
  }
}
