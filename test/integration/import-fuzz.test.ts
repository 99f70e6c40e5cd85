import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { commitFile } from '../../electron/backend/import/commit-import.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../electron/backend/import/import-limits.ts';
import { checkStagedFiles, rowsPage } from '../../electron/backend/import/import-service.ts';
import { stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import { AppError } from '../../shared/api/errors.ts';
import { fileCheckSchema, type FileCheck } from '../../shared/import/check-schema.ts';
import { FILE_ERROR_CODES } from '../../shared/import/file-errors.ts';
import { ISSUE_SEVERITY } from '../../shared/import/issues.ts';
import { readZipEntries, writeZip, type HostileZipEntry } from '../fixtures/import/hostile/hostile-files.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * Property: the importer, end to end (stage → parse in the worker → find the table → check against
 * the sample registry → preview, and commit when the file is clean), on random workbooks written by
 * SheetJS and on the real fixtures mutated — bytes flipped, cut or extended, XML text of a zip
 * entry changed, cell values replaced, the declared dimension changed — never throws: every file
 * ends as a FileCheck that matches its schema, with a status, and either a known FileError or
 * sheets whose issues have known codes. Never FILE_CHECK_FAILED (an unexpected exception) and never
 * an unexpected commit failure. Each file returns within the configured time cap, in a worker
 * with a 256 MB heap. The number of cases is printed.
 */

process.env['REGISTRY_TODAY'] = '2024-06-30';
const LIMITS: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, workerHeapMb: 256, maxParseMs: 15_000 };
// FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further from the command line; the suite runs the fixed seed.
const SCALE = Number(process.env['FUZZ_RUNS'] ?? 1) || 1;
const RUNS = { random: 60 * SCALE, mutated: 140 * SCALE };
const SEED = Number(process.env['FUZZ_SEED'] ?? 4_242);
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'import');

let backend: Backend;
let ids: string[] = [];
let cases = 0;
const outcomes = new Map<string, number>();
const control = { signal: new AbortController().signal, progress: () => undefined };

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  ids = backend.context.db.prepare(`SELECT id_number FROM personnel ORDER BY id LIMIT 40`).pluck().all() as string[];
}, 120_000);

afterAll(async () => {
  backend?.close();
  await stopParseWorker();
});

/** Stages and checks one file the way the 导入 page does, and holds the outcome to the property. */
async function checkOne(name: string, bytes: Buffer): Promise<void> {
  cases += 1;
  if (process.env['FUZZ_TRACE']) process.stderr.write(`start ${cases} ${name} ${bytes.length}\n`);
  const ctx = backend.context;
  const started = performance.now();
  const fileId = ctx.files.put(name, bytes).fileId;
  const [file] = (await checkStagedFiles(ctx, [fileId], { encoding: 'auto', agencyUnitId: null, limits: LIMITS }, control)) as [FileCheck];
  if (process.env['FUZZ_TRACE']) process.stderr.write(`case ${cases} ${name} ${bytes.length} ${(performance.now() - started).toFixed(0)}ms ${file.error?.code ?? file.status}\n`);
  expect(performance.now() - started, `${name} returns within the time cap`).toBeLessThan(LIMITS.maxParseMs * 2);
  expect(fileCheckSchema.safeParse(file).success, name).toBe(true);
  outcomes.set(file.error?.code ?? file.status, (outcomes.get(file.error?.code ?? file.status) ?? 0) + 1);
  if (file.status === 'unreadable') {
    expect(FILE_ERROR_CODES, name).toContain(file.error?.code);
    expect(file.error?.code, `${name}: ${file.error?.message ?? ''}`).not.toBe('FILE_CHECK_FAILED');
    expect(file.error?.message.startsWith(`文件“${name}”`), name).toBe(true);
    return;
  }
  expect(file.error, name).toBeNull();
  file.sheets.forEach((sheet, i) => {
    for (const issue of sheet.issues) expect(Object.keys(ISSUE_SEVERITY), name).toContain(issue.code);
    expect(rowsPage(ctx, file.checkId, i, 0, 50, 'all').total).toBe(sheet.counts.read);
  });
  if (file.status === 'ready') {
    try {
      commitFile(ctx, { checkId: file.checkId, missing: [], skipErrorRows: false, allowRepeat: true, addUnits: true });
    } catch (err) {
      expect(err, name).toBeInstanceOf(AppError);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Random workbooks

const HEADERS = [
  '序号',
  '姓名',
  '性别',
  '身份证号',
  '编制类型',
  '执法证号',
  '发证日期',
  '有效期至',
  '单位',
  '事项名称',
  '事项类别',
  '违法行为',
  '处罚依据',
  '填报单位：沅江市公安局',
  '合计',
  '填表人：',
];
const cellArb = (): fc.Arbitrary<XLSX.CellObject['v'] | null> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...HEADERS), weight: 3 },
    { arbitrary: fc.constantFrom(...(ids.length > 0 ? ids : ['430981198503150011'])), weight: 2 },
    { arbitrary: fc.constantFrom('行政编制', '事业编制', '工勤', '男', '女', '一般', '重点', '2021.3.15', '2021年3月15日', '21.3.15', '03/04/2021', '&xxe;', '=1+1', '\u202e', '\u0000'), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
    { arbitrary: fc.integer({ min: -1e9, max: 1e9 }), weight: 1 },
    { arbitrary: fc.double({ noNaN: false }), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 3 },
  );

const SHEET_NAME_BAD = /[[\]:*?/\\]/g;
const randomWorkbook = () =>
  fc.record({
    format: fc.constantFrom<XLSX.BookType>('xlsx', 'xls', 'ods', 'csv'),
    unit: fc.constantFrom('沅江市公安局', '沅江市林业局', '沅江市农业农村局', '某某单位', ''),
    sheets: fc.array(
      fc.record({
        // A name Excel accepts: no [ ] : * ? / \, no apostrophe at either end, not "History".
        name: fc.string({ minLength: 1, maxLength: 31 }).map(
          (s) =>
            s
              .replace(SHEET_NAME_BAD, '_')
              .replace(/^'+|'+$/g, '')
              .trim()
              .replace(/^history$/i, 'H') || 'S',
        ),
        rows: fc.array(fc.array(cellArb(), { maxLength: 10 }), { maxLength: 20 }),
        merge: fc.option(fc.tuple(fc.nat(20), fc.nat(10), fc.nat(3), fc.nat(10))),
        hidden: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

interface WorkbookSpec {
  format: XLSX.BookType;
  sheets: { name: string; rows: unknown[][]; merge: [number, number, number, number] | null; hidden: boolean }[];
}

function writeWorkbook(spec: WorkbookSpec): Buffer {
  const wb = XLSX.utils.book_new();
  const used = new Set<string>();
  spec.sheets.forEach((s, i) => {
    let name = s.name;
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 28)}${i}`;
    used.add(name.toLowerCase());
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merge) {
      const [r, c, h, w] = s.merge;
      ws['!merges'] = [{ s: { r, c }, e: { r: r + h, c: c + w } }];
    }
    XLSX.utils.book_append_sheet(wb, ws, name);
    if (s.hidden) {
      wb.Workbook ??= { Sheets: [] };
      wb.Workbook.Sheets ??= [];
      wb.Workbook.Sheets[i] = { Hidden: 1 };
    }
  });
  return XLSX.write(wb, { type: 'buffer', bookType: spec.format }) as Buffer;
}

// ---------------------------------------------------------------------------------------------
// Mutated fixtures

const fixtureFiles = (): string[] =>
  ['.', 'bad', 'submissions'].flatMap((dir) =>
    fs
      .readdirSync(path.join(FIXTURES, dir))
      .filter((f) => /\.(xlsx|xls|et|ods|csv)$/.test(f))
      .map((f) => path.join(dir, f)),
  );

const SNIPPETS = [
  '<!DOCTYPE x [<!ENTITY a "b"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '&xxe;',
  '<c r="XFD1"><v>1</v></c>',
  '<row r="1048576"><c r="A1048576"><v>9</v></c></row>',
  '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
  '<dimension ref="A1:XFD1048576"/>',
  '<![CDATA[',
  ']]>',
  '<',
  '"',
  '<row>',
  '</sheetData>',
  '<si><t>张伟</t></si>',
  'table:number-columns-repeated="16384" office:value-type="string"',
  'table:number-rows-repeated="1048576"',
];

type Mutation =
  | { kind: 'bytes'; at: number[]; value: number }
  | { kind: 'cut'; at: number; tail: number[] }
  | { kind: 'xml'; entry: number; at: number; drop: number; insert: string; lie: boolean }
  | { kind: 'cells'; cells: { r: number; c: number; v: XLSX.CellObject['v'] | null }[] }
  | { kind: 'dimension'; ref: string };

const mutationArb = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('bytes' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), value: fc.nat(255) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), tail: fc.array(fc.nat(255), { maxLength: 64 }) }),
    fc.record({ kind: fc.constant('xml' as const), entry: fc.nat(), at: fc.nat(), drop: fc.nat(200), insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 20 })), lie: fc.boolean() }),
    fc.record({ kind: fc.constant('cells' as const), cells: fc.array(fc.record({ r: fc.nat(30), c: fc.nat(14), v: cellArb() }), { minLength: 1, maxLength: 10 }) }),
    fc.record({
      kind: fc.constant('dimension' as const),
      ref: fc.tuple(fc.nat(20), fc.integer({ min: 0, max: 16_383 }), fc.integer({ min: 1, max: 1_048_576 })).map(([c1, c2, r2]) => `${XLSX.utils.encode_col(c1)}1:${XLSX.utils.encode_col(c2)}${r2}`),
    }),
  );

const BOOK_TYPE: Record<string, XLSX.BookType> = { '.xlsx': 'xlsx', '.xls': 'xls', '.et': 'xls', '.ods': 'ods', '.csv': 'csv' };

function mutate(file: string, bytes: Buffer, m: Mutation): Buffer {
  const isZip = bytes.readUInt32LE(0) === 0x04034b50;
  switch (m.kind) {
    case 'bytes': {
      const out = Buffer.from(bytes);
      for (const at of m.at) out[at % out.length] = m.value;
      return out;
    }
    case 'cut':
      return Buffer.concat([bytes.subarray(0, m.at % (bytes.length + 1)), Buffer.from(m.tail)]);
    case 'xml':
    case 'dimension': {
      if (!isZip) return bytes;
      let entries: HostileZipEntry[];
      try {
        entries = readZipEntries(bytes);
      } catch {
        return bytes;
      }
      const xml = entries.filter((e) => /\.xml$/.test(e.name));
      const target = m.kind === 'xml' ? xml[m.entry % Math.max(1, xml.length)] : xml.find((e) => /worksheets\/sheet1\.xml$/.test(e.name));
      if (!target?.data) return bytes;
      const text = target.data.toString('utf8');
      let changed: string;
      if (m.kind === 'dimension') changed = text.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${m.ref}"/>`);
      else {
        const at = m.at % (text.length + 1);
        changed = `${text.slice(0, at)}${m.insert}${text.slice(at + m.drop)}`;
      }
      const data = Buffer.from(changed, 'utf8');
      return writeZip(entries.map((e) => (e === target ? { name: e.name, data, ...(m.kind === 'xml' && m.lie ? { declaredSize: Math.max(0, data.length - 100) } : {}) } : e)));
    }
    case 'cells': {
      const bookType = BOOK_TYPE[path.extname(file).toLowerCase()];
      // The bad files are no workbooks to edit (SheetJS would try to allocate the bomb's declared 3.9 GB).
      if (file.startsWith('bad')) return bytes;
      let wb: XLSX.WorkBook;
      try {
        wb = XLSX.read(bytes, { type: 'buffer', raw: true, dense: false });
      } catch {
        return bytes;
      }
      const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
      if (!ws || !bookType) return bytes;
      for (const { r, c, v } of m.cells) XLSX.utils.sheet_add_aoa(ws, [[v]], { origin: { r, c } });
      return XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
    }
  }
}

describe('the importer on random and mutated workbooks', () => {
  it('random workbooks written by SheetJS (xlsx, xls, ods, csv)', async () => {
    await fc.assert(
      fc.asyncProperty(randomWorkbook(), async (spec) => {
        await checkOne(`${spec.unit}名册.${spec.format}`, writeWorkbook(spec));
      }),
      { numRuns: RUNS.random, seed: SEED, endOnFailure: true },
    );
  }, 300_000);

  it('the real fixtures, mutated', async () => {
    const files = fixtureFiles();
    const bytes = new Map(files.map((f) => [f, fs.readFileSync(path.join(FIXTURES, f))]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), mutationArb(), async (file, m) => {
        await checkOne(path.basename(file), mutate(file, bytes.get(file) as Buffer, m));
      }),
      { numRuns: RUNS.mutated, seed: SEED, endOnFailure: true },
    );
    process.stdout.write(`importer property: ${cases} cases; outcomes ${JSON.stringify(Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])))}\n`);
    expect(cases).toBe(RUNS.random + RUNS.mutated);
  }, 300_000);
});
