import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import type { FileCheck, RowResult } from '../../shared/import/check-schema.ts';
import {
  DISAGREEING_ROW,
  FROM_ELSEWHERE,
  MULTILINE,
  NEW_TOWN,
  NO_CATEGORY_ITEMS,
  NO_PHONE_SEX,
  NO_STAFFING,
  NONE_OF_THREE,
  SAME_NAME_ITEMS,
  SUMMARY_DISAGREEING,
  SUMMARY_TOWNS,
  TWO_CLAUSES,
  UNREADABLE_STAFFING,
} from '../fixtures/import/case-fixtures.ts';
import { COUNTY, SUBMISSIONS, UNIT_LIST } from '../fixtures/import/county-fixtures.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * The targeted cases of issue 9 (test/fixtures/import-real/cases) through the API, on a registry
 * set up as 沅江市 is on day one: the bureau's settings, then its unit list, imported like any file.
 * What the files hold comes from their definitions (case-fixtures.ts), not from numbers typed here.
 */

const TODAY = '2025-06-30';
process.env['REGISTRY_TODAY'] = TODAY;
const REAL = path.join(REPO_ROOT, 'test', 'fixtures', 'import-real');
let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'settings.update', { countyName: COUNTY.countyName, regionCode: COUNTY.regionCode, bureauName: COUNTY.bureauName, operatorName: COUNTY.operatorName });
});

afterAll(async () => {
  backend?.close();
  await stopParseWorker();
});

async function check(relative: string): Promise<FileCheck> {
  const data = fs.readFileSync(path.join(REAL, relative));
  const staged = await callOk<{ fileId: string }>(backend, 'files.stage', { name: path.basename(relative), dataBase64: data.toString('base64') });
  const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [staged.fileId] });
  expect((await backend.context.jobs.wait(jobId)).state).toBe('done');
  const [file] = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files;
  if (!file) throw new Error(`no result for ${relative}`);
  return file;
}

async function rows(checkId: string, sheetIndex = 0): Promise<RowResult[]> {
  return (await callOk<{ rows: RowResult[] }>(backend, 'import.rows', { checkId, sheetIndex, limit: 500 })).rows;
}

/** The codes of a row's errors and warnings (notes, such as an expired card, left aside). */
const codes = (r: RowResult | undefined) => (r?.issues ?? []).filter((i) => i.severity !== 'note').map((i) => i.code);
const allCodes = (r: RowResult | undefined) => (r?.issues ?? []).map((i) => i.code);
const db = () => backend.context.db;
const count = (sql: string, ...params: unknown[]) =>
  db()
    .prepare(sql)
    .pluck()
    .get(...params) as number;

async function importUnitList(): Promise<void> {
  if (count(`SELECT count(*) FROM units`) > 0) return;
  const file = await check('cases/单位名单.xlsx');
  await callOk(backend, 'import.commit', { checkId: file.checkId, allowRepeat: true });
}

describe('the unit list (单位名单)', () => {
  it('imports a unit-list workbook — names, kinds stated or guessed, agencies, aliases — as one batch that undo removes', async () => {
    const file = await check('cases/单位名单.xlsx');
    expect(file.status).toBe('ready');
    const [sheet] = file.sheets;
    expect([sheet?.kind, sheet?.agency, sheet?.counts.read, sheet?.counts.add]).toEqual(['units', null, UNIT_LIST.length, UNIT_LIST.length]);
    const byName = new Map((await rows(file.checkId)).map((r) => [r.values['name'], r]));
    // 草尾镇's 类型 is empty: guessed from its name, with a note.
    expect(allCodes(byName.get('草尾镇'))).toEqual(['UNIT_KIND_GUESSED']);
    const result = await callOk<{ batchId: number; summary: string }>(backend, 'import.commit', { checkId: file.checkId });
    expect(result.summary).toBe(`导入“单位名单.xlsx”（单位名单）：新增 ${UNIT_LIST.length} 条`);
    const units = db().prepare(`SELECT name, kind, keeps_inspection_lists AS keeps FROM units ORDER BY sort_order`).all();
    expect(units).toEqual(UNIT_LIST.map((u) => ({ name: u.name, kind: u.kind, keeps: u.keepsLists ? 1 : 0 })));
    const aliases = db().prepare(`SELECT a.alias FROM unit_aliases a JOIN units u ON u.id = a.unit_id WHERE u.name = ? ORDER BY a.alias`).pluck().all('沅江市公安局');
    expect(aliases).toEqual(['公安局', '市公安局']);
    expect(db().prepare(`SELECT kind FROM import_batches WHERE id = ?`).pluck().get(result.batchId)).toBe('units');
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
    expect(count(`SELECT count(*) FROM units`)).toBe(0);
    expect(count(`SELECT count(*) FROM unit_aliases`)).toBe(0);
    await importUnitList();
    expect(count(`SELECT count(*) FROM units`)).toBe(UNIT_LIST.length);
  });

  it('reads a unit list pasted from Excel, with or without its header line, as the same preview', async () => {
    await importUnitList();
    const pasted = await callOk<FileCheck>(backend, 'import.checkText', {
      kind: 'units',
      text: '单位名称\t类型\t是否行政执法单位\t简称/别名\r\n沅江市统计局\t市直单位\t否\t"市统计局\n统计局"\r\n三眼塘镇\t\t否\t\r\n',
    });
    expect(pasted.file).toBe('粘贴的单位名单.csv');
    const pastedRows = await rows(pasted.checkId);
    expect(pastedRows.map((r) => [r.values['name'], r.values['kind'], r.values['aliases'], r.status])).toEqual([
      ['沅江市统计局', '市直单位', '市统计局、统计局', 'add'],
      ['三眼塘镇', null, null, 'add'],
    ]);
    // Names typed one per line: the template's columns are taken as read.
    const typed = await callOk<FileCheck>(backend, 'import.checkText', { kind: 'units', text: '沅江市审计局\n泗湖山镇' });
    expect((await rows(typed.checkId)).map((r) => [r.values['name'], r.status])).toEqual([
      ['沅江市审计局', 'add'],
      ['泗湖山镇', 'add'],
    ]);
    await callOk(backend, 'import.discard', { checkIds: [pasted.checkId, typed.checkId] });
  });

  it('updates known units from a simpler list: an alias added, kinds guessed, the later of two rows kept', async () => {
    await importUnitList();
    const file = await check('cases/单位名单-简单.ods');
    const r = await rows(file.checkId);
    expect(r.map((x) => [x.row, x.status])).toEqual([
      [2, 'change'],
      [3, 'add'],
      [4, 'duplicate'],
      [5, 'add'],
      [6, 'add'],
    ]);
    expect(r[0]?.diff).toEqual([{ field: 'aliases', label: '别名', before: '公安局、市公安局', after: '公安局、市公安局、沅江公安' }]);
    expect(codes(r[2])).toEqual(['DUPLICATE_ENTRY']);
    expect(r[3]?.values['kind']).toBe('乡镇街道');
  });

  it('refuses one name for two units, within the list or against the registry', async () => {
    await importUnitList();
    const file = await check('cases/单位名单-别名冲突.xlsx');
    expect(file.status).toBe('errors');
    const r = await rows(file.checkId);
    expect(r.map((x) => [x.row, x.status, codes(x)])).toEqual([
      [2, 'error', ['UNIT_NAME_TAKEN']],
      [3, 'error', ['UNIT_NAME_TAKEN']],
      [4, 'error', ['UNIT_NAME_TAKEN']],
    ]);
    expect(r[2]?.issues[0]?.detail).toBe('“市公安局”已是单位“沅江市公安局”的名称或别名，同一名称只能属于一个单位');
  });
});

describe('rosters as agencies send them', () => {
  it('imports a roster without 编制类型 as 未填写 (a warning per row); 批量填写 fills the column in one go', async () => {
    await importUnitList();
    const file = await check('cases/名册-无编制类型.xlsx');
    expect(file.status).toBe('ready');
    const before = await rows(file.checkId);
    expect(before.map((r) => [r.status, codes(r)])).toEqual(NO_STAFFING.map(() => ['add', ['STAFFING_MISSING']]));
    expect(before[0]?.issues.find((i) => i.code === 'STAFFING_MISSING')?.message).toBe(
      '文件“名册-无编制类型.xlsx”工作表“花名册”第 3 行（编制类型）：未填写编制类型，登记为“未填写”（待核实）。可在预览中用“批量填写”补填',
    );
    const filled = await callOk<{ file: FileCheck; filled: number }>(backend, 'import.fillEmpty', { checkId: file.checkId, field: 'staffing_type', value: '行政编制' });
    expect(filled.filled).toBe(NO_STAFFING.length);
    expect(filled.file.pendingChanges).toBe(NO_STAFFING.length);
    expect((await rows(file.checkId)).map((r) => [r.values['staffing_type'], codes(r)])).toEqual(NO_STAFFING.map(() => ['行政编制', []]));
    await callOk(backend, 'import.commit', { checkId: file.checkId });
    expect(
      db()
        .prepare(`SELECT DISTINCT staffing_type FROM personnel WHERE id_number IN (${NO_STAFFING.map(() => '?').join(',')})`)
        .pluck()
        .all(...NO_STAFFING.map((p) => p.idNumber)),
    ).toEqual(['行政编制']);
  });

  it('imports a roster without 编制类型, 电话 or 性别: sex from the ID, staffing 未填写, cards held pending confirmation', async () => {
    await importUnitList();
    const file = await check('cases/名册-无编制类型电话性别.xls');
    expect(file.status).toBe('ready');
    await callOk(backend, 'import.commit', { checkId: file.checkId });
    const held = db().prepare(`SELECT p.sex, p.staffing_type, p.phone, c.state FROM personnel p JOIN certificates c ON c.person_id = p.id WHERE p.id_number = ?`).get(NONE_OF_THREE[0]?.idNumber);
    expect(held).toEqual({ sex: NONE_OF_THREE[0]?.sex, staffing_type: '未填写', phone: null, state: '有效' });
    // The roster lists them among the data problems to confirm.
    const query = await callOk<{ total: number }>(backend, 'personnel.query', { filter: { staffingTypes: ['未填写'] }, firstRows: 0 });
    expect(query.total).toBe(NONE_OF_THREE.length);
  });

  it('finds a roster without 电话 and 性别 clean', async () => {
    await importUnitList();
    const file = await check('cases/名册-无电话无性别.ods');
    expect(file.status).toBe('ready');
    expect((await rows(file.checkId)).map((r) => [r.values['sex'], r.issues.filter((i) => i.severity !== 'note').length])).toEqual(NO_PHONE_SEX.map((p) => [p.sex, 0]));
  });

  it('reads a staffing type it does not know as 未填写, with a warning naming the word', async () => {
    await importUnitList();
    const file = await check('cases/名册-编制类型无法识别.xlsx');
    expect(file.status).toBe('ready');
    const r = await rows(file.checkId);
    expect(r.map((x) => [x.values['staffing_type'], codes(x)])).toEqual([
      [null, ['STAFFING_UNREADABLE']],
      [null, ['STAFFING_UNREADABLE']],
      [UNREADABLE_STAFFING[2]?.staffing, []],
    ]);
    expect(r[0]?.issues[0]?.detail).toContain('编制类型“编外”无法识别');
  });

  it('flags an ID number registered outside the county as a warning, and imports it', async () => {
    await importUnitList();
    const file = await check('cases/名册-外地身份证.xlsx');
    expect(file.status).toBe('ready');
    const r = await rows(file.checkId);
    expect(r.map((x) => codes(x))).toEqual(FROM_ELSEWHERE.map((p) => (p.idNumber.startsWith(COUNTY.regionCode) ? [] : ['ID_REGION_OUTSIDE'])));
    expect(r[0]?.issues[0]?.detail).toBe('身份证号的地区码 430902 不是本地（沅江市的 430981），请核对是否填错；外地出生的人员可忽略此提示');
  });

  it('proposes the unit a roster names that the list lacks, and adds it with the people in one undoable import', async () => {
    await importUnitList();
    const file = await check('cases/名册-名单外单位.xlsx');
    expect(file.status).toBe('ready');
    expect(file.sheets[0]?.agency).toEqual({ unitId: null, name: '新湾镇人民政府', source: 'title' });
    expect(file.unitsToAdd.map((u) => [u.name, u.kind, u.kindGuessed, u.existingUnitId])).toEqual([['新湾镇人民政府', '乡镇街道', true, null]]);
    expect(file.sheets[0]?.unitsToAdd).toEqual([{ name: '新湾镇人民政府', kind: '乡镇街道' }]);
    expect(file.sheets[0]?.counts.importable).toBe(NEW_TOWN.length);
    const refused = await callErr(backend, 'import.commit', { checkId: file.checkId });
    expect(refused.code).toBe('UNITS_TO_ADD');
    expect(refused.message).toBe('文件“名册-名单外单位.xlsx”要导入，须先新增单位名单中没有的单位：新湾镇人民政府（乡镇（街道））。请确认后再导入。');
    // The clerk may change the kind the name suggested (and change it back).
    const key = file.unitsToAdd[0]?.key ?? '';
    const edited = await callOk<FileCheck>(backend, 'import.setUnitToAdd', { checkId: file.checkId, key, kind: '市直单位' });
    expect(edited.unitsToAdd[0]).toMatchObject({ kind: '市直单位', kindGuessed: false });
    await callOk(backend, 'import.setUnitToAdd', { checkId: file.checkId, key, kind: '乡镇街道' });
    const before = count(`SELECT count(*) FROM units`);
    const result = await callOk<{ batchId: number; unitsAdded: number; added: number; summary: string }>(backend, 'import.commit', { checkId: file.checkId, addUnits: true });
    expect([result.unitsAdded, result.added]).toEqual([1, NEW_TOWN.length]);
    expect(result.summary).toBe(`导入“名册-名单外单位.xlsx”（执法人员名册）：新增单位 1 个、新增 ${NEW_TOWN.length} 条`);
    expect(db().prepare(`SELECT u.kind, count(p.id) AS n FROM units u JOIN personnel p ON p.unit_id = u.id WHERE u.name = '新湾镇人民政府'`).get()).toEqual({ kind: '乡镇街道', n: NEW_TOWN.length });
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
    expect(count(`SELECT count(*) FROM units`)).toBe(before);
    expect(count(`SELECT count(*) FROM units WHERE name = '新湾镇人民政府'`)).toBe(0);
  });

  it('sends each row of a 汇总 sheet with merged unit cells to its own unit, proposing the one the list lacks', async () => {
    await importUnitList();
    const file = await check('cases/汇总-合并单元格-名单外单位.xlsx');
    expect(file.status).toBe('ready');
    const [sheet] = file.sheets;
    expect(sheet?.agency).toBeNull();
    expect(sheet?.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(file.unitsToAdd.map((u) => [u.name, u.kind])).toEqual([['黄茅洲镇', '乡镇街道']]);
    expect((await rows(file.checkId)).map((r) => r.values['unit'])).toEqual(SUMMARY_TOWNS.map((p) => p.unit));
    await callOk(backend, 'import.commit', { checkId: file.checkId, addUnits: true });
    const placed = db().prepare(`SELECT u.name FROM personnel p JOIN units u ON u.id = p.unit_id WHERE p.id_number = ?`).pluck();
    expect(SUMMARY_TOWNS.map((p) => placed.get(p.idNumber))).toEqual(SUMMARY_TOWNS.map((p) => p.unit));
  });

  it('warns on a row whose unit is not the file’s 填报单位, and files the person under the row’s unit', async () => {
    await importUnitList();
    const file = await check('cases/汇总-填报单位不一致.xlsx');
    expect(file.status).toBe('ready');
    const r = await rows(file.checkId);
    const odd = r.find((x) => x.row === DISAGREEING_ROW);
    expect(codes(odd)).toEqual(['UNIT_OTHER_THAN_SHEET']);
    expect(odd?.issues[0]?.detail).toBe('单位填写为“沅江市司法局”，与表格的报送单位“沅江市公安局”不同，按本行的单位登记，请核实');
    expect(r.filter((x) => x.row !== DISAGREEING_ROW).every((x) => codes(x).length === 0)).toBe(true);
    await callOk(backend, 'import.commit', { checkId: file.checkId });
    const person = SUMMARY_DISAGREEING[3];
    expect(db().prepare(`SELECT u.name FROM personnel p JOIN units u ON u.id = p.unit_id WHERE p.id_number = ?`).pluck().get(person?.idNumber)).toBe(person?.unit);
  });
});

describe('the four lists and the catalog: what makes an entry the same', () => {
  it('keeps one violation under two clauses as two entries, and a revised list updates them instead of adding twins', async () => {
    await importUnitList();
    const file = await check('cases/不予处罚-同一违法行为两个条款.xlsx');
    expect(file.status).toBe('ready');
    expect((await rows(file.checkId)).map((r) => [r.status, codes(r)])).toEqual(TWO_CLAUSES.map(() => ['add', []]));
    await callOk(backend, 'import.commit', { checkId: file.checkId });
    const revised = await check('cases/不予处罚-同一违法行为两个条款-修订.xlsx');
    const r = await rows(revised.checkId);
    expect(r.map((x) => [x.status, x.diff.map((d) => d.field)])).toEqual([
      ['change', ['conditions']],
      ['change', ['conditions']],
      ['unchanged', []],
    ]);
    await callOk(backend, 'import.commit', { checkId: revised.checkId });
    const held = db()
      .prepare(`SELECT l.violation_basis, l.conditions FROM penalty_list_items l JOIN units u ON u.id = l.unit_id WHERE u.name = ? AND l.violation = ? ORDER BY l.id`)
      .all(TWO_CLAUSES[0]?.unit, TWO_CLAUSES[0]?.violation) as { violation_basis: string; conditions: string }[];
    expect(held.map((h) => h.violation_basis)).toEqual([TWO_CLAUSES[0]?.clause, TWO_CLAUSES[1]?.clause]);
    expect(held.every((h) => h.conditions.endsWith('\n4.违法行为持续时间不超过三个月。'))).toBe(true);
  });

  it('keeps the later of two rows of one entry (same violation, clause and basis), with a warning on the earlier', async () => {
    await importUnitList();
    const file = await check('cases/从轻处罚-重复行.ods');
    expect(file.status).toBe('ready');
    const r = await rows(file.checkId);
    expect(r.map((x) => [x.row, x.status, codes(x)])).toEqual([
      [3, 'duplicate', ['DUPLICATE_ENTRY']],
      [4, 'duplicate', ['DUPLICATE_ENTRY']],
      [5, 'add', []],
      [6, 'add', []],
    ]);
    expect(r[0]?.issues[0]?.detail).toBe('与第 5 行是同一事项（违法行为、违法依据和处罚依据都相同），以第 5 行为准，本行不导入');
    expect(file.sheets[0]?.counts).toMatchObject({ read: 4, importable: 2, duplicate: 2, errors: 0 });
  });

  it('keeps the line breaks of long texts through the preview, the commit and the search', async () => {
    await importUnitList();
    const file = await check('cases/四项清单-多行文本.xlsx');
    const first = (await rows(file.checkId))[0];
    expect(first?.values['conditions']).toBe(MULTILINE[0]?.conditions);
    expect(first?.values['penalty_basis']).toBe(MULTILINE[0]?.basis);
    expect(first?.raw['F']).toBe(MULTILINE[0]?.conditions);
    await callOk(backend, 'import.commit', { checkId: file.checkId });
    const held = db().prepare(`SELECT conditions, discretion FROM penalty_list_items WHERE violation = ?`).get(MULTILINE[1]?.violation);
    expect(held).toEqual({ conditions: MULTILINE[1]?.conditions, discretion: MULTILINE[1]?.discretion });
    const found = await callOk<{ hits: { kind: string }[] }>(backend, 'search.query', { q: '自行拆除' });
    expect(found.hits.map((h) => h.kind)).toEqual(['no_penalty']);
    // A phrase never matches across a line break.
    const across = await callOk<{ total: number }>(backend, 'search.query', { q: '拆除；3.' });
    expect(across.total).toBe(0);
  });

  it('imports catalog items of one name under different bases as different items; a true repeat once', async () => {
    await importUnitList();
    const file = await check('cases/检查事项-同名不同依据.xlsx');
    expect(file.status).toBe('ready');
    expect((await rows(file.checkId)).map((r) => [r.status, codes(r)])).toEqual([
      ['add', []],
      ['add', []],
      ['duplicate', ['DUPLICATE_ENTRY']],
      ['add', []],
    ]);
    const result = await callOk<{ added: number }>(backend, 'import.commit', { checkId: file.checkId });
    expect(result.added).toBe(SAME_NAME_ITEMS.length);
  });

  it('reads a catalog without a 事项类别 column: each row lacks it, and 批量填写 makes it importable', async () => {
    await importUnitList();
    const file = await check('cases/检查事项-无事项类别.xls');
    expect(file.status).toBe('errors');
    expect(file.sheets[0]?.issues.filter((i) => i.row === null && i.severity === 'error')).toEqual([]);
    expect((await rows(file.checkId)).map((r) => codes(r))).toEqual(NO_CATEGORY_ITEMS.map(() => ['CATEGORY_INVALID']));
    const filled = await callOk<{ file: FileCheck; filled: number }>(backend, 'import.fillEmpty', { checkId: file.checkId, field: 'category', value: '一般检查事项' });
    expect([filled.filled, filled.file.status]).toEqual([NO_CATEGORY_ITEMS.length, 'ready']);
  });
});

describe('the preview lives in the backend', () => {
  it('lists the files checked in this session, the latest check first, each with its uncommitted corrections', async () => {
    await importUnitList();
    const first = await check('cases/名册-无电话无性别.ods');
    const second = await check('cases/名册-外地身份证.xlsx');
    await callOk(backend, 'import.excludeRow', { checkId: second.checkId, sheetIndex: 0, row: 3, excluded: true });
    const { files } = await callOk<{ files: FileCheck[] }>(backend, 'import.sessions', {});
    expect(files.slice(0, 2).map((f) => [f.checkId, f.pendingChanges])).toEqual([
      [second.checkId, 1],
      [first.checkId, 0],
    ]);
  });

  it('fills in the rows the clerk selected only', async () => {
    await importUnitList();
    const file = await check('cases/名册-无编制类型.xlsx');
    const r = await callOk<{ filled: number }>(backend, 'import.fillEmpty', { checkId: file.checkId, field: 'staffing_type', value: '事业编制', sheetIndex: 0, rows: [3, 4] });
    expect(r.filled).toBe(2);
    expect((await rows(file.checkId)).map((x) => x.values['staffing_type'])).toEqual(['事业编制', '事业编制', null, null]);
  });
});

describe('the error workbook for the agency', () => {
  it('lists every problem of the agency’s own file, those corrected in the preview marked with the corrected value', async () => {
    await importUnitList();
    const submission = SUBMISSIONS.find((s) => s.path === '水利局名册.xlsx');
    const fix = submission?.fixes[0];
    if (!submission || !fix) throw new Error('水利局名册.xlsx has no fix');
    const file = await check(path.join('county', submission.path));
    expect(file.status).toBe('errors');
    await callOk(backend, 'import.editCell', { checkId: file.checkId, sheetIndex: 0, row: fix.row, field: fix.field, value: fix.value });
    const out = await callOk<{ fileId: string }>(backend, 'import.errorWorkbook', { checkId: file.checkId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(backend.context.files.read(out.fileId) as unknown as ArrayBuffer);
    const listed: string[][] = [];
    wb.getWorksheet('问题清单')?.eachRow((row, n) => {
      if (n > 3) listed.push([2, 3, 4, 6].map((c) => String(row.getCell(c).value ?? '')));
    });
    expect(listed).toEqual([[String(fix.row), 'C', '错误', `已在台账中更正为“${fix.value}”`]]);
    const cell = wb.getWorksheet('花名册')?.getCell(3 + fix.row - 2, 3);
    expect(String(cell?.note ?? '')).toContain(`已在台账中更正为“${fix.value}”`);
  });
});
