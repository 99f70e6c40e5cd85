import { describe, expect, it } from 'vitest';
import {
  availableActions,
  CERT_ACTIONS,
  certTypeFor,
  certificateEligibility,
  checkStaffingChange,
  checkStepDate,
  checkTransition,
  checkWithdraw,
  isActiveOfficer,
  mayHoldCertificate,
  type CertAction,
} from '../../shared/domain/certificate-rules.ts';
import type { CertState } from '../../shared/domain/certificate-vocabulary.ts';
import { STAFFING_TYPES, type StaffingType } from '../../shared/domain/personnel-fields.ts';

const CURRENT: (CertState | null)[] = [null, '待考试', '考试合格', '有效', '暂扣', '吊销', '已注销', '已换发'];

/**
 * Every transition that is allowed for an eligible person with a passed exam, and where it leads.
 * Anything not listed must be refused.
 */
const ALLOWED: Record<string, CertState> = {
  'null 申领': '待考试',
  'null 发证': '有效',
  '待考试 考试合格': '考试合格',
  '待考试 发证': '有效',
  '考试合格 发证': '有效',
  '有效 换证': '有效',
  '有效 补发': '有效',
  '有效 暂扣': '暂扣',
  '有效 吊销': '吊销',
  '有效 注销': '已注销',
  '暂扣 解除暂扣': '有效',
  '暂扣 吊销': '吊销',
  '暂扣 注销': '已注销',
  '吊销 申领': '待考试',
  '已注销 申领': '待考试',
  '已换发 申领': '待考试',
};

/** Steps that need a passed exam, and that only staff who may hold a card can take. */
const NEEDS_EXAM: readonly CertAction[] = ['考试合格', '发证', '换证'];
const NEEDS_ELIGIBILITY: readonly CertAction[] = ['申领', '考试合格', '发证', '换证', '补发'];

const eligible = { staffingType: '行政编制' as StaffingType, hasPassedExam: true };

describe('certificate lifecycle transitions', () => {
  const cases = CURRENT.flatMap((current) => CERT_ACTIONS.map((action) => [String(current), action, current] as const));

  it.each(cases)('from %s, %s: allowed exactly as the table says (eligible, exam passed)', (_label, action, current) => {
    const result = checkTransition(current, action, eligible);
    const expected = ALLOWED[`${String(current)} ${action}`];
    if (expected) expect(result).toEqual({ ok: true, next: expected });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(cases)('from %s, %s: without a passed exam only the exam steps change', (_label, action, current) => {
    const result = checkTransition(current, action, { ...eligible, hasPassedExam: false });
    const expected = ALLOWED[`${String(current)} ${action}`];
    if (expected && !NEEDS_EXAM.includes(action)) expect(result).toEqual({ ok: true, next: expected });
    else expect(result.ok).toBe(false);
  });

  it.each(cases)('from %s, %s: hired auxiliaries and 工勤 never apply for, pass into, receive or renew a card', (_label, action, current) => {
    for (const staffingType of ['聘用辅助人员', '工勤'] as const) {
      const result = checkTransition(current, action, { staffingType, hasPassedExam: true });
      const expected = ALLOWED[`${String(current)} ${action}`];
      if (expected && !NEEDS_ELIGIBILITY.includes(action)) expect(result).toEqual({ ok: true, next: expected });
      else expect(result.ok).toBe(false);
    }
  });

  it('explains the refusals the issue names', () => {
    const renewRevoked = checkTransition('吊销', '换证', eligible);
    expect(renewRevoked).toEqual({ ok: false, message: expect.stringContaining('已被吊销') });
    const auxiliary = checkTransition(null, '发证', { staffingType: '聘用辅助人员', hasPassedExam: true });
    expect(auxiliary).toEqual({ ok: false, message: expect.stringContaining('聘用辅助人员不能申领或持有行政执法证件') });
    const noExam = checkTransition('考试合格', '发证', { ...eligible, hasPassedExam: false });
    expect(noExam).toEqual({ ok: false, message: expect.stringContaining('没有考试合格记录') });
    const renewNoExam = checkTransition('有效', '换证', { ...eligible, hasPassedExam: false });
    expect(renewNoExam).toEqual({ ok: false, message: expect.stringContaining('换证前须参加考试并合格') });
    const renewSuspended = checkTransition('暂扣', '换证', eligible);
    expect(renewSuspended).toEqual({ ok: false, message: expect.stringContaining('暂扣期间不能换证') });
    const cancelUnissued = checkTransition('待考试', '注销', eligible);
    expect(cancelUnissued).toEqual({ ok: false, message: expect.stringContaining('撤回申领') });
    const twice = checkTransition('有效', '申领', eligible);
    expect(twice).toEqual({ ok: false, message: expect.stringContaining('不能重复申领') });
  });

  it('lets only unissued applications be withdrawn', () => {
    expect(checkWithdraw('待考试')).toEqual({ ok: true });
    expect(checkWithdraw('考试合格')).toEqual({ ok: true });
    for (const state of [null, '有效', '暂扣', '吊销', '已注销'] as const) expect(checkWithdraw(state).ok).toBe(false);
  });

  it('lists every action with its check', () => {
    const actions = availableActions('有效', eligible);
    expect(Object.keys(actions).sort()).toEqual([...CERT_ACTIONS].sort());
    expect(actions['暂扣']).toEqual({ ok: true, next: '暂扣' });
    expect(actions['发证'].ok).toBe(false);
  });
});

describe('who may hold which card', () => {
  it('lets only 在编 staff hold a card, and a staffing type not reported (未填写) pending confirmation', () => {
    expect(STAFFING_TYPES.filter(mayHoldCertificate)).toEqual(['行政编制', '参照公务员管理', '事业编制', '未填写']);
    expect(STAFFING_TYPES.map((t) => [t, certificateEligibility(t)])).toEqual([
      ['行政编制', 'eligible'],
      ['参照公务员管理', 'eligible'],
      ['事业编制', 'eligible'],
      ['工勤', 'ineligible'],
      ['聘用辅助人员', 'ineligible'],
      ['未填写', 'to_confirm'],
    ]);
    // A card may be issued to someone whose staffing type is still to be confirmed.
    expect(checkTransition('考试合格', '发证', { staffingType: '未填写', hasPassedExam: true })).toEqual({ ok: true, next: '有效' });
    expect(checkStaffingChange('未填写', [{ certType: '行政执法证', state: '有效' }])).toEqual({ ok: true });
  });

  it('gives supervision staff the supervision card', () => {
    expect(certTypeFor('执法人员')).toBe('行政执法证');
    expect(certTypeFor('监督人员')).toBe('行政执法监督证');
  });

  it('counts as active officers the eligible staff whose card was not cancelled or revoked', () => {
    expect(isActiveOfficer({ staffingType: '事业编制', status: '已过期' })).toBe(true);
    expect(isActiveOfficer({ staffingType: '事业编制', status: '无证' })).toBe(true);
    expect(isActiveOfficer({ staffingType: '事业编制', status: '已注销' })).toBe(false);
    expect(isActiveOfficer({ staffingType: '行政编制', status: '吊销' })).toBe(false);
    expect(isActiveOfficer({ staffingType: '聘用辅助人员', status: '无证' })).toBe(false);
  });
});

describe('a card holder’s staffing type', () => {
  const card = (state: CertState) => ({ certType: '行政执法证' as const, state });

  it('may become one that cannot hold a card only when no card is open', () => {
    for (const state of ['吊销', '已注销', '已换发'] as const) expect(checkStaffingChange('工勤', [card(state)])).toEqual({ ok: true });
    expect(checkStaffingChange('聘用辅助人员', [])).toEqual({ ok: true });
    for (const state of ['待考试', '考试合格', '有效', '暂扣'] as const) expect(checkStaffingChange('工勤', [card('已注销'), card(state)]).ok).toBe(false);
  });

  it('may always become one that can hold a card', () => {
    expect(checkStaffingChange('事业编制', [card('有效')])).toEqual({ ok: true });
  });

  it('says which card stands in the way', () => {
    expect(checkStaffingChange('聘用辅助人员', [{ certType: '行政执法监督证', state: '暂扣' }])).toEqual({
      ok: false,
      message: '此人持有行政执法监督证（暂扣），不能改为“聘用辅助人员”：该类人员不能持有行政执法证件。请先办理证件注销或撤回申领。',
    });
  });
});

describe('the date of a certificate step', () => {
  it('may be today or the day of the previous step, not later than today nor earlier than that step', () => {
    expect(checkStepDate('注销日期', '2024-06-30', '2024-06-30', '2024-06-30')).toEqual({ ok: true });
    expect(checkStepDate('发证日期', '2021-03-15', null, '2024-06-30')).toEqual({ ok: true });
    expect(checkStepDate('注销日期', '2024-07-01', null, '2024-06-30')).toEqual({
      ok: false,
      problem: '晚于今天',
      message: '注销日期 2024-07-01 晚于今天（2024-06-30），请在业务办结后登记。',
    });
    expect(checkStepDate('换证日期', '2024-05-09', '2024-05-10', '2024-06-30')).toEqual({
      ok: false,
      problem: '早于上一步业务日期',
      message: '换证日期 2024-05-09 早于上一步业务日期 2024-05-10，请核对日期。',
    });
  });
});
