import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { currentCertificateIdSql } from '../../electron/backend/db/current-certificate.ts';
import type { PersonDetail } from '../../shared/api/methods/personnel.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
let unitId: number;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'settings.update', { operatorName: '李文' });
  ({ id: unitId } = await callOk<{ id: number }>(backend, 'units.create', {
    name: '沅江市测试局',
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

let seq = 100;
async function newPerson(overrides: Record<string, unknown> = {}): Promise<number> {
  seq += 2;
  const { id } = await callOk<{ id: number }>(backend, 'personnel.create', {
    unitId,
    personnelKind: '执法人员',
    name: '张伟',
    sex: '男',
    idNumber: composeIdNumber('430981', '1990-03-15', seq + 1),
    post: '科员',
    staffingType: '行政编制',
    enforcementCategory: '市场监管',
    enforcementScope: null,
    isLegalReviewer: false,
    phone: null,
    notes: null,
    ...overrides,
  });
  return id;
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

function detail(personId: number): Promise<PersonDetail> {
  return callOk<PersonDetail>(backend, 'personnel.get', { id: personId });
}

/** The roster's cached current card must be the card the overview's SQL picks, for every person and type. */
function assertCurrentCacheConsistent(): void {
  const db = backend.context.db;
  const mismatches = db
    .prepare(
      `SELECT p.id, t.cert_type, ${currentCertificateIdSql('p', 't.cert_type')} AS expected, cc.certificate_id AS cached
         FROM personnel p CROSS JOIN (SELECT '行政执法证' AS cert_type UNION ALL SELECT '行政执法监督证') t
         LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = t.cert_type
        WHERE expected IS NOT cached`,
    )
    .all();
  expect(mismatches).toEqual([]);
}

describe('certificate lifecycle through the API, on a real SQLite file', () => {
  it('runs 申领 → 考试合格 → 发证 → 暂扣 → 解除暂扣 → 换证 → 注销, each step an undoable operation with an event', async () => {
    const id = await newPerson();
    expect((await detail(id)).certificates[0]?.status).toBe('无证');

    await callOk(backend, 'certificates.transition', step(id, '申领', { date: '2026-03-01' }));
    expect((await detail(id)).certificates[0]?.status).toBe('待考试');

    // an issue before the exam is refused
    const early = await callErr(backend, 'certificates.transition', step(id, '发证', { date: '2026-04-01', certNumber: 'T-0001', expiryDate: null }));
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('没有考试合格记录') });

    const exam = await callOk<{ advancedCertType: string | null }>(backend, 'certificates.recordExam', {
      personId: id,
      examType: '通用法律知识',
      examDate: '2026-03-20',
      score: 86,
      passed: true,
      notes: null,
    });
    expect(exam.advancedCertType).toBe('行政执法证');
    expect((await detail(id)).certificates[0]?.status).toBe('待发证');

    await callOk(backend, 'certificates.transition', step(id, '发证', { date: '2026-04-01', certNumber: 'T-0001', expiryDate: null }));
    let d = await detail(id);
    const slot = d.certificates[0];
    expect(slot?.current).toMatchObject({ certNumber: 'T-0001', issueDate: '2026-04-01', expiryDate: '2031-03-31', state: '有效' });
    expect(slot?.status).toBe('有效');
    expect(slot?.current?.events.map((e) => e.eventType)).toEqual(['申领', '考试合格', '发证']);
    expect(slot?.current?.events.every((e) => e.operator === '李文')).toBe(true);

    await callOk(backend, 'certificates.transition', step(id, '暂扣', { date: '2026-05-01', reason: '违规出借行政执法证件' }));
    const suspendedRenewal = await callErr(backend, 'certificates.transition', step(id, '换证', { certNumber: 'T-0002', expiryDate: null }));
    expect(suspendedRenewal.message).toContain('暂扣期间不能换证');
    await callOk(backend, 'certificates.transition', step(id, '解除暂扣', { date: '2026-06-01' }));

    // renewal needs a new exam taken after the card was issued
    const noReexam = await callErr(backend, 'certificates.transition', step(id, '换证', { certNumber: 'T-0002', expiryDate: null }));
    expect(noReexam.message).toContain('换证前须参加考试并合格');
    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2026-10-10', score: 90, passed: true, notes: null });
    const renewal = await callOk<{ operationId: number; certificateId: number }>(backend, 'certificates.transition', step(id, '换证', { certNumber: 'T-0002', expiryDate: null }));
    d = await detail(id);
    expect(d.certificates[0]?.current).toMatchObject({ id: renewal.certificateId, certNumber: 'T-0002', issueDate: TODAY, expiryDate: '2031-11-28' });
    const old = d.certificates[0]?.cards.find((c) => c.certNumber === 'T-0001');
    expect(old?.state).toBe('已换发');
    expect(d.certificates[0]?.current?.replacesId).toBe(old?.id);
    assertCurrentCacheConsistent();

    await callOk(backend, 'certificates.transition', step(id, '注销', { cancelReason: '退休', reason: '年满退休', announceDate: null }));
    d = await detail(id);
    expect(d.certificates[0]?.current).toMatchObject({ state: '已注销', cancelReason: '退休', cancelDate: TODAY, announceDate: null });
    expect(d.certificates[0]?.status).toBe('已注销');
    expect(d.certificates[0]?.current?.events.at(-1)).toMatchObject({ eventType: '注销', reason: '退休：年满退休' });

    // closed for good: every step but a new application is refused
    const renewCancelled = await callErr(backend, 'certificates.transition', step(id, '换证', { certNumber: 'T-0003', expiryDate: null }));
    expect(renewCancelled.message).toContain('已注销');
    assertCurrentCacheConsistent();

    // the change log holds every step, newest first
    const history = await callOk<{ entries: { summary: string }[] }>(backend, 'personnel.history', { id });
    expect(history.entries.map((e) => e.summary.split('：')[0])).toEqual([
      '注销（退休）',
      '换证',
      '登记考试成绩',
      '解除暂扣',
      '暂扣',
      '发证',
      '登记考试成绩',
      '申领',
      '新增人员“张伟”（沅江市测试局）',
    ]);
  });

  it('undoes a cancellation exactly, and a renewal back to the old card', async () => {
    const id = await newPerson();
    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2021-01-10', score: 80, passed: true, notes: null });
    await callOk(backend, 'certificates.transition', step(id, '发证', { date: '2021-02-01', certNumber: 'U-0001', expiryDate: null }));
    const before = await detail(id);

    const cancel = await callOk<{ operationId: number }>(backend, 'certificates.transition', step(id, '注销', { cancelReason: '调离执法岗位', announceDate: null }));
    expect((await detail(id)).certificates[0]?.status).toBe('已注销');
    await callOk(backend, 'history.undo', { operationId: cancel.operationId });
    const after = await detail(id);
    expect(after.certificates).toEqual(before.certificates);

    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2025-10-01', score: 75, passed: true, notes: null });
    const mid = await detail(id);
    const renew = await callOk<{ operationId: number }>(backend, 'certificates.transition', step(id, '换证', { date: '2025-11-01', certNumber: 'U-0002', expiryDate: null }));
    expect((await detail(id)).certificates[0]?.current?.certNumber).toBe('U-0002');
    await callOk(backend, 'history.undo', { operationId: renew.operationId });
    expect((await detail(id)).certificates).toEqual(mid.certificates);
    assertCurrentCacheConsistent();
  });

  it('refuses to issue to hired auxiliary staff, with the reason', async () => {
    const id = await newPerson({ staffingType: '聘用辅助人员', name: '王芳', sex: '女', idNumber: composeIdNumber('430981', '1995-07-01', 202) });
    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2026-01-10', score: 80, passed: true, notes: null });
    const issue = await callErr(backend, 'certificates.transition', step(id, '发证', { certNumber: 'V-0001', expiryDate: null }));
    expect(issue).toEqual({ code: 'RULE_VIOLATION', message: '聘用辅助人员不能申领或持有行政执法证件（只有在编在职人员可以持证）。' });
    const apply = await callErr(backend, 'certificates.transition', step(id, '申领'));
    expect(apply.code).toBe('RULE_VIOLATION');
    const d = await detail(id);
    expect(d.certificates[0]?.cards).toEqual([]);
    expect(d.certificates[0]?.actions['发证']).toEqual({ ok: false, message: expect.stringContaining('聘用辅助人员') });
  });

  it('refuses to renew a revoked card, and to suspend what is not in force', async () => {
    const id = await newPerson();
    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2026-01-10', score: 80, passed: true, notes: null });
    await callOk(backend, 'certificates.transition', step(id, '发证', { date: '2026-02-01', certNumber: 'W-0001', expiryDate: null }));
    await callOk(backend, 'certificates.transition', step(id, '吊销', { date: '2026-03-01', reason: '涂改行政执法证件' }));
    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2026-04-10', score: 80, passed: true, notes: null });
    const renew = await callErr(backend, 'certificates.transition', step(id, '换证', { certNumber: 'W-0002', expiryDate: null }));
    expect(renew).toEqual({ code: 'RULE_VIOLATION', message: '该证件已被吊销，不能再办理任何证件业务；如需重新取得资格，请重新申领。' });
    const suspend = await callErr(backend, 'certificates.transition', step(id, '暂扣', { reason: '再次违规' }));
    expect(suspend.code).toBe('RULE_VIOLATION');
    expect((await detail(id)).certificates[0]?.status).toBe('吊销');
  });

  it('refuses dates out of order, duplicate card numbers, and future dates', async () => {
    const id = await newPerson();
    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2026-01-10', score: 80, passed: true, notes: null });
    await callOk(backend, 'certificates.transition', step(id, '发证', { date: '2026-02-01', certNumber: 'X-0001', expiryDate: null }));
    const before = await callErr(backend, 'certificates.transition', step(id, '注销', { date: '2026-01-15', cancelReason: '辞职', announceDate: null }));
    expect(before.message).toContain('早于上一步业务日期 2026-02-01');
    const future = await callErr(backend, 'certificates.transition', step(id, '暂扣', { date: '2026-12-15', reason: '测试' }));
    expect(future.message).toContain('晚于今天');

    const other = await newPerson({ name: '刘敏', sex: '女', idNumber: composeIdNumber('430981', '1988-08-08', 64) });
    await callOk(backend, 'certificates.recordExam', { personId: other, examType: '通用法律知识', examDate: '2026-01-10', score: 80, passed: true, notes: null });
    const dup = await callErr(backend, 'certificates.transition', step(other, '发证', { certNumber: 'X-0001', expiryDate: null }));
    expect(dup).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('证件编号 X-0001 已是“张伟”的行政执法证编号') });
  });

  it('withdraws an unissued application and records an announcement for a cancellation', async () => {
    const id = await newPerson();
    await callOk(backend, 'certificates.transition', step(id, '申领', { date: '2026-06-01' }));
    const cancelApplication = await callErr(backend, 'certificates.transition', step(id, '注销', { cancelReason: '其他', announceDate: null }));
    expect(cancelApplication.message).toContain('撤回申领');
    await callOk(backend, 'certificates.withdraw', { personId: id, certType: '行政执法证' });
    expect((await detail(id)).certificates[0]?.cards).toEqual([]);

    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2026-06-10', score: 80, passed: true, notes: null });
    const issued = await callOk<{ certificateId: number }>(backend, 'certificates.transition', step(id, '发证', { date: '2026-07-01', certNumber: 'Y-0001', expiryDate: null }));
    const notCancelled = await callErr(backend, 'certificates.announce', { certificateIds: [issued.certificateId], announceDate: TODAY, docRef: null });
    expect(notCancelled.message).toContain('不是已注销状态');
    await callOk(backend, 'certificates.transition', step(id, '注销', { date: '2026-10-01', cancelReason: '调离执法岗位', announceDate: null }));
    const early = await callErr(backend, 'certificates.announce', { certificateIds: [issued.certificateId], announceDate: '2026-09-01', docRef: null });
    expect(early.message).toContain('早于');
    const done = await callOk<{ count: number }>(backend, 'certificates.announce', { certificateIds: [issued.certificateId], announceDate: '2026-10-20', docRef: '沅司公告〔2026〕9号' });
    expect(done.count).toBe(1);
    const card = (await detail(id)).certificates[0]?.current;
    expect(card?.announceDate).toBe('2026-10-20');
    expect(card?.events.at(-1)?.docRef).toBe('沅司公告〔2026〕9号');
  });

  it('corrects a mistyped card number, keeping the old value in the history', async () => {
    const id = await newPerson();
    await callOk(backend, 'certificates.recordExam', { personId: id, examType: '通用法律知识', examDate: '2026-01-10', score: 80, passed: true, notes: null });
    const { certificateId } = await callOk<{ certificateId: number }>(backend, 'certificates.transition', step(id, '发证', { date: '2026-02-01', certNumber: 'Z-00O1', expiryDate: null }));
    await callOk(backend, 'certificates.correct', { certificateId, certNumber: 'Z-0001', issueDate: '2026-02-01', expiryDate: '2031-01-31', reason: '录入时字母O与数字0混淆' });
    const card = (await detail(id)).certificates[0]?.current;
    expect(card?.certNumber).toBe('Z-0001');
    expect(card?.events.at(-1)).toMatchObject({ eventType: '信息更正', reason: '录入时字母O与数字0混淆' });
    expect(JSON.parse(card?.events.at(-1)?.details ?? '{}')).toEqual({ 证件编号: 'Z-00O1 → Z-0001' });
  });

  it('refuses a score below the pass mark of 设置 marked as passed', async () => {
    const id = await newPerson();
    const exam = (score: number) => ({ personId: id, examType: '通用法律知识', examDate: '2026-01-10', score, passed: true, notes: null });
    expect((await callErr(backend, 'certificates.recordExam', exam(55))).message).toContain('低于合格分数线 60 分');
    await callOk(backend, 'settings.update', { examPassMark: 50 });
    await callOk(backend, 'certificates.recordExam', exam(55));
    await callOk(backend, 'settings.update', { examPassMark: 70 });
    expect((await callErr(backend, 'certificates.recordExam', exam(65))).message).toContain('低于合格分数线 70 分');
    await callOk(backend, 'settings.update', { examPassMark: 60 });
  });
});
