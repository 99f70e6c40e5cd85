import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import type { FileCheck, RowResult } from '../../shared/import/check-schema.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { entityXlsx, rawXlsx, rosterRowsXml, sheetXml } from '../fixtures/import/hostile/hostile-files.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

/**
 * What the clerk is warned about but may still import: a cell whose text is an XML entity reference
 * (“&xxe;”) and a file whose XML declares entities, cells beyond the column cap, a text longer than
 * a cell holds, and a 发证日期 after today on a card the registry already holds.
 */

const TODAY = '2024-06-30';
process.env['REGISTRY_TODAY'] = TODAY;
const UNIT = '沅江市司法局';

let backend: Backend;
let unitId: number;

beforeAll(async () => {
  backend = await freshBackend();
  ({ id: unitId } = await callOk<{ id: number }>(backend, 'units.create', {
    name: UNIT,
    shortName: null,
    kind: '市直单位',
    keepsInspectionLists: false,
    sortOrder: 1,
    staffingQuota: null,
    contactPerson: null,
    contactPhone: null,
    notes: null,
    aliases: [],
  }));
});

afterAll(async () => {
  backend?.close();
  await stopParseWorker();
});

async function check(name: string, bytes: Buffer): Promise<FileCheck> {
  const { fileId } = await callOk<{ fileId: string }>(backend, 'files.stage', { name, dataBase64: bytes.toString('base64') });
  const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId] });
  expect((await backend.context.jobs.wait(jobId)).state).toBe('done');
  return ((await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files as [FileCheck])[0];
}

async function rows(checkId: string): Promise<RowResult[]> {
  return (await callOk<{ rows: RowResult[] }>(backend, 'import.rows', { checkId, sheetIndex: 0, filter: 'all', limit: 500 })).rows;
}

const tuples = (file: FileCheck) => file.sheets[0]?.issues.filter((i) => i.severity !== 'note').map((i) => [i.row, i.column, i.severity, i.code]);

describe('warnings from reading the file', () => {
  it('names a cell holding an entity reference, and the part of the file declaring entities', async () => {
    const file = await check(`${UNIT}-实体.xlsx`, entityXlsx());
    expect(file.status).not.toBe('unreadable');
    const messages = file.sheets[0]?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain(
      `文件“${UNIT}-实体.xlsx”工作表“花名册”：文件内部的 “xl/sharedStrings.xml” 声明了 DTD 或实体（<!DOCTYPE …>、<!ENTITY …>），Excel、WPS 保存的文件不会这样。本程序不展开实体、不读取其中引用的外部文件，按原文读取；请向报送单位核实文件来源。`,
    );
    const row2 = (await rows(file.checkId)).find((r) => r.row === 2);
    expect(row2?.issues.filter((i) => i.code === 'XML_ENTITY_TEXT').map((i) => [i.column, i.severity, i.message])).toEqual([
      [
        'B',
        'warning',
        `文件“${UNIT}-实体.xlsx”工作表“花名册”第 2 行 B 列（身份证号）：单元格内容“&xxe;”是 XML 实体引用的原样文字：本程序不展开实体，按原文读取。正常填写的表格不会这样，请核对这一格，并向报送单位核实文件来源。`,
      ],
    ]);
  });

  it('names the sheet, row and column of the first cell beyond the column cap, and still reads the roster', async () => {
    const xml = sheetXml(rosterRowsXml().replace('</row><row r="2">', '</row><row r="2"><c r="XFD2"><v>7</v></c><c r="XFC2"><v>7</v></c>'));
    const file = await check(`${UNIT}名册.xlsx`, rawXlsx([{ name: '花名册', xml }]));
    expect(file.sheets[0]?.counts.read).toBe(1);
    expect(tuples(file)).toContainEqual([2, 'XFC', 'warning', 'COLUMNS_BEYOND_LIMIT']);
    expect(file.sheets[0]?.issues.find((i) => i.code === 'COLUMNS_BEYOND_LIMIT')?.message).toBe(
      `文件“${UNIT}名册.xlsx”工作表“花名册”第 2 行 XFC 列：从这一格起共有 2 个有内容的单元格在第 200 列（GR 列）之后，超出导入的列数上限，已忽略。如这些内容需要导入，请让报送单位把它们移到前面的列中。`,
    );
  });

  it('names a cell whose text was cut', async () => {
    const csv = `姓名,身份证号,编制类型,备注\n田甜,430102199205052429,行政编制,${'长'.repeat(40_000)}\n`;
    const file = await check(`${UNIT}名册.csv`, Buffer.from(csv));
    const row2 = (await rows(file.checkId)).find((r) => r.row === 2);
    expect(row2?.issues.find((i) => i.code === 'CELL_TEXT_CUT')?.detail).toBe('单元格有 40,000 个字符，超过每个单元格 32,767 个字符的上限，只读取了前 32,767 个字符。请核对这一格的内容。');
  });
});

describe('a 发证日期 after today', () => {
  it('on a card the registry holds under the same number: kept as a correction, with a warning', async () => {
    const idNumber = composeIdNumber('430981', '1988-04-12', 21);
    const { id: personId } = await callOk<{ id: number }>(backend, 'personnel.create', {
      unitId,
      personnelKind: '执法人员',
      name: '任杰',
      sex: '男',
      idNumber,
      post: '科员',
      staffingType: '行政编制',
      enforcementCategory: '司法行政',
      enforcementScope: null,
      isLegalReviewer: false,
      phone: null,
      notes: null,
    });
    await callOk(backend, 'certificates.recordExam', { personId, examType: '通用法律知识', examDate: '2023-05-01', score: 85, passed: true, notes: null });
    await callOk(backend, 'certificates.transition', { action: '发证', personId, certType: '行政执法证', date: '2023-06-01', reason: null, docRef: null, certNumber: 'SF23-0021', expiryDate: null });

    const csv = `姓名,身份证号,编制类型,执法证号,发证日期,有效期至\n任杰,${idNumber},行政编制,SF23-0021,2025-06-01,2030-05-31\n`;
    const file = await check(`${UNIT}名册.csv`, Buffer.from(csv));
    const row = (await rows(file.checkId)).find((r) => r.row === 2);
    expect(row?.status).toBe('change');
    expect(row?.issues.map((i) => [i.column, i.severity, i.code, i.detail])).toEqual([['E', 'warning', 'CERT_ISSUE_IN_FUTURE', `发证日期 2025-06-01 晚于今天（${TODAY}），请核对`]]);
  });
});
