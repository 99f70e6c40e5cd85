import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../electron/backend/import/import-limits.ts';
import { runParse, stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import { FileReadError, type ParsedWorkbook } from '../../electron/backend/import/parse-workbook.ts';
import {
  entityXlsx,
  fifteenEntriesXlsx,
  hugeMergeXlsx,
  lyingSizesXlsx,
  lyingSmallXlsx,
  manyCellsCsv,
  manyEntriesXlsx,
  odsRepeatBomb,
  oneCellCsv,
  singleLineCsv,
  strayFarCellXlsx,
  xfdColumnXlsx,
} from '../fixtures/import/hostile/hostile-files.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * Files an agency could send that once crashed or stalled the import, read by the real parse
 * worker: each ends as a structured result — the sheet read within the caps, with what was dropped
 * noted, or the file's own FileError — within the product's time cap, in a worker whose heap is
 * capped (256 MB here, to keep the test small). The files are made on the fly
 * (test/fixtures/import/hostile/hostile-files.ts); their figures are in the README.
 */

const LIMITS: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, workerHeapMb: 256, maxParseMs: 20_000 };
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'import', '林业局名册-UTF8.csv');

afterAll(async () => {
  await stopParseWorker();
});

type Outcome = { workbook: ParsedWorkbook } | { code: string; message: string };

async function parse(name: string, bytes: Uint8Array, limits: ImportLimits = LIMITS): Promise<Outcome> {
  try {
    return { workbook: await runParse(bytes, { fileName: name, encoding: 'auto', limits }) };
  } catch (err) {
    if (err instanceof FileReadError) return { code: err.fileError.code, message: err.fileError.message };
    throw err;
  }
}

function workbookOf(outcome: Outcome): ParsedWorkbook {
  if (!('workbook' in outcome)) throw new Error(`refused: ${outcome.message}`);
  return outcome.workbook;
}

describe('refused with their own message', () => {
  it.each([
    ['XFD列.xlsx', 'FILE_COLUMNS_BEYOND_LIMIT', '（工作表“花名册”第 1 行 XFD 列起的 53,000 个单元格，都在第 200 列（GR 列）之后）', () => xfdColumnXlsx(53_000)],
    ['十五个49MB条目.xlsx', 'FILE_ZIP_BOMB', '解压后声明的大小为 735 MB（上限 500 MB）', () => fifteenEntriesXlsx()],
    ['大小造假.xlsx', 'FILE_ZIP_MISMATCH', '的压缩内容与声明不符（“xl/worksheets/sheet1.xml”声明解压后为 2,048 字节，实际超过此数）', () => lyingSizesXlsx()],
    ['小谎.xlsx', 'FILE_ZIP_MISMATCH', '的压缩内容与声明不符（“xl/worksheets/sheet1.xml”声明解压后为 100 字节，实际超过此数）', () => lyingSmallXlsx()],
    ['二百列40MB.csv', 'FILE_TOO_MANY_CELLS', '的工作表“Sheet1”读到第 15001 行时，有内容的单元格已超过每个文件 3,000,000 个的上限', () => manyCellsCsv()],
    ['ODS重复.ods', 'FILE_TOO_MANY_CELLS', '展开后有 17,179,869,184 个（每个文件的上限为 3,000,000 个）', () => odsRepeatBomb()],
  ])('%s → %s', async (name, code, detail, make) => {
    const outcome = await parse(name, make());
    expect(outcome).toEqual({ code, message: expect.stringContaining(detail) });
    expect((outcome as { message: string }).message.startsWith(`文件“${name}”`)).toBe(true);
  });
});

describe('read within the caps, with what was dropped noted', () => {
  it('a roster with a stray value in column ZZ: the value is dropped, the roster read', async () => {
    const wb = workbookOf(await parse('名册.xlsx', strayFarCellXlsx()));
    expect(wb.sheets[0]?.rows).toEqual([
      ['姓名', '身份证号', '编制类型', '执法证号', '有效期至'],
      ['田甜', '430102199205052429', '行政编制', 'SF22-0242', '2027-05-31'],
    ]);
    expect(wb.sheets[0]?.findings?.columnsCut).toEqual({ row: 1, column: 701, count: 1, limit: 200 });
  });

  it('a 50 MB CSV on one line: one row of 200 cells', async () => {
    const wb = workbookOf(await parse('单行50MB.csv', singleLineCsv()));
    expect(wb.sheets[0]?.rows.map((r) => r.length)).toEqual([200]);
    expect(wb.sheets[0]?.findings?.columnsCut).toMatchObject({ row: 0, column: 200, count: 26_214_400 - 200 });
  });

  it('a CSV whose one quote is never closed: one cell, cut to 32,767 characters', async () => {
    const wb = workbookOf(await parse('单格40MB.csv', oneCellCsv()));
    expect(wb.sheets[0]?.rows[1]?.map((c) => String(c).length)).toEqual([32_767]);
    expect(wb.sheets[0]?.findings?.textCut).toMatchObject({ row: 1, column: 0, count: 1 });
  });

  it('a merged range over the whole sheet is clipped to the rows and columns read', async () => {
    const wb = workbookOf(await parse('整表合并.xlsx', hugeMergeXlsx()));
    expect(wb.sheets[0]?.merges).toEqual([{ s: { r: 0, c: 0 }, e: { r: 2999, c: 199 } }]);
  });

  it('entity declarations and references are read as written, and noted', async () => {
    const wb = workbookOf(await parse('实体引用.xlsx', entityXlsx()));
    expect(wb.doctypeParts).toEqual(['xl/sharedStrings.xml']);
    expect(wb.sheets[0]?.rows[1]).toEqual(['田甜', '&xxe;', '行政编制']);
    expect(wb.sheets[0]?.findings?.entityCells).toEqual([
      { row: 1, column: 1, text: '&xxe;' },
      { row: 2, column: 0, text: '&lol2;' },
    ]);
  });

  it('a zip of 60,000 empty entries beside the roster', async () => {
    const wb = workbookOf(await parse('六万条目.xlsx', manyEntriesXlsx()));
    expect(wb.sheets[0]?.rows).toHaveLength(2);
  });
});

describe('the worker’s limits', () => {
  it('a file that needs more memory than the worker may use is refused as too complex, and the next file gets a fresh worker', async () => {
    // The ODS bomb with the cell cap lifted: SheetJS writes its repeated cells out until the heap is full.
    const outcome = await parse('ODS重复.ods', odsRepeatBomb(), { ...LIMITS, maxCells: Number.MAX_SAFE_INTEGER, workerHeapMb: 96 });
    expect(outcome).toEqual({ code: 'FILE_TOO_COMPLEX', message: expect.stringMatching(/^文件“ODS重复\.ods”过于复杂，读取时所需内存超过上限（读取线程的内存上限为 96 MB）/) });
    expect(workbookOf(await parse('林业局名册.csv', fs.readFileSync(FIXTURE))).sheets[0]?.rows).toHaveLength(3);
  });

  it('a file that takes longer than the time cap is stopped, and the next file gets a fresh worker', async () => {
    const outcome = await parse('ODS重复.ods', odsRepeatBomb(), { ...LIMITS, maxCells: Number.MAX_SAFE_INTEGER, workerHeapMb: 512, maxParseMs: 1500 });
    expect(outcome).toEqual({ code: 'FILE_TOO_SLOW', message: expect.stringMatching(/^文件“ODS重复\.ods”读取时间超过上限（每个文件 1\.5 秒），已停止读取。/) });
    expect(workbookOf(await parse('林业局名册.csv', fs.readFileSync(FIXTURE))).sheets[0]?.rows).toHaveLength(3);
  });
});
