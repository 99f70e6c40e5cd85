import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { currentCertificateIdSql } from '../../electron/backend/db/current-certificate.ts';
import { TRACKED_TABLES } from '../../electron/backend/db/tracked-writes.ts';
import { getSession } from '../../electron/backend/import/import-sessions.ts';
import { stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import type { FileCheck, RowResult } from '../../shared/import/check-schema.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

/**
 * The importer and the person page write people and certificates through the same functions, so
 * they refuse the same things with the same words: a roster may not take the right to hold a card
 * from someone holding one, a roster's card dates follow the order of the certificate steps, and
 * the cancellation of someone missing from a roster is the 注销 step. The preview says so before
 * the commit; the commit writes the steps the person page would have written.
 */

const TODAY = '2024-06-30';
process.env['REGISTRY_TODAY'] = TODAY;
const UNIT = '沅江市住房和城乡建设局';

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

interface Person {
  id: number;
  name: string;
  sex: '男' | '女';
  idNumber: string;
}

let seq = 11;
async function person(name: string, staffingType = '行政编制'): Promise<Person> {
  seq += 10; // odd sequence numbers: male
  const idNumber = composeIdNumber('430981', '1988-04-12', seq);
  const { id } = await callOk<{ id: number }>(backend, 'personnel.create', {
    unitId,
    personnelKind: '执法人员',
    name,
    sex: '男',
    idNumber,
    post: '科员',
    staffingType,
    enforcementCategory: '住房城乡建设',
    enforcementScope: null,
    isLegalReviewer: false,
    phone: null,
    notes: null,
  });
  return { id, name, sex: '男', idNumber };
}

const step = (personId: number, action: string, extra: Record<string, unknown> = {}) => ({
  action,
  personId,
  certType: '行政执法证',
  date: TODAY,
  reason: null,
  docRef: null,
  ...extra,
});

async function exam(personId: number, examDate: string): Promise<void> {
  await callOk(backend, 'certificates.recordExam', { personId, examType: '通用法律知识', examDate, score: 85, passed: true, notes: null });
}

/** A card issued on the person page: exam, then 发证. */
async function issued(p: Person, certNumber: string, date: string): Promise<number> {
  await exam(p.id, date);
  const { certificateId } = await callOk<{ certificateId: number }>(backend, 'certificates.transition', step(p.id, '发证', { date, certNumber, expiryDate: null }));
  return certificateId;
}

interface RosterRow {
  who: Person | { name: string; sex: string; idNumber: string };
  staffing?: string;
  certNumber?: string;
  issueDate?: string;
  expiryDate?: string;
}

/** The columns as the agency's sheet has them: A 序号, B 姓名, C 性别, D 身份证号, E 编制类型, F 执法证号, G 发证日期, H 有效期至. */
async function checkRoster(fileName: string, rows: RosterRow[]): Promise<FileCheck> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow([`${UNIT}行政执法人员花名册`]);
  ws.addRow([`填报单位：${UNIT}`]);
  ws.addRow(['序号', '姓名', '性别', '身份证号', '编制类型', '执法证号', '发证日期', '有效期至']);
  rows.forEach((r, i) => ws.addRow([i + 1, r.who.name, r.who.sex, r.who.idNumber, r.staffing ?? null, r.certNumber ?? null, r.issueDate ?? null, r.expiryDate ?? null]));
  ws.getColumn(4).numFmt = '@';
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const { fileId } = await callOk<{ fileId: string }>(backend, 'files.stage', { name: fileName, dataBase64: bytes.toString('base64') });
  const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId] });
  expect((await backend.context.jobs.wait(jobId)).state).toBe('done');
  const [file] = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files as [FileCheck];
  expect(file.sheets[0]?.agency?.unitId).toBe(unitId);
  return file;
}

async function rows(checkId: string): Promise<RowResult[]> {
  return (await callOk<{ rows: RowResult[] }>(backend, 'import.rows', { checkId, sheetIndex: 0, filter: 'all', limit: 500 })).rows;
}

function snapshot(): string {
  const db = backend.context.db;
  return JSON.stringify(TRACKED_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()));
}

/** The importer reads each person's current card from certificate_current: the cache must be the rule's pick after imports and their undo. */
function expectCurrentCacheExact(): void {
  const mismatches = backend.context.db
    .prepare(
      `SELECT p.id, t.cert_type, ${currentCertificateIdSql('p', 't.cert_type')} AS expected, cc.certificate_id AS cached
         FROM personnel p CROSS JOIN (SELECT '行政执法证' AS cert_type UNION ALL SELECT '行政执法监督证') t
         LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = t.cert_type
        WHERE expected IS NOT cached`,
    )
    .all();
  expect(mismatches).toEqual([]);
}

function staffingOf(personId: number): string {
  return backend.context.db.prepare(`SELECT staffing_type FROM personnel WHERE id = ?`).pluck().get(personId) as string;
}

function personValues(p: Person, staffingType: string, notes: string | null = null) {
  return {
    unitId,
    personnelKind: '执法人员',
    name: p.name,
    sex: p.sex,
    idNumber: null,
    post: '科员',
    staffingType,
    enforcementCategory: '住房城乡建设',
    enforcementScope: null,
    isLegalReviewer: false,
    phone: null,
    notes,
  };
}

describe('a roster may not take the right to hold a card from someone holding one', () => {
  let holder: Person;
  let applicant: Person;
  let plain: Person;
  let file: FileCheck;
  const holderMessage = '此人持有行政执法证（有效），不能改为“工勤”：该类人员不能持有行政执法证件。请先办理证件注销或撤回申领。';

  beforeAll(async () => {
    holder = await person('周建国');
    await issued(holder, 'ZJ21-0001', '2021-03-15');
    applicant = await person('吴志明');
    await callOk(backend, 'certificates.transition', step(applicant.id, '申领', { date: '2024-05-20' }));
    plain = await person('郑海涛');
    file = await checkRoster('住建局名册-编制变更.xlsx', [
      { who: holder, staffing: '工勤' },
      { who: applicant, staffing: '聘用辅助人员' },
      { who: plain, staffing: '事业编制' },
    ]);
  });

  it('shows the change as an error in the preview, naming file, sheet, row, column and why', async () => {
    const byRow = new Map((await rows(file.checkId)).map((r) => [r.row, r]));
    expect([...byRow.values()].map((r) => [r.row, r.status])).toEqual([
      [4, 'error'],
      [5, 'error'],
      [6, 'change'],
    ]);
    const held = byRow.get(4)?.issues.filter((i) => i.severity === 'error');
    expect(held).toEqual([
      {
        row: 4,
        column: 'E',
        field: 'staffing_type',
        severity: 'error',
        code: 'STAFFING_CARD_HELD',
        detail: holderMessage,
        message: `文件“住建局名册-编制变更.xlsx”工作表“花名册”第 4 行 E 列（编制类型）：${holderMessage}`,
      },
    ]);
    expect(
      byRow
        .get(5)
        ?.issues.filter((i) => i.severity === 'error')
        .map((i) => i.detail),
    ).toEqual(['此人持有行政执法证（待考试），不能改为“聘用辅助人员”：该类人员不能持有行政执法证件。请先办理证件注销或撤回申领。']);
  });

  it('writes nothing for those rows, and the other rows as usual', async () => {
    const before = snapshot();
    const refused = await callErr(backend, 'import.commit', { checkId: file.checkId });
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(snapshot()).toBe(before);
    const result = await callOk<{ changed: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId, skipErrorRows: true });
    expect(result.changed).toBe(1);
    expect([staffingOf(holder.id), staffingOf(applicant.id), staffingOf(plain.id)]).toEqual(['行政编制', '行政编制', '事业编制']);
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
    expect(snapshot()).toBe(before);
  });

  it('the person editor refuses the same change with the same message', async () => {
    const err = await callErr(backend, 'personnel.update', { id: holder.id, values: personValues(holder, '工勤') });
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', message: holderMessage });
    expect(staffingOf(holder.id)).toBe('行政编制');
  });
});

describe('cancelling the card of someone missing from a roster is the 注销 step', () => {
  let suspended: Person;
  let renewed: Person;
  let present: Person;
  let file: FileCheck;
  let suspendedCard: number;

  beforeAll(async () => {
    suspended = await person('钱文斌');
    suspendedCard = await issued(suspended, 'ZJ21-0004', '2021-03-15');
    await callOk(backend, 'certificates.transition', step(suspended.id, '暂扣', { date: '2024-05-10', reason: '违规出借执法证件' }));
    renewed = await person('孙立新');
    await issued(renewed, 'ZJ21-0005', '2021-03-15');
    await exam(renewed.id, '2024-03-20');
    await callOk(backend, 'certificates.transition', step(renewed.id, '换证', { date: '2024-04-01', certNumber: 'ZJ24-0005', expiryDate: null }));
    present = await person('李卫东');
    file = await checkRoster('住建局名册-人员减少.xlsx', [{ who: present }]);
  });

  const missingOf = (p: Person) => {
    const record = file.sheets[0]?.missing.find((m) => m.recordId === p.id);
    expect(record?.openCertificate).not.toBeNull();
    return record!;
  };
  const cancelThroughImport = (p: Person, date: string) =>
    callErr(backend, 'import.commit', { checkId: file.checkId, missing: [{ sheetIndex: 0, recordId: missingOf(p).recordId, action: 'cancel_certificate', reason: '调离执法岗位', date }] });
  const cancelThroughStep = (p: Person, date: string) => callErr(backend, 'certificates.transition', step(p.id, '注销', { date, cancelReason: '调离执法岗位', announceDate: null }));

  it('refuses a date before the card’s last step (a 暂扣, a 换证), with the step’s message', async () => {
    const before = snapshot();
    const afterSuspension = await cancelThroughStep(suspended, '2024-05-01');
    expect(afterSuspension.message).toBe('注销日期 2024-05-01 早于上一步业务日期 2024-05-10，请核对日期。');
    const imported = await cancelThroughImport(suspended, '2024-05-01');
    expect(imported.code).toBe(afterSuspension.code);
    expect(imported.message).toContain(afterSuspension.message);
    expect(imported.message).toContain('钱文斌');

    const afterRenewal = await cancelThroughStep(renewed, '2024-03-25');
    expect(afterRenewal.message).toBe('注销日期 2024-03-25 早于上一步业务日期 2024-04-01，请核对日期。');
    const importedRenewal = await cancelThroughImport(renewed, '2024-03-25');
    expect(importedRenewal.message).toContain(afterRenewal.message);
    expect(importedRenewal.message).toContain('ZJ24-0005');
    expect(snapshot()).toBe(before);
  });

  it('refuses a date after today on both paths, with the same message', async () => {
    const before = snapshot();
    const viaStep = await cancelThroughStep(suspended, '2024-07-05');
    expect(viaStep.message).toBe('注销日期 2024-07-05 晚于今天（2024-06-30），请在业务办结后登记。');
    const viaImport = await cancelThroughImport(suspended, '2024-07-05');
    expect(viaImport.message).toContain(viaStep.message);
    expect(snapshot()).toBe(before);
  });

  it('cancels with a valid date as the step does, marks the event as the import’s, and undo restores exactly', async () => {
    const before = snapshot();
    const result = await callOk<{ cancelled: number; batchId: number }>(backend, 'import.commit', {
      checkId: file.checkId,
      missing: [{ sheetIndex: 0, recordId: missingOf(suspended).recordId, action: 'cancel_certificate', reason: '调离执法岗位', date: '2024-06-01' }],
    });
    expect(result.cancelled).toBe(1);
    const db = backend.context.db;
    expect(db.prepare(`SELECT state, cancel_reason, cancel_date, announce_date FROM certificates WHERE id = ?`).get(suspendedCard)).toEqual({
      state: '已注销',
      cancel_reason: '调离执法岗位',
      cancel_date: '2024-06-01',
      announce_date: null,
    });
    const event = db.prepare(`SELECT event_type, event_date, reason, details FROM certificate_events WHERE certificate_id = ? ORDER BY id DESC LIMIT 1`).get(suspendedCard) as Record<string, string>;
    expect(event).toMatchObject({ event_type: '注销', event_date: '2024-06-01', reason: '调离执法岗位' });
    expect(JSON.parse(event['details'] ?? '{}')).toMatchObject({ source: 'import', batch: result.batchId });
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
    expect(snapshot()).toBe(before);
  });
});

describe('a roster’s card dates follow the order of the certificate steps', () => {
  it('a renewal dated before the card’s last step is an error in the preview, and the 换证 step refuses the same date', async () => {
    const p = await person('冯志远');
    await issued(p, 'ZJ21-0006', '2021-03-15');
    await callOk(backend, 'certificates.transition', step(p.id, '暂扣', { date: '2024-04-01', reason: '待查' }));
    await callOk(backend, 'certificates.transition', step(p.id, '解除暂扣', { date: '2024-05-01' }));
    const file = await checkRoster('住建局名册-换证日期.xlsx', [{ who: p, certNumber: 'ZJ24-0006', issueDate: '2024-04-15', expiryDate: '2029-04-14' }]);
    const [row] = await rows(file.checkId);
    const message = '换证日期 2024-04-15 早于上一步业务日期 2024-05-01，请核对日期。';
    expect(row?.status).toBe('error');
    expect(row?.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.column, i.detail])).toEqual([['CERT_DATE_ORDER', 'G', message]]);

    await exam(p.id, '2024-04-10');
    const viaStep = await callErr(backend, 'certificates.transition', step(p.id, '换证', { date: '2024-04-15', certNumber: 'ZJ24-0006', expiryDate: null }));
    expect(viaStep.message).toBe(message);
  });

  it('a card issued after today is an error in the preview, as the 发证 step refuses it', async () => {
    const newcomer = { name: '褚明辉', sex: '男', idNumber: composeIdNumber('430981', '1990-02-02', 977) };
    const file = await checkRoster('住建局名册-发证日期.xlsx', [{ who: newcomer, staffing: '行政编制', certNumber: 'ZJ24-0007', issueDate: '2024-07-10', expiryDate: '2029-07-09' }]);
    const [row] = await rows(file.checkId);
    const message = '发证日期 2024-07-10 晚于今天（2024-06-30），请在业务办结后登记。';
    expect(row?.status).toBe('error');
    expect(row?.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.column, i.detail])).toEqual([['CERT_DATE_ORDER', 'G', message]]);

    const p = await person('卫国庆');
    await exam(p.id, '2024-06-01');
    const viaStep = await callErr(backend, 'certificates.transition', step(p.id, '发证', { date: '2024-07-10', certNumber: 'ZJ24-0077', expiryDate: null }));
    expect(viaStep.message).toBe(message);
  });

  it('a card completing an application may not be dated before the application', async () => {
    const p = await person('蒋文华');
    await callOk(backend, 'certificates.transition', step(p.id, '申领', { date: '2024-05-20' }));
    const file = await checkRoster('住建局名册-申领.xlsx', [{ who: p, certNumber: 'ZJ24-0008', issueDate: '2024-05-01', expiryDate: '2029-04-30' }]);
    const [row] = await rows(file.checkId);
    expect(row?.status).toBe('error');
    expect(row?.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.detail])).toEqual([['CERT_DATE_ORDER', '发证日期 2024-05-01 早于上一步业务日期 2024-05-20，请核对日期。']]);
  });

  it('a valid renewal from a roster is written as the 换证 step writes it, and undone exactly', async () => {
    const p = await person('沈德明');
    const oldCard = await issued(p, 'ZJ19-0009', '2019-07-01');
    const file = await checkRoster('住建局名册-换证.xlsx', [{ who: p, certNumber: 'ZJ24-0009', issueDate: '2024-06-01', expiryDate: '2029-05-31' }]);
    expect((await rows(file.checkId)).map((r) => r.status)).toEqual(['change']);
    const before = snapshot();
    const result = await callOk<{ changed: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId });
    expect(result.changed).toBe(1);
    const db = backend.context.db;
    const cards = db.prepare(`SELECT id, cert_number, state, issue_date, expiry_date, replaces_id FROM certificates WHERE person_id = ? ORDER BY id`).all(p.id) as { id: number }[];
    const newCard = cards[1]?.id;
    expect(newCard).not.toBe(oldCard);
    expect(cards).toEqual([
      { id: oldCard, cert_number: 'ZJ19-0009', state: '已换发', issue_date: '2019-07-01', expiry_date: '2024-06-30', replaces_id: null },
      { id: expect.any(Number), cert_number: 'ZJ24-0009', state: '有效', issue_date: '2024-06-01', expiry_date: '2029-05-31', replaces_id: oldCard },
    ]);
    const events = (
      db
        .prepare(
          `SELECT e.certificate_id AS card, e.event_type AS type, e.event_date AS date, e.reason, e.details FROM certificate_events e JOIN certificates c ON c.id = e.certificate_id WHERE c.person_id = ? ORDER BY e.id`,
        )
        .all(p.id) as { card: number; type: string; date: string; reason: string | null; details: string | null }[]
    ).map((e) => ({ ...e, details: e.details ? JSON.parse(e.details) : null }));
    // As the 换证 step: the old card's event says it was replaced, the new card's names the card it replaces.
    expect(events.slice(1)).toEqual([
      { card: oldCard, type: '换证', date: '2024-06-01', reason: '已换发新证', details: { replacedByNumber: 'ZJ24-0009', source: 'import', batch: result.batchId } },
      { card: newCard, type: '换证', date: '2024-06-01', reason: '有效期届满换证', details: { replacesNumber: 'ZJ19-0009', source: 'import', batch: result.batchId } },
    ]);
    expectCurrentCacheExact();
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
    expect(snapshot()).toBe(before);
    expectCurrentCacheExact();
  });
});

describe('the commit checks the file again only when the registry changed since the preview', () => {
  it('commits what the clerk saw without checking it again when nothing changed', async () => {
    const newcomer = { name: '韩光明', sex: '男', idNumber: composeIdNumber('430981', '1991-01-01', 991) };
    const file = await checkRoster('住建局名册-无变化.xlsx', [{ who: newcomer, staffing: '行政编制' }]);
    // Every check replaces the held sheets; the commit must use the ones the clerk saw.
    const state = getSession(backend.context, file.checkId);
    const seen = state.sheets;
    const result = await callOk<{ added: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId });
    expect(result.added).toBe(1);
    expect(state.sheets).toBe(seen);
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
  });

  it('checks again when another change came in between, and commits when the outcome is the same', async () => {
    const newcomer = { name: '杨晓东', sex: '男', idNumber: composeIdNumber('430981', '1991-01-01', 993) };
    const colleague = await person('陶建平');
    const file = await checkRoster('住建局名册-有变化.xlsx', [{ who: newcomer, staffing: '行政编制' }]);
    const state = getSession(backend.context, file.checkId);
    const seen = state.sheets;
    // A change that does not alter what the file would do (a note on someone the file leaves alone).
    await callOk(backend, 'personnel.update', { id: colleague.id, values: personValues(colleague, '行政编制', '借调至市政府办') });
    const result = await callOk<{ added: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId });
    expect(result.added).toBe(1);
    expect(state.sheets).not.toBe(seen);
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
  });

  it('stops when the outcome changed, shows the refreshed preview, and commits that one without checking it again', async () => {
    const newcomer = { name: '龙海波', sex: '男', idNumber: composeIdNumber('430981', '1991-01-01', 995) };
    const file = await checkRoster('住建局名册-结果变化.xlsx', [{ who: newcomer, staffing: '行政编制' }]);
    const state = getSession(backend.context, file.checkId);
    const seen = state.sheets;
    // Someone new in the unit: the file's list of people it no longer lists changes.
    await person('邵文杰');
    const before = snapshot();
    const err = await callErr(backend, 'import.commit', { checkId: file.checkId });
    expect(err).toEqual({ code: 'CONFLICT', message: '台账在检查“住建局名册-结果变化.xlsx”之后有了变化，检查结果已更新。请核对预览后再导入。' });
    expect(snapshot()).toBe(before);
    const refreshed = state.sheets;
    expect(refreshed).not.toBe(seen);
    const result = await callOk<{ added: number; batchId: number }>(backend, 'import.commit', { checkId: file.checkId });
    expect(result.added).toBe(1);
    expect(state.sheets).toBe(refreshed);
    await callOk(backend, 'import.undoBatch', { batchId: result.batchId });
  });
});
