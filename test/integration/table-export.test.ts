import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { RosterRow } from '../../shared/api/methods/personnel.ts';
import type { TableDocument } from '../../shared/api/methods/tables.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
let unitId: number;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  const { units } = await callOk<{ units: { id: number; name: string }[] }>(backend, 'units.list', {});
  unitId = units.find((u) => u.name.includes('市场监督'))?.id ?? units[0]!.id;
});
afterAll(() => backend.close());

type Exported = { fileId: string; name: string; rows: number };

async function readWorkbook(fileId: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(backend.context.files.read(fileId) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

/** The header row (the one starting with 序号) and the data rows under it, up to the closing lines. */
function tableOf(sheet: ExcelJS.Worksheet): { header: string[]; rows: ExcelJS.Row[] } {
  let headerNo = 0;
  sheet.eachRow((row, n) => {
    if (headerNo === 0 && row.getCell(1).value === '序号') headerNo = n;
  });
  const header = (sheet.getRow(headerNo).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  for (let n = headerNo + 1; n <= sheet.rowCount; n += 1) {
    const row = sheet.getRow(n);
    if (typeof row.getCell(1).value !== 'number') break;
    rows.push(row);
  }
  return { header, rows };
}

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

const rosterFilter = () => ({ unitIds: [unitId], statuses: ['有效', '即将到期'] });

describe('roster as filtered', () => {
  it('exports exactly the rows the roster query selects, with typed cells and the columns asked for', async () => {
    const screen = await callOk<{ total: number; ids: number[] }>(backend, 'personnel.query', { filter: rosterFilter(), firstRows: 0 });
    expect(screen.total).toBeGreaterThan(3);
    const people = await callOk<{ rows: RosterRow[] }>(backend, 'personnel.rows', { ids: screen.ids });
    const columns = ['name', 'idNumber', 'certNumber', 'expiryDate', 'trainingHours', 'status'];
    const out = await callOk<Exported>(backend, 'tables.export', { query: { kind: 'roster', filter: rosterFilter() }, columns, format: 'xlsx' });
    expect(out.rows).toBe(screen.total);
    expect(out.name).toBe(`执法人员名册_${TODAY}.xlsx`);
    const sheet = await readWorkbook(out.fileId);
    const { header, rows } = tableOf(sheet);
    expect(header).toEqual(['序号', '姓名', '身份证号', '证件编号', '有效期至', '本年学时', '状态']);
    expect(rows).toHaveLength(screen.total);
    expect(new Set(rows.map((r) => r.getCell(4).value))).toEqual(new Set(people.rows.map((r) => r.certNumber)));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(people.rows.map((r) => r.name));
    rows.forEach((r, i) => {
      expect(r.getCell(1).value).toBe(i + 1);
      expect(r.getCell(3).value).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(r.getCell(5).value).toBeInstanceOf(Date);
      expect(r.getCell(5).numFmt).toBe('yyyy-mm-dd');
      expect(typeof r.getCell(6).value).toBe('number');
      expect(typeof r.getCell(4).value).toBe('string');
      expect(r.getCell(4).numFmt).toBe('@');
    });
    expect((rows[0]!.getCell(5).value as Date).toISOString().slice(0, 10)).toBe(people.rows[0]!.expiryDate);
  });

  it('follows the screen sort, and prints the same rows in the rosters’ layout', async () => {
    const sort = { key: 'expiryDate', order: 'desc' } as const;
    const screen = await callOk<{ ids: number[] }>(backend, 'personnel.query', { filter: rosterFilter(), sort, firstRows: 0 });
    const people = await callOk<{ rows: RosterRow[] }>(backend, 'personnel.rows', { ids: screen.ids });
    const doc = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'roster', filter: rosterFilter() }, columns: ['unit', 'name', 'expiryDate'], sort });
    expect(doc.title).toBe('沅江市司法局执法人员名册');
    expect(doc.subtitle).toContain('制表日期：2026年11月29日');
    expect(doc.subtitle).toContain('状态：有效、即将到期');
    expect(doc.subtitle).toContain(`共 ${people.rows.length} 人`);
    expect(doc.columns.map((c) => c.header)).toEqual(['序号', '单位', '姓名', '有效期至']);
    expect(doc.signatureItems.length).toBeGreaterThan(0);
    const rows = doc.sections.flatMap((s) => s.rows);
    expect(rows.map((r) => r['name'])).toEqual(people.rows.map((r) => r.name));
    expect(rows.map((r) => r['seq'])).toEqual(rows.map((_r, i) => String(i + 1)));
    const dates = rows.map((r) => r['expiryDate'] ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('writes full ID numbers only when asked, and records that in the access log', async () => {
    const out = await callOk<Exported>(backend, 'tables.export', { query: { kind: 'roster', filter: rosterFilter() }, columns: ['idNumber'], fullIdNumbers: true, format: 'csv' });
    const records = parseCsv(backend.context.files.read(out.fileId).toString('utf8').slice(1));
    for (const r of records.slice(1)) expect(r[1]).toMatch(/^\d{17}[\dX]$/);
    const access = await callOk<{ entries: { kind: string; summary: string }[] }>(backend, 'history.access', { limit: 5 });
    expect(access.entries[0]?.kind).toBe('export_full_ids');
    expect(access.entries[0]?.summary).toContain('执法人员名册');
  });

  it('refuses a request without any known column', async () => {
    const err = await callErr(backend, 'tables.export', { query: { kind: 'roster', filter: {} }, columns: ['nothing'], format: 'xlsx' });
    expect(err.code).toBe('INVALID_INPUT');
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM and CRLF, quotes commas, quotes and line breaks, and neutralises formulas', async () => {
    const name = '=HYPERLINK("http://x","点我")';
    const content = '检查一，"重点"\n第二行';
    await callOk(backend, 'catalog.create', {
      unitId,
      itemCode: '000123',
      name,
      category: '重点检查事项',
      basis: null,
      subject: null,
      undertakingBody: null,
      target: null,
      content,
      method: null,
      frequency: null,
      notes: '+1',
    });
    const query = { kind: 'inspection-items', unitId } as const;
    const out = await callOk<Exported>(backend, 'tables.export', { query, columns: ['itemCode', 'name', 'content', 'notes'], format: 'csv' });
    const bytes = backend.context.files.read(out.fileId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(true); // the line break inside the quoted field
    const records = parseCsv(text);
    const listed = await callOk<{ rows: unknown[] }>(backend, 'catalog.items', { unitId });
    expect(records).toHaveLength(listed.rows.length + 1);
    expect(records[0]).toEqual(['序号', '事项编码', '事项名称', '检查内容', '备注']);
    const ours = records.find((r) => r[1] === '000123');
    expect(ours).toEqual([ours?.[0], '000123', `'${name}`, content, "'+1"]);
    expect(records.slice(1).map((r) => r[0])).toEqual(records.slice(1).map((_r, i) => String(i + 1)));
  });

  it('writes the same item as typed, escaped cells in the workbook', async () => {
    const out = await callOk<Exported>(backend, 'tables.export', { query: { kind: 'inspection-items', unitId }, columns: ['itemCode', 'name'], format: 'xlsx' });
    const { rows } = tableOf(await readWorkbook(out.fileId));
    const ours = rows.find((r) => r.getCell(2).value === '000123');
    expect(ours?.getCell(3).value).toBe('=HYPERLINK("http://x","点我")');
    expect(ours?.getCell(3).formula).toBeUndefined();
  });
});

describe('the other tables', () => {
  it('training per person and per unit: numbers are numbers', async () => {
    const summary = await callOk<{ people: unknown[]; units: unknown[] }>(backend, 'training.summary', { onlyShort: true });
    const people = await callOk<Exported>(backend, 'tables.export', { query: { kind: 'training-people', onlyShort: true }, format: 'xlsx' });
    expect(people.rows).toBe(summary.people.length);
    const { header, rows } = tableOf(await readWorkbook(people.fileId));
    expect(header).toEqual(['序号', '单位', '姓名', '职务', '状态', '培训次数', '已完成学时', '尚差学时']);
    for (const r of rows.slice(0, 20)) {
      expect(typeof r.getCell(6).value).toBe('number');
      expect(typeof r.getCell(7).value).toBe('number');
      expect(typeof r.getCell(8).value).toBe('number');
    }
    const units = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'training-units', onlyShort: true } });
    expect(units.total).toBe(summary.units.length);
  });

  it('each list, the operation history and the import batches print with their rows', async () => {
    for (const listKind of ['no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion'] as const) {
      const listed = await callOk<{ rows: unknown[] }>(backend, 'lists.items', { unitId: null, listKind, limit: 300_000 });
      const doc = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'list-items', listKind } });
      expect(doc.total).toBe(listed.rows.length);
    }
    const history = await callOk<{ operations: { summary: string }[] }>(backend, 'history.recent', { limit: 500 });
    const doc = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'history' } });
    expect(doc.total).toBe(history.operations.length);
    expect(doc.sections[0]?.rows[0]?.['at']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const batches = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'import-batches' } });
    expect(batches.total).toBe(0);
    // An empty table of things that are not people says so in its own words.
    expect(batches.emptyText).toBe('没有符合条件的记录');
  });

  it('statistics: one numbered row per agency, counts as numbers, and the 合计 row as on screen', async () => {
    const stats = await callOk<{ agencies: { name: string; counts: { items: number } }[]; totals: { items: number }; agencyCount: number }>(backend, 'catalog.statistics', {});
    const out = await callOk<Exported>(backend, 'tables.export', { query: { kind: 'statistics' }, format: 'xlsx' });
    expect(out.rows).toBe(stats.agencies.length);
    const sheet = await readWorkbook(out.fileId);
    const { header, rows } = tableOf(sheet);
    expect(header.slice(0, 5)).toEqual(['序号', '单位', '一般', '重点', '事项合计']);
    expect(rows.map((r) => r.getCell(2).value)).toEqual(stats.agencies.map((a) => a.name));
    expect(rows.map((r) => r.getCell(5).value)).toEqual(stats.agencies.map((a) => a.counts.items));
    const total = sheet.getRow(rows.at(-1)!.number + 1);
    expect(total.getCell(2).value).toBe(`合计（${stats.agencyCount} 个单位）`);
    expect(total.getCell(5).value).toBe(stats.totals.items);
  });

  it('publications: the screen’s filter selects the agencies', async () => {
    const listed = await callOk<{ agencies: { name: string; publication: { status: string } }[] }>(backend, 'publications.list', {});
    const unpublished = listed.agencies.filter((a) => a.publication.status === '未发布');
    expect(unpublished.length, 'the sample data has agencies that have not published').toBeGreaterThan(0);
    const doc = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'publications', filter: '未发布' }, columns: ['name', 'status', 'doc'] });
    expect(doc.total).toBe(unpublished.length);
    expect(doc.columns.map((c) => c.header)).toEqual(['序号', '单位', '状态', '文号']);
    expect(doc.sections[0]?.rows.map((r) => r['name'])).toEqual(unpublished.map((a) => a.name));
    for (const r of doc.sections[0]?.rows ?? []) expect(r['status']).toMatch(/^未发布/);
  });

  it('sorts any table by the screen’s column, empty cells last both ways, and numbers the sorted rows', async () => {
    const stats = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'statistics' }, sort: { key: 'items', order: 'desc' } });
    const items = stats.sections[0]!.rows.slice(0, -1).map((r) => Number(r['items']));
    expect(items).toEqual([...items].sort((a, b) => b - a));
    expect(stats.sections[0]!.rows.at(-1)?.['name']).toMatch(/^合计/);
    for (const order of ['asc', 'desc'] as const) {
      const doc = await callOk<TableDocument>(backend, 'tables.print', { query: { kind: 'publications' }, columns: ['name', 'date'], sort: { key: 'date', order } });
      const rows = doc.sections[0]!.rows;
      expect(rows.map((r) => r['seq'])).toEqual(rows.map((_r, i) => String(i + 1)));
      const dates = rows.map((r) => r['date'] ?? '');
      const filled = dates.filter((d) => d !== '');
      expect(filled.length, 'some agencies have published and some have not').toBeGreaterThan(0);
      expect(filled.length).toBeLessThan(dates.length);
      expect(dates.slice(0, filled.length), `${order}: dates first, empty cells last`).toEqual(order === 'asc' ? [...filled].sort() : [...filled].sort().reverse());
    }
  });
});
