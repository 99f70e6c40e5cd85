/**
 * How many cells an OpenDocument sheet expands to. ODS compresses a run of equal cells into one
 * element with `number-columns-repeated`, and equal rows with `number-rows-repeated`; SheetJS writes
 * every repeated cell out, so a one-kilobyte content.xml can ask for 16,384 × 1,048,576 cells. This
 * counter reads content.xml as it is inflated (zip-content.ts) and adds up, for every cell that
 * may hold something (a value type, or content between its tags; an empty self-closing cell is not
 * stored), its repeats times its row's repeats — at least the cells SheetJS would create — so such
 * a file is refused before SheetJS starts.
 */

const TAG = /<(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell)\b([^>]*)>/g;
const ROWS_REPEATED = /\bnumber-rows-repeated\s*=\s*"(\d+)"/;
const COLUMNS_REPEATED = /\bnumber-columns-repeated\s*=\s*"(\d+)"/;
const HAS_VALUE = /\bvalue-type\s*=/;
/** An unfinished tag longer than this is not a tag worth carrying to the next chunk. */
const MAX_CARRY = 64 * 1024;

export class OdsCellCounter {
  /** Cells SheetJS would create, as far as read. */
  cells = 0;
  private carry = '';
  private rowRepeat = 1;

  push(chunk: Buffer): void {
    let text = this.carry + chunk.toString('latin1');
    this.carry = '';
    const lastOpen = text.lastIndexOf('<');
    if (lastOpen >= 0 && text.indexOf('>', lastOpen) < 0) {
      if (text.length - lastOpen <= MAX_CARRY) this.carry = text.slice(lastOpen);
      text = text.slice(0, lastOpen);
    }
    for (const m of text.matchAll(TAG)) {
      const attrs = m[2] ?? '';
      if (m[1] === 'table-row') {
        this.rowRepeat = Number(ROWS_REPEATED.exec(attrs)?.[1] ?? 1) || 1;
        continue;
      }
      if (m[1] === 'table-cell' && (HAS_VALUE.test(attrs) || !attrs.endsWith('/'))) {
        const columns = Number(COLUMNS_REPEATED.exec(attrs)?.[1] ?? 1) || 1;
        this.cells += columns * this.rowRepeat;
      }
    }
  }
}
