import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { RosterDocument } from '../../shared/api/methods/rosters.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
});
afterAll(() => backend.close());

const rows = (doc: RosterDocument) => doc.sections.flatMap((s) => s.rows);
const MASKED = /^\d{6}\*{8}[\dX]{4}$/;

async function readWorkbook(fileId: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(backend.context.files.read(fileId) as unknown as ArrayBuffer);
  return book;
}

describe('renewal roster (换证人员名册)', () => {
  it('lists everyone expiring within 180 days, in unit order, IDs masked, with the signature block', async () => {
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal', filter: { expiringWithinDays: 180 } });
    const expected = await callOk<{ total: number }>(backend, 'personnel.query', { filter: { expiringWithinDays: 180 }, firstRows: 0 });
    expect(doc.title).toBe('沅江市司法局行政执法证件换证人员名册');
    expect(doc.subtitle).toContain('制表日期：2026年11月29日');
    expect(doc.subtitle).toContain('证件有效期至 2027年5月28日前到期');
    expect(doc.total).toBe(expected.total);
    expect(doc.columns.map((c) => c.header)).toEqual(['序号', '单位', '姓名', '性别', '身份证号', '原证号', '发证日期', '有效期至', '执法类别', '备注']);
    expect(doc.signatureItems).toEqual(['经办人', '审核人', '单位（盖章）', '日期']);
    const list = rows(doc);
    expect(list.map((r) => r['seq'])).toEqual(list.map((_r, i) => String(i + 1)));
    for (const r of list) {
      expect(r['idNumber']).toMatch(MASKED);
      expect(r['expiryDate']! >= TODAY && r['expiryDate']! <= '2027-05-28').toBe(true);
      expect(r['remark']).toMatch(/天后到期/);
    }
    // grouped by unit: a unit's rows are contiguous
    const units = list.map((r) => r['unit']);
    expect(new Set(units).size).toBe(units.filter((u, i) => i === 0 || units[i - 1] !== u).length);
  });

  it('prints full ID numbers only when asked, and a page per unit with its own signature', async () => {
    const full = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal', filter: { expiringWithinDays: 180 }, fullIdNumbers: true, pagePerUnit: true });
    expect(full.fullIdNumbers).toBe(true);
    for (const r of rows(full)) expect(r['idNumber']).toMatch(/^\d{17}[\dX]$/);
    expect(full.sections.length).toBeGreaterThan(3);
    expect(full.pageNumbering, 'each unit counts its own pages').toBe('section');
    for (const s of full.sections) {
      expect(s.heading).toMatch(/^单位：.+（\d+ 人）$/);
      // The selection line stays on each unit's first page.
      expect(s.subtitle).toBe(`${s.heading ?? ''}　　制表日期：2026年11月29日　　证件有效期至 2027年5月28日前到期`);
      expect(s.signed).toBe(true);
      expect(new Set(s.rows.map((r) => r['unit'])).size).toBe(1);
      expect(s.rows[0]?.['seq']).toBe('1');
    }
  });

  it('prints people picked by hand, including expired cards', async () => {
    const expired = await callOk<{ ids: number[] }>(backend, 'personnel.query', { filter: { statuses: ['已过期'] }, firstRows: 0 });
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal', personIds: expired.ids.slice(0, 3) });
    expect(doc.total).toBe(3);
    expect(doc.subtitle).toContain('名册中选定的人员');
    for (const r of rows(doc)) expect(r['remark']).toMatch(/已过期 \d+ 天/);
  });

  it('exports the same roster as a print-ready workbook', async () => {
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal', filter: { expiringWithinDays: 180 } });
    const file = await callOk<{ fileId: string; name: string; rows: number }>(backend, 'rosters.exportXlsx', { kind: 'renewal', filter: { expiringWithinDays: 180 } });
    expect(file.name).toBe(`换证人员名册_${TODAY}.xlsx`);
    expect(file.rows).toBe(doc.total);
    const book = await readWorkbook(file.fileId);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(doc.title);
    expect(sheet.getRow(3).values).toEqual([undefined, ...doc.columns.map((c) => c.header)]);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    const first = rows(doc)[0]!;
    expect(sheet.getCell('B4').value).toBe(first['unit']);
    expect(sheet.getCell('E4').value).toBe(first['idNumber']);
    expect(sheet.getCell('E4').value).toMatch(MASKED);
    // ID and card numbers are text cells, never numbers a spreadsheet could round
    expect(typeof sheet.getCell('F4').value).toBe('string');
    expect(sheet.getCell('E4').numFmt).toBe('@');
    // Numbers are numbers and dates are dates (as the audit workbook writes them)
    expect(sheet.getCell('A4').value).toBe(1);
    expect(sheet.getCell('H4').value).toEqual(new Date(`${first['expiryDate']}T00:00:00Z`));
    expect(sheet.getCell('H4').numFmt).toBe('yyyy-mm-dd');
    const lastLines = [sheet.getCell(`A${3 + doc.total + 2}`).value, sheet.getCell(`A${3 + doc.total + 3}`).value].join('\n');
    expect(lastLines).toContain('经办人');
    expect(lastLines).toContain('审核人');
  });

  it('exports a sheet per unit when printed a page per unit', async () => {
    const file = await callOk<{ fileId: string }>(backend, 'rosters.exportXlsx', { kind: 'renewal', filter: { expiringWithinDays: 180 }, pagePerUnit: true });
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal', filter: { expiringWithinDays: 180 }, pagePerUnit: true });
    const book = await readWorkbook(file.fileId);
    expect(book.worksheets.map((w) => w.name)).toEqual(
      doc.sections.map((s) =>
        s
          .heading!.replace(/^单位：/, '')
          .replace(/（\d+ 人）$/, '')
          .slice(0, 28),
      ),
    );
  });
});

describe('cancellation announcement (注销公示名单)', () => {
  it('lists the cancellations not yet announced, and drops them once the announcement is recorded', async () => {
    const db = backend.context.db;
    const unannounced = db.prepare(`SELECT count(*) FROM certificates WHERE state = '已注销' AND announce_date IS NULL`).pluck().get() as number;
    const all = db.prepare(`SELECT count(*) FROM certificates WHERE state = '已注销'`).pluck().get() as number;
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'cancellation' });
    expect(doc.title).toBe('沅江市行政执法证件注销公示名单');
    expect(doc.issuer).toBe('沅江市司法局');
    expect(doc.total).toBe(unannounced);
    expect(doc.certificateIds).toHaveLength(unannounced);
    const everything = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'cancellation', onlyUnannounced: false });
    expect(everything.total).toBe(all);
    for (const r of rows(everything)) {
      expect(['调离执法岗位', '退休', '辞职', '死亡', '辞退或开除', '其他']).toContain(r['reason']);
      expect(r['idNumber']).toMatch(MASKED);
    }

    // a new cancellation shows up on the next announcement
    const person = db.prepare(`SELECT person_id FROM certificate_current WHERE state = '有效' AND cert_type = '行政执法证' LIMIT 1`).pluck().get() as number;
    await callOk(backend, 'certificates.transition', { action: '注销', personId: person, certType: '行政执法证', date: TODAY, reason: null, docRef: null, cancelReason: '辞职', announceDate: null });
    const next = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'cancellation' });
    expect(next.total).toBe(unannounced + 1);
    expect(rows(next).some((r) => r['cancelDate'] === TODAY && r['reason'] === '辞职')).toBe(true);

    await callOk(backend, 'certificates.announce', { certificateIds: next.certificateIds, announceDate: TODAY, docRef: null });
    expect((await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'cancellation' })).total).toBe(0);
    const dated = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'cancellation', onlyUnannounced: false, from: TODAY, to: TODAY });
    expect(dated.total).toBe(1);
    expect(rows(dated)[0]?.['remark']).toBe(`已于 ${TODAY} 公示`);
  });
});

describe('public list of officers (行政执法人员公示名单)', () => {
  it('lists holders of a card in force with 姓名、所属机构、职务、执法证件号码、执法范围, and no ID numbers', async () => {
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'public-list' });
    const inForce = await callOk<{ total: number }>(backend, 'personnel.query', { filter: { statuses: ['有效', '即将到期'], certType: '行政执法证' }, firstRows: 0 });
    expect(doc.total).toBe(inForce.total);
    expect(doc.columns.map((c) => c.header)).toEqual(['序号', '姓名', '所属机构', '职务', '执法证件号码', '执法范围']);
    expect(JSON.stringify(doc)).not.toMatch(/\d{6}\*{8}/);
    expect(rows(doc).every((r) => r['certNumber'] !== '')).toBe(true);

    const unit = backend.context.db.prepare(`SELECT id FROM units WHERE name = '沅江市司法局'`).pluck().get() as number;
    const supervisors = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'public-list', unitIds: [unit], certType: '行政执法监督证' });
    expect(supervisors.title).toBe('沅江市司法局行政执法监督人员公示名单');
    expect(supervisors.total).toBeGreaterThan(10);
  });
});

describe('training shortfall list (培训学时不足名单)', () => {
  it('lists the people below the yearly requirement with what they still need', async () => {
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'training-short' });
    const summary = await callOk<{ people: unknown[] }>(backend, 'training.summary', { onlyShort: true });
    expect(doc.title).toBe('沅江市司法局行政执法人员培训学时不足名单（2026年度）');
    expect(doc.total).toBe(summary.people.length);
    for (const r of rows(doc)) expect(Number(r['hours']) + Number(r['shortfall'])).toBeCloseTo(60, 5);
  });
});
