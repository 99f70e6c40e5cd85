import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../electron/backend/import/import-limits.ts';
import { OdsCellCounter } from '../../electron/backend/import/ods-cells.ts';
import { cellBudget, clipMerges } from '../../electron/backend/import/sheet-cells.ts';

/** The caps on what a sheet may cost beyond its cells: merged ranges, and an OpenDocument sheet's repeats. */

const limits = (over: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_IMPORT_LIMITS, ...over });

describe('merged ranges', () => {
  const budget = () => cellBudget(limits({ maxCells: 1000 }), 'x.xlsx');
  it('clips a range to the rows read and the column cap, and drops one beyond the cell budget', () => {
    const whole = { s: { r: 0, c: 0 }, e: { r: 1_048_575, c: 16_383 } };
    expect(clipMerges([whole], 3, 200, budget())).toEqual([{ s: { r: 0, c: 0 }, e: { r: 2, c: 199 } }]);
    expect(clipMerges([whole], 30, 200, budget())).toEqual([]);
    expect(clipMerges([{ s: { r: 5, c: 0 }, e: { r: 6, c: 3 } }], 3, 200, budget())).toEqual([]);
  });
});

describe('counting the cells of an OpenDocument sheet', () => {
  it('multiplies repeated value cells by their row’s repeats, across chunk boundaries', () => {
    const xml = Buffer.from(
      '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="300" office:value-type="string"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="9999"/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"/><table:table-cell table:number-columns-repeated="20"><text:p>no value type</text:p></table:table-cell></table:table-row>',
    );
    const counter = new OdsCellCounter();
    for (let i = 0; i < xml.length; i += 7) counter.push(xml.subarray(i, i + 7));
    expect(counter.cells).toBe(300_021);
  });
});
