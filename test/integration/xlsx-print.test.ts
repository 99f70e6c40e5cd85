import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureLine } from '../../electron/backend/export/xlsx-style.ts';
import { XlsxWorkbook } from '../../electron/backend/export/xlsx-writer.ts';
import { pdfPages, toPdf } from '../helpers/office.ts';
import { tempDir } from '../helpers/paths.ts';

/**
 * The writer sets the page breaks itself (xlsx-style.ts): a table of every length around a page's
 * worth of rows, printed by LibreOffice, always has a few of its rows on the page of its signature.
 */

describe('the closing lines on paper, at every fill of the last page (LibreOffice)', () => {
  it('always prints a few rows with the signature block', async () => {
    const book = new XlsxWorkbook();
    const sizes = Array.from({ length: 16 }, (_v, i) => 18 + i);
    for (const n of sizes) {
      await book.addTableSheet({
        name: `表${n}`,
        title: `测试表${n}`,
        columns: [
          { key: 'seq', header: '序号', width: 6, kind: 'integer' },
          { key: 'name', header: '名称', width: 40 },
          { key: 'n', header: '数量', width: 10, kind: 'integer' },
        ],
        rows: Array.from({ length: n }, (_v, i) => ({ values: { seq: i + 1, name: `第${n}表第${i + 1}行`, n: i } })),
        footerLines: ['说明：本表为测试。', signatureLine(['制表人', '审核人', '日期'])],
      });
    }
    const xlsx = path.join(tempDir('orphans-'), 'orphans.xlsx');
    fs.writeFileSync(xlsx, await book.toBuffer());
    const printed = pdfPages(toPdf(xlsx));
    for (const n of sizes) {
      const withSignature = printed.filter((p) => p.includes('制表人') && p.includes(`第${n}表`));
      expect(withSignature, `table of ${n} rows`).toHaveLength(1);
      expect((withSignature[0]?.match(new RegExp(`第${n}表第\\d+行`, 'g')) ?? []).length, `table of ${n} rows`).toBeGreaterThanOrEqual(3);
    }
  }, 300_000);
});
