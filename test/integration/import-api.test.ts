import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { TRACKED_TABLES } from '../../electron/backend/db/tracked-writes.ts';
import { parseMode, stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import type { BatchRow } from '../../shared/api/methods/import.ts';
import type { FileCheck, RowResult } from '../../shared/import/check-schema.ts';
import { PEOPLE } from '../fixtures/import/make-fixtures.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * The importer through the API, as the 导入 page drives it: check staged files as a job, page
 * through the preview, correct a cell, exclude a row, confirm a transfer, decide about people
 * missing from a roster, commit, see the batch, undo it — and the registry is exactly as before.
 */

const TODAY = '2024-06-30';
process.env['REGISTRY_TODAY'] = TODAY;
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'import');

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
});

afterAll(async () => {
  backend?.close();
  await stopParseWorker();
});

async function stage(relative: string, bytes?: Buffer): Promise<string> {
  const data = bytes ?? fs.readFileSync(path.join(FIXTURES, relative));
  const staged = await callOk<{ fileId: string }>(backend, 'files.stage', { name: path.basename(relative), dataBase64: data.toString('base64') });
  return staged.fileId;
}

async function check(relative: string | string[], extra: Record<string, unknown> = {}): Promise<FileCheck[]> {
  const names = Array.isArray(relative) ? relative : [relative];
  const fileIds = [];
  for (const n of names) fileIds.push(await stage(n));
  const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds, ...extra });
  const status = await backend.context.jobs.wait(jobId);
  expect(status.state).toBe('done');
  return (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files;
}

async function rows(checkId: string, filter = 'all', sheetIndex = 0): Promise<RowResult[]> {
  return (await callOk<{ rows: RowResult[] }>(backend, 'import.rows', { checkId, sheetIndex, filter, limit: 500 })).rows;
}

/** Every registry table, row by row, for comparing the registry before an import and after its undo. */
function snapshot(): string {
  const db = backend.context.db;
  return JSON.stringify(TRACKED_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()));
}

function personByIdNumber(idNumber: string) {
  return backend.context.db.prepare(`SELECT p.*, u.name AS unit_name FROM personnel p JOIN units u ON u.id = p.unit_id WHERE id_number = ?`).get(idNumber) as
    { id: number; name: string; sex: string; unit_name: string; post: string; phone: string | null; name_initials: string } | undefined;
}

describe('parsing off the main thread', () => {
  it('runs in a worker thread here (Node 24 type stripping loads the .ts worker under Vitest)', () => {
    expect(parseMode()).toBe('worker');
  });
});

describe('preview, correct, commit and undo one roster', () => {
  let file: FileCheck;
  let before: string;

  beforeAll(async () => {
    before = snapshot();
    [file] = (await check('公安局-执法人员花名册.xlsx')) as [FileCheck];
  });

  it('summarises the file and pages through its rows with an errors-only filter', async () => {
    expect(file.status).toBe('errors');
    expect(file.sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ['花名册', 'personnel'],
      ['填表说明', 'skipped'],
      ['旧名册', 'skipped'],
    ]);
    expect((await rows(file.checkId, 'errors')).map((r) => r.row)).toEqual([7, 9, 10, 11, 12, 14, 15]);
    const r7 = (await rows(file.checkId, 'errors'))[0];
    expect(r7?.raw['D']).toBe('430102199011200000');
    expect(r7?.issues.map((i) => [i.column, i.detail])).toEqual([['D', '身份证号以数字格式保存，后几位已丢失，请以文本格式重新填报']]);
    // Date cells are shown as the dates the agency saw, not as Excel's serial numbers.
    const r5 = (await rows(file.checkId)).find((r) => r.row === 5);
    expect([r5?.raw['I'], r5?.raw['J'], r5?.raw['B']]).toEqual(['2021-03-15', '2026-03-14', '张伟']);
  });

  it('re-checks a corrected cell: the ambiguous date becomes a valid row', async () => {
    const { row, file: updated } = await callOk<{ row: RowResult; file: FileCheck }>(backend, 'import.editCell', {
      checkId: file.checkId,
      sheetIndex: 0,
      row: 12,
      field: 'issue_date',
      value: '2021-03-15',
    });
    expect(row.status).toBe('add');
    expect(row.edited).toEqual(['issue_date']);
    expect(row.values['issue_date']).toBe('2021-03-15');
    expect(updated.sheets[0]?.counts).toMatchObject({ read: 11, importable: 5, errors: 6 });
  });

  it('excluding one of two duplicate rows makes the other importable', async () => {
    const { row } = await callOk<{ row: RowResult }>(backend, 'import.excludeRow', { checkId: file.checkId, sheetIndex: 0, row: 15, excluded: true });
    expect(row.status).toBe('excluded');
    const r14 = (await rows(file.checkId)).find((r) => r.row === 14);
    expect(r14?.status).toBe('add');
    file = await callOk<FileCheck>(backend, 'import.file', { checkId: file.checkId });
    expect(file.sheets[0]?.counts).toMatchObject({ importable: 6, errors: 4, excluded: 1 });
  });

  it('refuses to commit while rows have errors unless the clerk agrees to leave them out', async () => {
    const err = await callErr(backend, 'import.commit', { checkId: file.checkId });
    expect(err.code).toBe('RULE_VIOLATION');
    expect(err.message).toBe('文件“公安局-执法人员花名册.xlsx”还有 4 行错误。请先修正，或确认只导入没有错误的行。');
    expect(snapshot()).toBe(before);
  });

  it('commits the importable rows in one operation with an import batch, certificates and 发证 events', async () => {
    const result = await callOk<{ batchId: number; operationId: number; summary: string; added: number }>(backend, 'import.commit', { checkId: file.checkId, skipErrorRows: true });
    expect(result.added).toBe(6);
    expect(result.summary).toBe('导入“公安局-执法人员花名册.xlsx”（执法人员名册）：新增 6 条');
    const wang = personByIdNumber(PEOPLE.wangWei);
    expect(wang).toMatchObject({ name: '王伟', sex: '男', unit_name: '沅江市公安局', phone: '13907370002', name_initials: 'ww' });
    expect(personByIdNumber(PEOPLE.liuYang)?.sex).toBe('男');
    expect(personByIdNumber(PEOPLE.liNa)).toBeUndefined();
    const db = backend.context.db;
    const cert = db
      .prepare(`SELECT c.*, e.event_type, e.event_date, e.details FROM certificates c JOIN certificate_events e ON e.certificate_id = c.id WHERE c.cert_number = 'GA21-0002'`)
      .get() as Record<string, unknown>;
    expect(cert).toMatchObject({ state: '有效', issue_date: '2021-03-15', expiry_date: '2026-03-14', event_type: '发证', event_date: '2021-03-15' });
    // The 发证 step's own details, marked as this import's.
    expect(JSON.parse(String(cert['details']))).toEqual({ validUntil: '2026年3月14日', source: 'import', batch: result.batchId });
    const batch = db.prepare(`SELECT * FROM import_batches WHERE id = ?`).get(result.batchId) as Record<string, unknown>;
    expect(batch).toMatchObject({ file_name: '公安局-执法人员花名册.xlsx', kind: 'personnel', rows_read: 11, rows_added: 6, rows_changed: 0, rows_error: 4, rows_warning: 1, rows_skipped: 4 });
    expect(batch['sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect((db.prepare(`SELECT kind FROM operations WHERE id = ?`).get(result.operationId) as { kind: string }).kind).toBe('import');
    const listed = await callOk<{ batches: BatchRow[] }>(backend, 'import.batches', {});
    expect(listed.batches[0]).toMatchObject({ batchId: result.batchId, fileName: '公安局-执法人员花名册.xlsx', unitName: '沅江市公安局', rowsAdded: 6, undone: false });
  });

  it('warns before importing the same file (same SHA-256) again', async () => {
    const [again] = (await check('公安局-执法人员花名册.xlsx')) as [FileCheck];
    expect(again.previousImports).toHaveLength(1);
    // Everyone importable is now in the registry: the file has nothing new.
    expect((await rows(again.checkId)).filter((r) => r.status !== 'error').map((r) => [r.row, r.status])).toEqual([
      [5, 'unchanged'],
      [6, 'unchanged'],
      [8, 'unchanged'],
      [13, 'unchanged'],
    ]);
    const err = await callErr(backend, 'import.commit', { checkId: again.checkId, skipErrorRows: true });
    expect(err.code).toBe('ALREADY_IMPORTED');
    expect(err.message).toMatch(/^同一个文件（内容完全相同）已于 \d{4}-\d{2}-\d{2} 以“公安局-执法人员花名册.xlsx”导入过。确认要再次导入吗？$/);
  });

  it('undoes the batch and leaves the registry exactly as it was', async () => {
    const batchId = (await callOk<{ batches: BatchRow[] }>(backend, 'import.batches', {})).batches[0]?.batchId;
    await callOk(backend, 'import.undoBatch', { batchId });
    expect(snapshot()).toBe(before);
    const listed = await callOk<{ batches: BatchRow[] }>(backend, 'import.batches', {});
    expect(listed.batches[0]?.undone).toBe(true);
    // The preview it came from may be committed again.
    const recheck = await callOk<FileCheck>(backend, 'import.recheck', { checkId: file.checkId });
    expect(recheck.status).toBe('errors');
    expect(recheck.committed).toBeNull();
  });
});

describe('a second submission: changes, a renewal, a transfer to confirm, people missing from the roster', () => {
  let second: FileCheck;
  let beforeSecond: string;

  beforeAll(async () => {
    const [first, shichang] = (await check(['公安局-执法人员花名册.xlsx', '市场监管局名册.xls'])) as [FileCheck, FileCheck];
    // 孙丽 is kept and her duplicate 孙莉 left out, as in the first test.
    await callOk(backend, 'import.excludeRow', { checkId: first.checkId, sheetIndex: 0, row: 15, excluded: true });
    await callOk(backend, 'import.commit', { checkId: first.checkId, skipErrorRows: true, allowRepeat: true });
    await callOk(backend, 'import.commit', { checkId: shichang.checkId });
    beforeSecond = snapshot();
    [second] = (await check('公安局-花名册-第二次报送.xlsx')) as [FileCheck];
  });

  it('compares each row with the registry field by field', async () => {
    const byRow = new Map((await rows(second.checkId)).map((r) => [r.row, r]));
    expect([...byRow.values()].map((r) => [r.row, r.status])).toEqual([
      [3, 'unchanged'],
      [4, 'change'],
      [5, 'change'],
      [6, 'transfer'],
      [7, 'add'],
    ]);
    expect(byRow.get(4)?.diff).toEqual([
      { field: 'post', label: '职务', before: '交警大队民警', after: '交警大队副大队长' },
      { field: 'phone', label: '联系电话', before: '13907370002', after: '13907370022' },
    ]);
    expect(byRow.get(5)?.diff).toEqual([
      { field: 'cert_number', label: '执法证号', before: 'GA21-0004', after: 'GA24-0004' },
      { field: 'issue_date', label: '发证日期', before: '2021-03-15', after: '2024-03-10' },
      { field: 'expiry_date', label: '有效期至', before: '2026-03-14', after: '2029-03-09' },
    ]);
    expect(byRow.get(5)?.issues.map((i) => i.code)).toEqual(['CERT_RENEWED']);
    expect(byRow.get(6)?.transferFrom?.unitName).toBe('沅江市市场监督管理局');
    expect(byRow.get(6)?.diff[0]).toEqual({ field: 'unit', label: '单位', before: '沅江市市场监督管理局', after: '沅江市公安局' });
    expect(byRow.get(6)?.issues.map((i) => [i.code, i.severity])).toEqual([['TRANSFER_NOT_CONFIRMED', 'warning']]);
  });

  it('lists the unit’s people who are not on the new roster, never deleting them', () => {
    const missing = second.sheets[0]?.missing ?? [];
    const sampleCount = backend.context.db
      .prepare(`SELECT count(*) FROM personnel p JOIN units u ON u.id = p.unit_id WHERE u.name = '沅江市公安局' AND p.id_number NOT LIKE '430102%'`)
      .pluck()
      .get() as number;
    expect(missing).toHaveLength(sampleCount + 2);
    expect(missing.filter((m) => m.label.startsWith('吴刚') || m.label.startsWith('孙丽')).map((m) => [m.label, m.openCertificate?.certNumber ?? null])).toEqual([
      ['吴刚（430102********0814）', null],
      ['孙丽（430102********092X）', 'GA21-0010'],
    ]);
  });

  it('leaves an unconfirmed transfer out, and records a confirmed one with the unit change', async () => {
    const { row } = await callOk<{ row: RowResult }>(backend, 'import.confirmTransfer', { checkId: second.checkId, sheetIndex: 0, row: 6, confirmed: true });
    expect(row.transferConfirmed).toBe(true);
    const sun = second.sheets[0]?.missing.find((m) => m.label.startsWith('孙丽'));
    const result = await callOk<{ added: number; changed: number; transferred: number; cancelled: number; summary: string }>(backend, 'import.commit', {
      checkId: second.checkId,
      missing: [{ sheetIndex: 0, recordId: sun?.recordId, action: 'cancel_certificate', reason: '调离执法岗位', date: '2024-06-01' }],
    });
    expect(result).toMatchObject({ added: 1, changed: 2, transferred: 1, cancelled: 1 });
    expect(result.summary).toBe('导入“公安局-花名册-第二次报送.xlsx”（执法人员名册）：新增 1 条、修改 2 条、调入 1 人、注销证件 1 个');
    const db = backend.context.db;
    expect(personByIdNumber(PEOPLE.guoQiang)?.unit_name).toBe('沅江市公安局');
    expect(
      db
        .prepare(
          `SELECT u1.name AS from_unit, u2.name AS to_unit, t.transfer_date FROM transfers t JOIN units u1 ON u1.id = t.from_unit_id JOIN units u2 ON u2.id = t.to_unit_id JOIN personnel p ON p.id = t.person_id WHERE p.id_number = ?`,
        )
        .get(PEOPLE.guoQiang),
    ).toEqual({
      from_unit: '沅江市市场监督管理局',
      to_unit: '沅江市公安局',
      transfer_date: TODAY,
    });
    const liu = db.prepare(`SELECT c.cert_number, c.state, c.replaces_id FROM certificates c JOIN personnel p ON p.id = c.person_id WHERE p.id_number = ? ORDER BY c.id`).all(PEOPLE.liuYang);
    expect(liu).toEqual([
      { cert_number: 'GA21-0004', state: '已换发', replaces_id: null },
      { cert_number: 'GA24-0004', state: '有效', replaces_id: expect.any(Number) },
    ]);
    expect(db.prepare(`SELECT state, cancel_reason, cancel_date FROM certificates WHERE cert_number = 'GA21-0010'`).get()).toEqual({
      state: '已注销',
      cancel_reason: '调离执法岗位',
      cancel_date: '2024-06-01',
    });
    // Missing people are never deleted.
    expect(personByIdNumber(PEOPLE.wuGang)?.name).toBe('吴刚');
  });

  it('undo restores the transfer, the renewal and the cancellation exactly', async () => {
    const batchId = (await callOk<{ batches: BatchRow[] }>(backend, 'import.batches', {})).batches[0]?.batchId;
    await callOk(backend, 'import.undoBatch', { batchId });
    expect(snapshot()).toBe(beforeSecond);
  });
});

describe('corrections the clerk makes to a sheet', () => {
  it('chooses the kind of a list sheet that names two lists', async () => {
    const [file] = (await check('司法局-从轻减轻处罚清单.xlsx')) as [FileCheck];
    expect(file.sheets[0]?.kind).toBe('skipped');
    const updated = await callOk<FileCheck>(backend, 'import.setSheetOptions', { checkId: file.checkId, sheetIndex: 0, kind: 'lighter_penalty' });
    expect(updated.sheets[0]).toMatchObject({ kind: 'lighter_penalty', counts: { read: 1, importable: 1, errors: 0 } });
    expect(updated.status).toBe('ready');
  });

  it('corrects a column mapping, and remembers it for the same agency and header layout', async () => {
    const [file] = (await check('消防救援大队名册.et')) as [FileCheck];
    expect(file.sheets[0]?.mapping['staffing_type']).toBe('D');
    const corrected = await callOk<FileCheck>(backend, 'import.setSheetOptions', { checkId: file.checkId, sheetIndex: 0, mapping: { D: null }, remember: true });
    expect(corrected.sheets[0]?.mapping['staffing_type']).toBeUndefined();
    // Without 编制类型 new people cannot be added: the clerk sees why.
    expect(corrected.sheets[0]?.issues.filter((i) => i.code === 'STAFFING_MISSING').map((i) => i.row)).toEqual([3, 4]);
    const [again] = (await check('消防救援大队名册.et')) as [FileCheck];
    expect(again.sheets[0]?.mappingRemembered).toBe(true);
    expect(again.sheets[0]?.mapping['staffing_type']).toBeUndefined();
    expect(again.sheets[0]?.issues.map((i) => i.code)).toContain('MAPPING_REMEMBERED');
  });

  it('sets the agency of a file whose agency cannot be recognised', async () => {
    const bytes = fs.readFileSync(path.join(FIXTURES, '气象局名册-GBK.csv'));
    const fileId = await stage('名册.csv', bytes);
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId] });
    await backend.context.jobs.wait(jobId);
    const [file] = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files as [FileCheck];
    expect(file.sheets[0]?.issues.map((i) => i.code)).toEqual(['AGENCY_UNKNOWN']);
    const unitId = backend.context.db.prepare(`SELECT id FROM units WHERE name = '沅江市气象局'`).pluck().get() as number;
    const fixed = await callOk<FileCheck>(backend, 'import.setFileOptions', { checkId: file.checkId, agencyUnitId: unitId });
    expect(fixed.sheets[0]?.agency).toEqual({ unitId, name: '沅江市气象局', source: 'override' });
    expect(fixed.status).toBe('ready');
  });
});

describe('catalog and lists', () => {
  it('imports a catalog by item code and finds it again unchanged, then undoes', async () => {
    const before = snapshot();
    const [file] = (await check('农业农村局-分类检查事项目录.xlsx')) as [FileCheck];
    const sampleItems = backend.context.db.prepare(`SELECT count(*) FROM inspection_items i JOIN units u ON u.id = i.unit_id WHERE u.name = '沅江市农业农村局'`).pluck().get() as number;
    expect(file.sheets[0]?.missing).toHaveLength(sampleItems);
    const result = await callOk<{ added: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId, skipErrorRows: true });
    // Rows 4 and 5, and row 9 (which repeats row 6: the later row is imported).
    expect(result.added).toBe(3);
    const item = backend.context.db.prepare(`SELECT name, category FROM inspection_items WHERE item_code = 'NY2024-002'`).get();
    expect(item).toEqual({ name: '对兽药生产企业的检查', category: '重点检查事项' });
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
    expect(snapshot()).toBe(before);
  });

  it('imports the four lists, each sheet into its own list', async () => {
    const [file] = (await check('应急管理局-四项清单.xlsx')) as [FileCheck];
    const result = await callOk<{ added: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId });
    expect(result.added).toBe(5);
    const kinds = backend.context.db
      .prepare(
        `SELECT list_kind, count(*) AS n FROM penalty_list_items l JOIN units u ON u.id = l.unit_id WHERE u.name = '沅江市应急管理局' AND l.violation IN (?, ?, ?, ?, ?) GROUP BY list_kind ORDER BY list_kind`,
      )
      .all(
        '生产经营单位未按规定如实记录安全生产教育和培训情况',
        '未按规定在有较大危险因素的场所设置明显的安全警示标志',
        '危险化学品经营单位未建立销售记录',
        '烟花爆竹零售经营者超量储存',
        '查封违法生产、储存、使用、经营危险物品的作业场所',
      );
    expect(kinds).toEqual([
      { list_kind: 'lighter_penalty', n: 1 },
      { list_kind: 'no_coercion', n: 1 },
      { list_kind: 'no_penalty', n: 2 },
      { list_kind: 'reduced_penalty', n: 1 },
    ]);
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
  });

  it('marks a unit that sends a catalog as an agency, with the clerk’s consent, in the same undoable import', async () => {
    const before = snapshot();
    const fileId = await stage('发改局-检查事项目录.xlsx', fs.readFileSync(path.join(FIXTURES, '农业农村局-分类检查事项目录.xlsx')));
    const unitId = backend.context.db.prepare(`SELECT id FROM units WHERE name = '沅江市发展和改革局'`).pluck().get() as number;
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId], agencyUnitId: unitId });
    await backend.context.jobs.wait(jobId);
    const [file] = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files as [FileCheck];
    expect(file.sheets[0]?.issues.filter((i) => i.row === null && i.severity !== 'note')).toEqual([]);
    expect(file.sheets[0]?.issues.filter((i) => i.row === null).map((i) => i.code)).toContain('AGENCY_TO_MARK');
    expect(file.unitsToAdd).toEqual([expect.objectContaining({ name: '沅江市发展和改革局', existingUnitId: unitId, marksAgency: true, keepsLists: true })]);
    const refused = await callErr(backend, 'import.commit', { checkId: file.checkId, skipErrorRows: true });
    expect(refused.code).toBe('UNITS_TO_ADD');
    expect(refused.message).toContain('将沅江市发展和改革局标记为执法主体');
    const result = await callOk<{ added: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId, skipErrorRows: true, addUnits: true });
    expect(result.added).toBe(3);
    expect(backend.context.db.prepare(`SELECT keeps_inspection_lists FROM units WHERE id = ?`).pluck().get(unitId)).toBe(1);
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
    expect(snapshot()).toBe(before);
  });
});

describe('the error workbook and the templates', () => {
  it('exports the agency’s rows with bad cells filled red and commented, a summary and a problem list', async () => {
    const [file] = (await check('公安局-执法人员花名册.xlsx')) as [FileCheck];
    const out = await callOk<{ fileId: string; name: string }>(backend, 'import.errorWorkbook', { checkId: file.checkId });
    expect(out.name).toBe('公安局-执法人员花名册-检查结果.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(backend.context.files.read(out.fileId) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['检查汇总', '问题清单', '花名册']);
    const sheet = wb.getWorksheet('花名册');
    // Title, subtitle, header, then data rows in sheet order: sheet row 7 is the 3rd data row.
    const headerRow = 3;
    const d7 = sheet?.getCell(headerRow + 3, 4);
    expect(d7?.value).toBe('430102199011200000');
    expect((d7?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFC7CE');
    expect(String(d7?.note ?? '')).toContain('身份证号以数字格式保存，后几位已丢失，请以文本格式重新填报');
    const c8 = sheet?.getCell(headerRow + 4, 3);
    expect((c8?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFEB9C');
    const clean = sheet?.getCell(headerRow + 1, 4);
    expect((clean?.fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    const problems = wb.getWorksheet('问题清单');
    const listed: string[] = [];
    problems?.eachRow((row, n) => {
      if (n > 3) listed.push(`${String(row.getCell(2).value)}${String(row.getCell(3).value)} ${String(row.getCell(4).value)}`);
    });
    // Every error and warning of the check, in sheet order (the registry here already holds some of these people).
    const expected = file.sheets.flatMap((s) => s.issues.filter((i) => i.severity !== 'note')).map((i) => `${i.row ?? ''}${i.column ?? ''} ${i.severity === 'error' ? '错误' : '警告'}`);
    expect(listed).toEqual(expected);
    expect(listed.slice(0, 8)).toEqual(['7D 错误', '8C 警告', '9D 错误', '10J 错误', '11E 错误', '12I 错误', '14D 错误', '15D 错误']);
  });

  it.each([
    ['personnel', '行政执法人员名册导入模板.xlsx', '身份证号'],
    ['inspection_items', '分类检查事项目录导入模板.xlsx', '事项类别'],
    ['no_penalty', '不予处罚事项清单导入模板.xlsx', '违法行为'],
  ])('writes a %s template with text-formatted ID column, dropdowns and instructions', async (kind, name, header) => {
    const out = await callOk<{ fileId: string; name: string }>(backend, 'import.template', { kind });
    expect(out.name).toBe(name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(backend.context.files.read(out.fileId) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [name.replace('导入模板.xlsx', ''), 'visible'],
      ['填表说明', 'visible'],
      ['下拉选项', 'hidden'],
    ]);
    const sheet = wb.worksheets[0];
    const headers = (sheet?.getRow(3).values as unknown[]).slice(1);
    expect(headers).toContain(header);
    if (kind === 'personnel') {
      const idCol = headers.indexOf('身份证号') + 1;
      expect(sheet?.getCell(4, idCol).numFmt).toBe('@');
      expect(sheet?.getCell(4, headers.indexOf('单位') + 1).dataValidation).toMatchObject({ type: 'list', formulae: ["'下拉选项'!$A$2:$A$38"] });
      expect(sheet?.getCell(4, headers.indexOf('证件类型') + 1).dataValidation).toMatchObject({ type: 'list', formulae: ['"行政执法证,行政执法监督证"'] });
    }
    if (kind === 'inspection_items') {
      expect(sheet?.getCell(4, headers.indexOf('事项类别') + 1).dataValidation).toMatchObject({ formulae: ['"一般检查事项,重点检查事项"'] });
    }
  });

  it('imports a filled-in template cleanly (the template is what the importer reads)', async () => {
    const out = await callOk<{ fileId: string }>(backend, 'import.template', { kind: 'personnel' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(backend.context.files.read(out.fileId) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    sheet!.getCell('A2').value = '填报单位（盖章）：沅江市水利局　　　　填报日期：2024年6月1日';
    const headers = (sheet!.getRow(3).values as unknown[]).slice(1) as string[];
    const put = (row: number, header: string, value: string) => (sheet!.getCell(row, headers.indexOf(header) + 1).value = value);
    put(4, '序号', '1');
    put(4, '姓名', '何 平');
    put(4, '性别', '男');
    put(4, '身份证号', PEOPLE.renJie);
    put(4, '编制类型', '事业编制');
    put(4, '证件类型', '行政执法证');
    put(4, '执法证号', 'SL24-0001');
    put(4, '发证日期', '2024-05-10');
    put(4, '有效期至', '2029-05-09');
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const fileId = await stage('水利局名册（模板）.xlsx', bytes);
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId] });
    await backend.context.jobs.wait(jobId);
    const [file] = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files as [FileCheck];
    expect(file.status).toBe('ready');
    expect(file.sheets.map((s) => [s.kind, s.reason])).toEqual([
      ['personnel', null],
      ['skipped', '填表说明'],
      ['skipped', '隐藏的工作表'],
    ]);
    expect(file.sheets[0]?.agency).toMatchObject({ name: '沅江市水利局', source: 'fill_in' });
    expect((await rows(file.checkId)).map((r) => [r.row, r.status, r.values['name'], r.values['cert_number']])).toEqual([[4, 'add', '何平', 'SL24-0001']]);
  });
});

describe('jobs', () => {
  it('cancels a running check and keeps nothing of it', async () => {
    const fileId = await stage('公安局-执法人员花名册.xlsx');
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId, fileId, fileId] });
    const cancelled = await callOk<{ state: string }>(backend, 'jobs.cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    const err = await callErr(backend, 'import.checkResult', { jobId });
    expect(err.code).toBe('CANCELLED');
    // The worker is usable again afterwards.
    expect((await check('气象局名册-GBK.csv'))[0]?.status).toBe('ready');
  });
});
