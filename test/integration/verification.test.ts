import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { VerificationFileRow } from '../../shared/api/methods/reports.ts';
import type { JobStatus } from '../../shared/api/methods/jobs.ts';
import type { FileCheck } from '../../shared/import/check-schema.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { ITEM_FORMULA, LIST_FORMULA, plantFormulaLikeData } from '../helpers/formula-data.ts';
import { formulaCount, textCells, unescapedFormulaCells } from '../helpers/xlsx-xml.ts';

/**
 * The per-agency verification workbooks (核对表): all 23 agencies in one job, each in the import
 * template's layout, and each read back by the importer as a submission with every row 无变化.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
let files: VerificationFileRow[];
let zipFileId: string;

async function runJob(): Promise<{ files: VerificationFileRow[]; zipFileId: string; zipName: string }> {
  const { jobId } = await callOk<{ jobId: string }>(backend, 'verification.start', {});
  const status = await backend.context.jobs.wait(jobId);
  expect(status.state).toBe('done');
  return callOk(backend, 'verification.result', { jobId });
}

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  await plantFormulaLikeData(backend);
  ({ files, zipFileId } = await runJob());
});
afterAll(() => backend.close());

describe('verification workbooks (核对表)', () => {
  it('writes one workbook per agency, all 23, with the agency’s people, catalog and lists', async () => {
    const db = backend.context.db;
    expect(files).toHaveLength(23);
    for (const f of files) {
      expect(f.name).toBe(`${f.unitName}_核对表_${TODAY}.xlsx`);
      expect(f.people).toBe(db.prepare(`SELECT count(*) FROM personnel WHERE unit_id = ?`).pluck().get(f.unitId));
      expect(f.items).toBe(db.prepare(`SELECT count(*) FROM inspection_items WHERE unit_id = ?`).pluck().get(f.unitId));
      expect(f.lists).toBe(db.prepare(`SELECT count(*) FROM penalty_list_items WHERE unit_id = ?`).pluck().get(f.unitId));
    }
    expect(files.reduce((n, f) => n + f.items, 0)).toBe(1772);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(backend.context.files.read(files[0]!.fileId) as unknown as ArrayBuffer);
    // The first agency (教育局) has no 从轻 / 减轻 / 不予强制 lists in the sample data.
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['执法人员名册', 'visible'],
      ['分类检查事项目录', 'visible'],
      ['不予处罚事项清单', 'visible'],
      ['核对说明', 'visible'],
      ['下拉选项', 'hidden'],
    ]);
    const roster = book.worksheets[0]!;
    expect(String(roster.getCell('A2').value)).toContain(`填报单位（盖章）：${files[0]!.unitName}`);
    const headers = (roster.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '序号',
      '姓名',
      '性别',
      '身份证号',
      '单位',
      '人员类别',
      '编制类型',
      '职务',
      '执法类别',
      '执法区域',
      '是否法制审核人员',
      '联系电话',
      '证件类型',
      '执法证号',
      '发证日期',
      '有效期至',
      '证件状态',
      '备注',
    ]);
    // Full ID numbers as text; dates as dates.
    const id = roster.getCell(4, headers.indexOf('身份证号') + 1);
    expect(id.value).toMatch(/^\d{17}[\dX]$/);
    expect(id.numFmt).toBe('@');
    const issued = roster.getColumn(headers.indexOf('发证日期') + 1).values.find((v) => v instanceof Date);
    expect(issued).toBeInstanceOf(Date);
  });

  it('carries formula-looking text exactly, escaped', () => {
    const agencyFile = files.find((f) => f.unitId === backend.context.db.prepare(`SELECT unit_id FROM inspection_items WHERE name = ?`).pluck().get(ITEM_FORMULA))!;
    const bytes = backend.context.files.read(agencyFile.fileId);
    expect(formulaCount(bytes)).toBe(0);
    expect(unescapedFormulaCells(bytes)).toEqual([]);
    for (const text of [ITEM_FORMULA, LIST_FORMULA]) expect(textCells(bytes).find((c) => c.text === text)).toMatchObject({ quotePrefix: true, textFormat: true });
  });

  it('reads back through the importer as 无变化 on every row of every sheet', async () => {
    const fileIds: string[] = [];
    for (const f of files) {
      const staged = await callOk<{ fileId: string }>(backend, 'files.stage', { name: f.name, dataBase64: backend.context.files.read(f.fileId).toString('base64') });
      fileIds.push(staged.fileId);
    }
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds });
    await backend.context.jobs.wait(jobId);
    const checks = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files;
    expect(checks).toHaveLength(23);
    let rows = 0;
    for (const [i, check] of checks.entries()) {
      const f = files[i]!;
      const sheets = check.sheets.filter((s) => s.kind !== 'skipped');
      // Every kind the agency has is a sheet (a kind it has nothing of is left out).
      const db = backend.context.db;
      const kinds = ['personnel', 'inspection_items', ...(db.prepare(`SELECT DISTINCT list_kind FROM penalty_list_items WHERE unit_id = ?`).pluck().all(f.unitId) as string[])];
      expect(sheets.map((s) => s.kind).sort(), f.name).toEqual(kinds.sort());
      for (const s of sheets) {
        expect(s.agency?.unitId, `${f.name} ${s.sheet}`).toBe(f.unitId);
        expect(
          s.issues.filter((x) => x.severity !== 'note'),
          `${f.name} ${s.sheet}`,
        ).toEqual([]);
        expect(s.counts, `${f.name} ${s.sheet}`).toMatchObject({ errors: 0, warnings: 0, add: 0, change: 0, transfer: 0 });
        expect(s.counts.unchanged).toBe(s.counts.read);
        expect(s.missing).toEqual([]);
        rows += s.counts.read;
      }
    }
    const everything = files.reduce((n, f) => n + f.people + f.items + f.lists, 0);
    expect(rows).toBe(everything);
  });

  it('zips all of them for the browser, with their Chinese names', () => {
    const entries = unzipSync(backend.context.files.read(zipFileId));
    expect(Object.keys(entries).sort()).toEqual(files.map((f) => f.name).sort());
    for (const f of files) expect(Buffer.from(entries[f.name]!).equals(backend.context.files.read(f.fileId))).toBe(true);
  });

  it('records the full ID numbers handed out in 查阅与导出记录', async () => {
    const entries = (await callOk<{ entries: { kind: string; summary: string }[] }>(backend, 'history.access', { limit: 5 })).entries;
    const people = files.reduce((n, f) => n + f.people, 0);
    expect(entries.find((e) => e.summary === `生成 23 个单位的核对表，含 ${people} 人的完整身份证号`)).toMatchObject({ kind: 'export_full_ids' });
  });

  it('can be cancelled', async () => {
    const { jobId } = await callOk<{ jobId: string }>(backend, 'verification.start', {});
    const cancelled = await callOk<JobStatus>(backend, 'jobs.cancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    expect((await backend.context.jobs.wait(jobId)).state).toBe('cancelled');
  });
});
