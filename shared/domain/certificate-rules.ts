import { isCertClosed, type CertStatus } from './certificate-status.ts';
import { OPEN_CERT_STATES, type CertState, type CertType } from './certificate-vocabulary.ts';
import { STAFFING_NOT_REPORTED, type PersonnelKind, type StaffingType } from './personnel-fields.ts';

/**
 * Who may hold a certificate, and which lifecycle step may follow which. The personnel service,
 * the importer and the UI (to grey out buttons) all ask this module.
 */

/** 合同工、临时工、工勤人员 and hired auxiliary staff may assist but never hold a certificate (湘政府令第280号). */
export const STAFFING_WITHOUT_CERTIFICATE: readonly StaffingType[] = ['聘用辅助人员', '工勤'];

/**
 * Whether a staffing type may hold a card: `eligible` (在编在职), `ineligible` (聘用辅助人员, 工勤) or
 * `to_confirm` (未填写: the roster did not say). A type to be confirmed is not a reason to refuse a
 * card — the agency reported the card, and most rosters carry no 编制类型 — but the person is
 * listed among the data problems until the clerk records the type.
 */
export type CertificateEligibility = 'eligible' | 'ineligible' | 'to_confirm';

export function certificateEligibility(staffingType: StaffingType): CertificateEligibility {
  if (STAFFING_WITHOUT_CERTIFICATE.includes(staffingType)) return 'ineligible';
  return staffingType === STAFFING_NOT_REPORTED ? 'to_confirm' : 'eligible';
}

/** True unless the type may not hold a card; a type to be confirmed (未填写) may. */
export function mayHoldCertificate(staffingType: StaffingType): boolean {
  return certificateEligibility(staffingType) !== 'ineligible';
}

export type RuleCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether a person holding `cards` may be given `staffingType`. 聘用辅助人员 and 工勤 may hold no
 * card, so while a card is open (待考试, 考试合格, 有效, 暂扣) the staffing type stays one that may
 * hold it: the card is cancelled, or the application withdrawn, first. The person editor, the
 * importer's preview and its commit all ask this.
 */
export function checkStaffingChange(staffingType: StaffingType, cards: readonly { certType: CertType; state: CertState }[]): RuleCheck {
  if (mayHoldCertificate(staffingType)) return { ok: true };
  const open = cards.find((c) => (OPEN_CERT_STATES as readonly CertState[]).includes(c.state));
  if (!open) return { ok: true };
  return { ok: false, message: `此人持有${open.certType}（${open.state}），不能改为“${staffingType}”：该类人员不能持有行政执法证件。请先办理证件注销或撤回申领。` };
}

export type StepDateCheck = { ok: true } | { ok: false; message: string; problem: '晚于今天' | '早于上一步业务日期' };

/**
 * The date of a certificate step (发证, 换证, 注销 …, `label` names it: 发证日期): not after today
 * (a step is recorded once done), and not before the card's previous step (`previousStep`, the
 * date of its last recorded event; null for a new card).
 */
export function checkStepDate(label: string, date: string, previousStep: string | null, today: string): StepDateCheck {
  if (date > today) return { ok: false, problem: '晚于今天', message: `${label} ${date} 晚于今天（${today}），请在业务办结后登记。` };
  if (previousStep !== null && date < previousStep) {
    return { ok: false, problem: '早于上一步业务日期', message: `${label} ${date} 早于上一步业务日期 ${previousStep}，请核对日期。` };
  }
  return { ok: true };
}

/**
 * A person still in enforcement work: staff who may hold a card and whose card was not cancelled or
 * revoked. The training requirement and the legal-review ratio count these people.
 */
export function isActiveOfficer(person: { staffingType: StaffingType; status: CertStatus }): boolean {
  return mayHoldCertificate(person.staffingType) && !isCertClosed(person.status);
}

/** The certificate type a person's role calls for. */
export function certTypeFor(kind: PersonnelKind): CertType {
  return kind === '监督人员' ? '行政执法监督证' : '行政执法证';
}

export const CERT_ACTIONS = ['申领', '考试合格', '发证', '换证', '暂扣', '解除暂扣', '吊销', '注销', '补发'] as const;
export type CertAction = (typeof CERT_ACTIONS)[number];

export interface TransitionFacts {
  staffingType: StaffingType;
  /**
   * A passed exam recorded for this person, on or before the day of the step: for 考试合格 and 发证
   * any such exam; for 换证 one taken after the current card was issued (the re-exam).
   */
  hasPassedExam: boolean;
}

export type TransitionCheck = { ok: true; next: CertState } | { ok: false; message: string };

const CLOSED_MESSAGES: Partial<Record<CertState, string>> = {
  吊销: '该证件已被吊销，不能再办理任何证件业务；如需重新取得资格，请重新申领。',
  已注销: '该证件已注销，不能再办理证件业务；如需重新取得资格，请重新申领。',
  已换发: '该证件已换发新证，请对新证件办理业务。',
};

/**
 * Checks one lifecycle step. `current` is the state of the person's open certificate of that
 * type, or null when there is none. For 换证 and 补发 the old card becomes 已换发 / 已注销 and a new
 * card is created in `next`.
 */
export function checkTransition(current: CertState | null, action: CertAction, facts: TransitionFacts): TransitionCheck {
  const refuse = (message: string): TransitionCheck => ({ ok: false, message });
  if (current !== null && CLOSED_MESSAGES[current] && action !== '申领') return refuse(CLOSED_MESSAGES[current] ?? '');
  const needsEligibility = action === '申领' || action === '发证' || action === '换证' || action === '补发' || action === '考试合格';
  if (needsEligibility && !mayHoldCertificate(facts.staffingType)) {
    return refuse(`${facts.staffingType}不能申领或持有行政执法证件（只有在编在职人员可以持证）。`);
  }
  switch (action) {
    case '申领':
      if (current !== null && !CLOSED_MESSAGES[current]) return refuse(`此人已有${current === '有效' ? '有效证件' : `“${current}”状态的证件`}，不能重复申领。`);
      return { ok: true, next: '待考试' };
    case '考试合格':
      if (current !== '待考试') return refuse('只有“待考试”的申领才能登记考试合格。');
      if (!facts.hasPassedExam) return refuse('没有考试合格记录，请先登记考试成绩。');
      return { ok: true, next: '考试合格' };
    case '发证':
      if (current !== '考试合格' && current !== '待考试' && current !== null) return refuse('此人已有证件，不能再次发证；到期换证请使用“换证”。');
      if (!facts.hasPassedExam) return refuse('没有考试合格记录，不能发证。请先登记考试成绩。');
      return { ok: true, next: '有效' };
    case '换证':
      if (current !== '有效') return refuse(current === '暂扣' ? '证件暂扣期间不能换证，请先解除暂扣。' : '只有已发放的有效（含已过期）证件可以换证。');
      if (!facts.hasPassedExam) return refuse('换证前须参加考试并合格（湖南要求到期前6个月参加换证考试）。请先登记本次考试成绩。');
      return { ok: true, next: '有效' };
    case '补发':
      if (current !== '有效') return refuse('只有有效证件遗失或损坏时可以补发。');
      return { ok: true, next: '有效' };
    case '暂扣':
      if (current !== '有效') return refuse('只有有效证件可以暂扣。');
      return { ok: true, next: '暂扣' };
    case '解除暂扣':
      if (current !== '暂扣') return refuse('该证件未被暂扣。');
      return { ok: true, next: '有效' };
    case '吊销':
      if (current !== '有效' && current !== '暂扣') return refuse('只有有效或暂扣中的证件可以吊销。');
      return { ok: true, next: '吊销' };
    case '注销':
      if (current === null) return refuse('此人没有可注销的证件。');
      if (current === '待考试' || current === '考试合格') return refuse('尚未发证的申领不能注销；如需撤回申领，请使用“撤回申领”。');
      return { ok: true, next: '已注销' };
  }
}

/**
 * Withdrawing an application (撤回申领) removes the unissued record; an issued card is never removed,
 * only cancelled, so its number stays on record.
 */
export function checkWithdraw(current: CertState | null): { ok: true } | { ok: false; message: string } {
  if (current === '待考试' || current === '考试合格') return { ok: true };
  return { ok: false, message: current === null ? '此人没有待处理的申领。' : '只有尚未发证的申领（待考试、考试合格）可以撤回；已发放的证件请办理注销。' };
}

/** Every action with its check, for greying out buttons and explaining why. */
export function availableActions(current: CertState | null, facts: TransitionFacts): Record<CertAction, TransitionCheck> {
  return Object.fromEntries(CERT_ACTIONS.map((a) => [a, checkTransition(current, a, facts)])) as Record<CertAction, TransitionCheck>;
}
