import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import type { Backend } from '../../electron/backend/backend.ts';
import { runOperation, TRACKED_TABLES } from '../../electron/backend/db/tracked-writes.ts';
import { cancelCard, issueCard, renewCard, type StepContext } from '../../electron/backend/personnel/certificate-writes.ts';
import { insertPersonRow, updatePersonRow } from '../../electron/backend/personnel/person-writes.ts';
import type { PersonRow } from '../../electron/backend/personnel/person-values.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

/**
 * The write functions on their own, inside a caller's operation as the importer runs them: they
 * refuse what the person page refuses, with the same message, whatever the caller checked before.
 */

const TODAY = '2024-06-30';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
let unitId: number;
const ctx: StepContext = { today: TODAY, operator: '测试', certValidityYears: 5 };

beforeAll(async () => {
  backend = await freshBackend();
  ({ id: unitId } = await callOk<{ id: number }>(backend, 'units.create', {
    name: '沅江市自然资源局',
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
afterAll(() => backend.close());

const db = () => backend.context.db;

function snapshot(): string {
  return JSON.stringify(TRACKED_TABLES.map((t) => db().prepare(`SELECT * FROM ${t} ORDER BY id`).all()));
}

function operationCount(): number {
  return db().prepare(`SELECT count(*) FROM operations`).pluck().get() as number;
}

/** Runs `write` in its own operation and returns what it threw (nothing may be left behind). */
function refusal(write: Parameters<typeof runOperation>[2]): AppError {
  const before = snapshot();
  const operations = operationCount();
  let thrown: unknown;
  try {
    runOperation(db(), { kind: 'import', summary: '测试', operator: '测试' }, write);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect(snapshot()).toBe(before);
  expect(operationCount()).toBe(operations);
  return thrown as AppError;
}

let seq = 301;
function row(name: string, overrides: Partial<PersonRow> = {}): PersonRow {
  seq += 2;
  return {
    unit_id: unitId,
    personnel_kind: '执法人员',
    name,
    sex: '男',
    id_number: composeIdNumber('430981', '1985-05-05', seq),
    birth_date: '1985-05-05',
    post: null,
    staffing_type: '行政编制',
    enforcement_category: null,
    enforcement_scope: null,
    is_legal_reviewer: 0,
    phone: null,
    notes: null,
    ...overrides,
  };
}

/** A person with a card recorded as a fact (no exam), as the importer adds them. */
function holder(name: string, certNumber: string, issueDate: string): { personId: number; certificateId: number } {
  return runOperation(db(), { kind: 'import', summary: '测试', operator: '测试' }, (w) => {
    const personId = insertPersonRow(w, row(name));
    const certificateId = issueCard(w, { personId, certType: '行政执法证', certNumber, date: issueDate, expiryDate: null, reason: null, docRef: null }, 'recorded-fact', ctx);
    return { personId, certificateId };
  }).value;
}

describe('people', () => {
  it('refuses a staffing type that may not hold the person’s open card, as the person editor does', async () => {
    const { personId } = holder('孔令辉', 'ZR21-0001', '2021-03-15');
    const err = refusal((w) => updatePersonRow(w, personId, { staffing_type: '工勤' }));
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', message: '此人持有行政执法证（有效），不能改为“工勤”：该类人员不能持有行政执法证件。请先办理证件注销或撤回申领。' });
    const viaEditor = await callErr(backend, 'personnel.update', {
      id: personId,
      values: {
        unitId,
        personnelKind: '执法人员',
        name: '孔令辉',
        sex: '男',
        idNumber: null,
        post: null,
        staffingType: '工勤',
        enforcementCategory: null,
        enforcementScope: null,
        isLegalReviewer: false,
        phone: null,
        notes: null,
      },
    });
    expect(viaEditor.message).toBe(err.message);
  });

  it('refuses an ID number someone else has, naming them, and keeps the initials with the name', () => {
    const first = row('曾国华');
    const id = runOperation(db(), { kind: 'create', summary: '测试', operator: '测试' }, (w) => insertPersonRow(w, first)).value;
    expect(db().prepare(`SELECT name_initials FROM personnel WHERE id = ?`).pluck().get(id)).toBe('zgh');
    const err = refusal((w) => insertPersonRow(w, { ...row('曾国强'), id_number: first.id_number }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('已登记为“曾国华”（沅江市自然资源局）');
    runOperation(db(), { kind: 'update', summary: '测试', operator: '测试' }, (w) => updatePersonRow(w, id, { name: '彭国华' }));
    expect(db().prepare(`SELECT name_initials FROM personnel WHERE id = ?`).pluck().get(id)).toBe('pgh');
  });

  it('refuses a unit change outside a transfer', () => {
    const id = runOperation(db(), { kind: 'create', summary: '测试', operator: '测试' }, (w) => insertPersonRow(w, row('鲁国平'))).value;
    const other = runOperation(db(), { kind: 'create', summary: '测试', operator: '测试' }, (w) => w.insert('units', { name: '沅江市林业局', kind: '市直单位' })).value;
    expect(refusal((w) => updatePersonRow(w, id, { unit_id: other })).message).toContain('调动');
  });
});

describe('certificates', () => {
  it('needs a passed exam for 发证 unless the card is a recorded fact', () => {
    const personId = runOperation(db(), { kind: 'create', summary: '测试', operator: '测试' }, (w) => insertPersonRow(w, row('邱明亮'))).value;
    const step = { personId, certType: '行政执法证' as const, certNumber: 'ZR24-0002', date: '2024-03-01', expiryDate: null, reason: null, docRef: null };
    expect(refusal((w) => issueCard(w, step, 'exam', ctx)).message).toBe('没有考试合格记录，不能发证。请先登记考试成绩。');
    runOperation(db(), { kind: 'import', summary: '测试', operator: '测试' }, (w) => issueCard(w, step, 'recorded-fact', ctx));
    expect(db().prepare(`SELECT state, expiry_date FROM certificates WHERE cert_number = 'ZR24-0002'`).get()).toEqual({ state: '有效', expiry_date: '2029-02-28' });
  });

  it('refuses to issue to staff who may not hold a card, whatever the evidence', () => {
    const personId = runOperation(db(), { kind: 'create', summary: '测试', operator: '测试' }, (w) => insertPersonRow(w, row('史小龙', { staffing_type: '聘用辅助人员' }))).value;
    const err = refusal((w) => issueCard(w, { personId, certType: '行政执法证', certNumber: 'ZR24-0003', date: '2024-03-01', expiryDate: null, reason: null, docRef: null }, 'recorded-fact', ctx));
    expect(err.message).toBe('聘用辅助人员不能申领或持有行政执法证件（只有在编在职人员可以持证）。');
  });

  it('refuses a card number in use, and a renewal dated before the card’s last step', () => {
    const { personId } = holder('黎志刚', 'ZR21-0004', '2021-03-15');
    const other = holder('舒建华', 'ZR21-0005', '2021-03-15');
    const renewal = { personId, certType: '行政执法证' as const, action: '换证' as const, certNumber: 'ZR21-0005', date: '2024-03-01', expiryDate: null, reason: null, docRef: null };
    expect(refusal((w) => renewCard(w, renewal, 'recorded-fact', ctx))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已是“舒建华”的行政执法证编号') });
    expect(refusal((w) => renewCard(w, { ...renewal, certNumber: 'ZR21-0006', date: '2021-03-01' }, 'recorded-fact', ctx)).message).toBe(
      '换证日期 2021-03-01 早于上一步业务日期 2021-03-15，请核对日期。',
    );
    expect(refusal((w) => renewCard(w, { ...renewal, certNumber: 'ZR21-0006' }, 'exam', ctx)).message).toContain('换证前须参加考试并合格');
    expect(other.personId).not.toBe(personId);
  });

  it('cancels as the 注销 step does: dates in order, the announcement not before the cancellation', () => {
    const { personId, certificateId } = holder('易建新', 'ZR21-0007', '2021-03-15');
    const cancel = { personId, certType: '行政执法证' as const, date: '2021-03-01', cancelReason: '退休' as const, announceDate: null, reason: null, docRef: null };
    expect(refusal((w) => cancelCard(w, cancel, ctx)).message).toBe('注销日期 2021-03-01 早于上一步业务日期 2021-03-15，请核对日期。');
    expect(refusal((w) => cancelCard(w, { ...cancel, date: '2024-07-01' }, ctx)).message).toBe('注销日期 2024-07-01 晚于今天（2024-06-30），请在业务办结后登记。');
    expect(refusal((w) => cancelCard(w, { ...cancel, date: '2024-06-01', announceDate: '2024-05-01' }, ctx)).message).toBe('公示日期 2024-05-01 早于注销日期 2024-06-01，请核对。');
    runOperation(db(), { kind: 'import', summary: '测试', operator: '测试' }, (w) =>
      cancelCard(w, { ...cancel, date: '2024-06-01', reason: '年满退休' }, { ...ctx, eventDetails: { source: 'import', batch: 7 } }),
    );
    const event = db().prepare(`SELECT reason, details FROM certificate_events WHERE certificate_id = ? AND event_type = '注销'`).get(certificateId);
    expect(event).toEqual({ reason: '退休：年满退休', details: JSON.stringify({ source: 'import', batch: 7 }) });
  });
});
