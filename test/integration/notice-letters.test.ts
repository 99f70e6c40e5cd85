import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { RosterDocument } from '../../shared/api/methods/rosters.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * The letters to units (换证通知, 参训督促通知, 督办通知) on the sample registry: a letter per unit,
 * listing exactly whom (or what) the registry's own answers say, with the notice text of the
 * registry's settings and today.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
});
afterAll(() => backend.close());

const unitOf = (heading: string | null) => (heading ?? '').replace(/^单位：/, '').replace(/（\d+ 人）$/, '');

interface PublicationsAnswer {
  agencies: { unitId: number; name: string; publication: { status: string } }[];
}

async function readWorkbook(fileId: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(backend.context.files.read(fileId) as unknown as ArrayBuffer);
  return book;
}

describe('换证通知 (renewal notice)', () => {
  it('writes one letter per unit listing exactly the renewal roster’s people of that unit', async () => {
    const filter = { expiringWithinDays: 180, includeExpired: true };
    const roster = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal', filter, pagePerUnit: true });
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal-notice', filter });
    expect(doc.kind).toBe('renewal-notice');
    expect(doc.pageNumbering).toBe('section');
    expect(doc.title).toBe('关于办理行政执法证件换证手续的通知');
    expect(doc.total).toBe(roster.total);
    expect(doc.sections.map((s) => unitOf(s.heading))).toEqual(roster.sections.map((s) => unitOf(s.heading)));
    expect(doc.columns.map((c) => c.key)).not.toContain('unit');
    doc.sections.forEach((section, i) => {
      const unit = unitOf(section.heading);
      const listed = roster.sections[i]?.rows ?? [];
      expect(section.rows.map((r) => r['idNumber'])).toEqual(listed.map((r) => r['idNumber']));
      expect(section.rows.map((r) => r['seq'])).toEqual(section.rows.map((_r, k) => String(k + 1)));
      expect(section.letter?.addressee).toBe(`${unit}：`);
      const text = section.letter?.paragraphs.join('') ?? '';
      // From the settings and today: the window (180 days = 6 months), the count, the deadline (+15 days), the bureau.
      expect(text).toContain('有效期届满前 6 个月内');
      expect(text).toContain(`贵单位下列 ${section.rows.length} 名人员`);
      expect(text).toContain('截至 2026年11月29日');
      expect(text).toContain('于 2026年12月14日前');
      expect(text).toContain('到沅江市司法局办理换证手续');
      expect(section.subtitle).toContain(`共 ${section.rows.length} 人`);
      expect(section.subtitle).toContain('证件有效期至 2027年5月28日前到期（含已过期）');
    });
    expect(doc.issuer).toBe('沅江市司法局');
    expect(doc.signatureItems).toEqual([]);
  });

  it('writes to the units of the people picked on the roster only', async () => {
    const some = await callOk<{ rows: { id: number; unitName: string }[] }>(backend, 'personnel.query', { filter: { expiringWithinDays: 180 }, firstRows: 200 });
    const picked = some.rows.filter((r, i, all) => all.findIndex((x) => x.unitName === r.unitName) === i).slice(0, 2);
    expect(picked).toHaveLength(2);
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal-notice', personIds: picked.map((p) => p.id) });
    expect(doc.sections.map((s) => unitOf(s.heading)).sort()).toEqual(picked.map((p) => p.unitName).sort());
    expect(doc.total).toBe(2);
  });

  it('exports a sheet per unit with the letter’s text above its list', async () => {
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'renewal-notice' });
    const { fileId, name } = await callOk<{ fileId: string; name: string }>(backend, 'rosters.exportXlsx', { kind: 'renewal-notice' });
    expect(name).toBe('换证通知_2026-11-29.xlsx');
    const book = await readWorkbook(fileId);
    expect(book.worksheets.map((w) => w.name)).toEqual(doc.sections.map((s) => unitOf(s.heading).slice(0, 28)));
    const first = book.worksheets[0]!;
    const texts = first.getColumn(1).values.map(String);
    expect(texts).toContain(doc.sections[0]?.letter?.addressee);
    expect(texts.some((t) => t.includes('办理换证手续'))).toBe(true);
    const headerRow = texts.indexOf('序号');
    expect(headerRow).toBeGreaterThan(0);
    expect(first.getRow(headerRow).values).toContain('身份证号');
    // 序号 is a number in the workbook.
    expect(typeof first.getRow(headerRow + 1).getCell(1).value).toBe('number');
  });
});

describe('参训督促通知 (training reminder)', () => {
  it('writes one letter per unit with its people short of the year’s hours, their hours and shortfall', async () => {
    const list = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'training-short' });
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'training-notice' });
    const rows = list.sections.flatMap((s) => s.rows);
    expect(rows.length).toBeGreaterThan(5);
    expect(doc.total).toBe(rows.length);
    const units = [...new Set(rows.map((r) => r['unit']))];
    expect(doc.sections.map((s) => unitOf(s.heading))).toEqual(units);
    for (const section of doc.sections) {
      const unit = unitOf(section.heading);
      const expected = rows.filter((r) => r['unit'] === unit);
      expect(section.rows.map((r) => [r['name'], r['hours'], r['shortfall']])).toEqual(expected.map((r) => [r['name'], r['hours'], r['shortfall']]));
      for (const r of section.rows) expect(Number(r['hours']) + Number(r['shortfall'])).toBeCloseTo(60, 5);
      const text = section.letter?.paragraphs.join('') ?? '';
      expect(text).toContain('不少于 60 学时');
      expect(text).toContain(`贵单位下列 ${section.rows.length} 名行政执法人员的2026年度培训学时`);
      expect(text).toContain('于 2026年12月31日前');
    }
  });

  it('follows the required hours set in 设置', async () => {
    await callOk(backend, 'settings.update', { annualTrainingHours: 40 });
    try {
      const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'training-notice' });
      expect(doc.sections[0]?.letter?.paragraphs[0]).toContain('不少于 40 学时');
      for (const r of doc.sections.flatMap((s) => s.rows)) expect(Number(r['hours'])).toBeLessThan(40);
    } finally {
      await callOk(backend, 'settings.update', { annualTrainingHours: 60 });
    }
  });
});

describe('督办通知 (publication notice)', () => {
  it('writes to every agency not published or expired, with what is missing', async () => {
    const publications = await callOk<PublicationsAnswer>(backend, 'publications.list', {});
    const overdue = publications.agencies.filter((a) => a.publication.status !== '已发布');
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(publications.agencies.length);
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'publication-notice' });
    expect(doc.total).toBe(overdue.length);
    expect(doc.sections.map((s) => unitOf(s.heading))).toEqual(overdue.map((a) => a.name));
    for (const [i, section] of doc.sections.entries()) {
      const agency = overdue[i]!;
      expect(section.rows.map((r) => r['item'])).toEqual(['分类检查事项目录', '不予处罚事项清单', '从轻处罚事项清单', '减轻处罚事项清单', '不予实施行政强制措施事项清单', '公布文件']);
      expect(section.subtitle).toContain(`（${agency.publication.status}）`);
      const text = section.letter?.paragraphs.join('') ?? '';
      expect(text).toContain(agency.publication.status === '未发布' ? '尚未以规范性文件公布' : '失效');
      expect(text).toContain('于 2026年12月14日前');
      for (const r of section.rows.slice(0, 5)) expect(r['state']).toBe(Number(r['entries']) === 0 ? '尚未报送，台账中没有条目' : r['state']);
    }
  });

  it('counts each agency’s entries per list from the registry', async () => {
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'publication-notice' });
    const section = doc.sections.find((s) => s.rows.some((r) => Number(r['entries']) > 0)) ?? doc.sections[0]!;
    const unit = unitOf(section.heading);
    const units = await callOk<{ units: { id: number; name: string }[] }>(backend, 'units.list', {});
    const unitId = units.units.find((u) => u.name === unit)!.id;
    const items = await callOk<{ total: number }>(backend, 'catalog.items', { unitId, limit: 1 });
    expect(Number(section.rows[0]?.['entries'])).toBe(items.total);
    expect(section.rows.every((r, k) => k === 5 || /^\d+$/.test(r['entries'] ?? ''))).toBe(true);
  });

  it('exports a sheet per agency with counts as numbers', async () => {
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'publication-notice' });
    const { fileId } = await callOk<{ fileId: string }>(backend, 'rosters.exportXlsx', { kind: 'publication-notice' });
    // Kept for a person to look at (test-results/xlsx/).
    fs.mkdirSync(path.join(REPO_ROOT, 'test-results', 'xlsx'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'test-results', 'xlsx', 'publication-notice.xlsx'), backend.context.files.read(fileId));
    const book = await readWorkbook(fileId);
    expect(book.worksheets).toHaveLength(doc.sections.length);
    const sheet = book.worksheets[0]!;
    const texts = sheet.getColumn(1).values.map(String);
    const headerRow = texts.indexOf('序号');
    expect(sheet.getRow(headerRow).values).toContain('台账中条目数');
    const entries = sheet.getRow(headerRow + 1).getCell(3).value;
    expect(entries).toBe(Number(doc.sections[0]?.rows[0]?.['entries']));
  });

  it('writes only to the agencies asked for, and none that has published', async () => {
    const publications = await callOk<PublicationsAnswer>(backend, 'publications.list', {});
    const published = publications.agencies.find((a) => a.publication.status === '已发布')!;
    const overdue = publications.agencies.find((a) => a.publication.status !== '已发布')!;
    const doc = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'publication-notice', unitIds: [published.unitId, overdue.unitId] });
    expect(doc.sections.map((s) => unitOf(s.heading))).toEqual([overdue.name]);
    const none = await callOk<RosterDocument>(backend, 'rosters.get', { kind: 'publication-notice', unitIds: [published.unitId] });
    expect(none.total).toBe(0);
    expect(none.sections).toHaveLength(1);
    expect(none.sections[0]?.rows).toEqual([]);
    expect(none.emptyText).toBe('所有行政执法机关均已公布一目录四清单');
  });
});
