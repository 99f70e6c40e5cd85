import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { FileCheck } from '../../shared/import/check-schema.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { ITEM_FORMULA, PERSON_FORMULAS, plantFormulaLikeData, UNIT_FORMULA } from '../helpers/formula-data.ts';
import { formulaCount, textCells, unescapedFormulaCells } from '../helpers/xlsx-xml.ts';

/**
 * Formula injection (OWASP): every workbook the program hands out keeps a formula-looking text
 * exactly, as text, escaped with Excel's leading apostrophe and the text format — the rosters, the
 * import's error workbook and the templates here; the audit workbook and the verification sheets in
 * their own tests. They all write through electron/backend/export/xlsx-writer.ts.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  await plantFormulaLikeData(backend);
});
afterAll(() => backend.close());

function bytesOf(fileId: string): Buffer {
  return backend.context.files.read(fileId);
}

/** The workbook holds these texts, each escaped, and nothing formula-like unescaped. */
function expectEscaped(bytes: Buffer, expected: readonly string[]): void {
  expect(formulaCount(bytes)).toBe(0);
  expect(unescapedFormulaCells(bytes)).toEqual([]);
  const cells = textCells(bytes);
  for (const text of expected) {
    const found = cells.filter((c) => c.text === text);
    expect(found.length, `“${text}” in the workbook`).toBeGreaterThan(0);
    for (const c of found) expect(c, text).toMatchObject({ quotePrefix: true, textFormat: true });
  }
}

describe('formula-looking text in every existing export', () => {
  it('the renewal roster and the public list', async () => {
    const renewal = await callOk<{ fileId: string }>(backend, 'rosters.exportXlsx', { kind: 'renewal', filter: { expiringWithinDays: 3650, includeExpired: true } });
    expectEscaped(bytesOf(renewal.fileId), [PERSON_FORMULAS.enforcementCategory]);
    const publicList = await callOk<{ fileId: string }>(backend, 'rosters.exportXlsx', { kind: 'public-list' });
    expectEscaped(bytesOf(publicList.fileId), [PERSON_FORMULAS.post, PERSON_FORMULAS.enforcementScope]);
    // Read back by a spreadsheet library: the exact text, a string cell in text format.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytesOf(publicList.fileId) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((cell) => void (cell.value === PERSON_FORMULAS.post && cells.push(cell))));
    expect(cells).toHaveLength(1);
    expect(cells[0]?.type).toBe(ExcelJS.ValueType.String);
    expect(cells[0]?.numFmt).toBe('@');
  });

  it('the cancellation announcement and the training shortfall list', async () => {
    for (const request of [{ kind: 'cancellation', onlyUnannounced: false }, { kind: 'training-short' }]) {
      const out = await callOk<{ fileId: string }>(backend, 'rosters.exportXlsx', request);
      expectEscaped(bytesOf(out.fileId), []);
    }
  });

  it('the templates (their unit drop-down lists hold a unit named with a leading minus)', async () => {
    for (const kind of ['personnel', 'inspection_items', 'no_penalty']) {
      const out = await callOk<{ fileId: string }>(backend, 'import.template', { kind });
      expectEscaped(bytesOf(out.fileId), kind === 'personnel' ? [UNIT_FORMULA] : []);
    }
  });

  it('the error workbook, which repeats the agency’s own cells, headers included', async () => {
    const csv = [
      '姓名,身份证号,编制类型,职务,=备注,执法类别',
      `张三,430981198001011234,行政编制,"=HYPERLINK(""http://x"",""y"")","\t=1+1",@执法`,
      `李四,4309811980,行政编制,+职务,"\r=2+2",-类别`,
      `王五,43098119800101,行政编制,${ITEM_FORMULA.replace(/"/g, '""')},,`,
    ].join('\r\n');
    const staged = await callOk<{ fileId: string }>(backend, 'files.stage', { name: '公安局名册.csv', dataBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') });
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [staged.fileId] });
    await backend.context.jobs.wait(jobId);
    const [file] = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files as [FileCheck];
    const out = await callOk<{ fileId: string }>(backend, 'import.errorWorkbook', { checkId: file.checkId });
    expectEscaped(bytesOf(out.fileId), ['=备注', '=HYPERLINK("http://x","y")', '@执法', '+职务', '-类别', ITEM_FORMULA]);
    // The cells that began with a tab or a carriage return are escaped too (the CR reads back as a line break).
    const cells = textCells(bytesOf(out.fileId));
    for (const text of ['\t=1+1', '\n=2+2'])
      expect(
        cells.find((c) => c.text === text),
        JSON.stringify(text),
      ).toMatchObject({ quotePrefix: true, textFormat: true });
  });
});
