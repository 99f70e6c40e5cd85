import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../electron/backend/import/import-limits.ts';
import { runParse, stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import { FileReadError, type ParsedWorkbook } from '../../electron/backend/import/parse-workbook.ts';
import { fifteenEntriesXlsx, lyingSizesXlsx, lyingSmallXlsx, odsRepeatBomb } from '../fixtures/import/hostile/hostile-files.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * Files an agency could send that once crashed or stalled the import, read by the real parse
 * worker: each ends as a structured result — the workbook, or the file's own FileError — within
 * the product's time cap, in a worker whose heap is capped (256 MB here, to keep the test small).
 * The files are made on the fly (test/fixtures/import/hostile/hostile-files.ts).
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
    ['十五个49MB条目.xlsx', 'FILE_ZIP_BOMB', '解压后声明的大小为 735 MB（上限 500 MB）', () => fifteenEntriesXlsx()],
    ['大小造假.xlsx', 'FILE_ZIP_MISMATCH', '的压缩内容与声明不符（“xl/worksheets/sheet1.xml”声明解压后为 2,048 字节，实际超过此数）', () => lyingSizesXlsx()],
    ['小谎.xlsx', 'FILE_ZIP_MISMATCH', '的压缩内容与声明不符（“xl/worksheets/sheet1.xml”声明解压后为 100 字节，实际超过此数）', () => lyingSmallXlsx()],
  ])('%s → %s', async (name, code, detail, make) => {
    const outcome = await parse(name, make());
    expect(outcome).toEqual({ code, message: expect.stringContaining(detail) });
    expect((outcome as { message: string }).message.startsWith(`文件“${name}”`)).toBe(true);
  });
});

describe('the worker’s limits', () => {
  it('a file that needs more memory than the worker may use is refused as too complex, and the next file gets a fresh worker', async () => {
    // An ODS sheet repeating one cell 16,384 × 1,048,576 times: SheetJS writes the repeats out until the heap is full.
    const outcome = await parse('ODS重复.ods', odsRepeatBomb(), { ...LIMITS, workerHeapMb: 96 });
    expect(outcome).toEqual({ code: 'FILE_TOO_COMPLEX', message: expect.stringMatching(/^文件“ODS重复\.ods”过于复杂，读取时所需内存超过上限（读取线程的内存上限为 96 MB）/) });
    expect(workbookOf(await parse('林业局名册.csv', fs.readFileSync(FIXTURE))).sheets[0]?.rows).toHaveLength(3);
  });

  it('a file that takes longer than the time cap is stopped, and the next file gets a fresh worker', async () => {
    const outcome = await parse('ODS重复.ods', odsRepeatBomb(), { ...LIMITS, workerHeapMb: 512, maxParseMs: 1500 });
    expect(outcome).toEqual({ code: 'FILE_TOO_SLOW', message: expect.stringMatching(/^文件“ODS重复\.ods”读取时间超过上限（每个文件 1\.5 秒），已停止读取。/) });
    expect(workbookOf(await parse('林业局名册.csv', fs.readFileSync(FIXTURE))).sheets[0]?.rows).toHaveLength(3);
  });
});
