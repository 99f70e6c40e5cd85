import { AppError } from '../../../shared/api/errors.ts';
import { normaliseDocRef } from '../../../shared/domain/document-number.ts';
import { checkStepDate, checkTransition, type CertAction, type TransitionCheck, type TransitionFacts } from '../../../shared/domain/certificate-rules.ts';
import { OPEN_CERT_STATES, type CancelReason, type CertState, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { formatChineseDate, validityEnd } from '../../../shared/domain/dates.ts';
import type { StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { Db } from '../db/open-database.ts';
import { cachedStatement, type RowImage, type Writer } from '../db/tracked-writes.ts';

/**
 * The certificate steps as write functions that run inside a caller's operation (the Writer of
 * runOperation). The person page runs one step per operation (certificate-service.ts); the
 * importer runs them for every row of a file inside the import's one operation
 * (import/commit-import.ts). Each step makes its checks against the registry as it is inside the
 * transaction — checkTransition (who may hold a card, which step may follow which), the date order
 * (checkStepDate: not after today, not before the card's previous step), a card number nobody else
 * has, 有效期至 after the issue date — and refuses with the same message whoever calls it.
 * Each writes the certificate row and its certificate_events row.
 */

export interface CertRow {
  id: number;
  person_id: number;
  cert_type: CertType;
  cert_number: string | null;
  state: CertState;
  issue_date: string | null;
  expiry_date: string | null;
  cancel_date: string | null;
}

export interface PersonFacts {
  id: number;
  name: string;
  staffing_type: StaffingType;
}

/**
 * What a 发证 or 换证 rests on.
 * - 'exam': the registry's own process. A passed exam recorded for the person (for 换证 one taken
 *   after the card was issued); after a cancelled or revoked card, a new application first.
 * - 'recorded-fact': the importer records a card that the agency's roster reports as issued outside
 *   the registry; the roster is the evidence. The application and the exam happened elsewhere and
 *   are not in the registry, so neither is required. Everything else is: who may hold a card, the
 *   step's place in the card's life, its dates, a free number, 有效期至 after the issue date.
 */
export type IssueEvidence = 'exam' | 'recorded-fact';

export interface StepContext {
  today: string;
  operator: string;
  certValidityYears: number;
  /** Added to every event's details: the importer marks its events {source: 'import', batch: N} (undo and the history rely on it). */
  eventDetails?: Record<string, string | number>;
}

export function personFacts(db: Db, personId: number): PersonFacts {
  const person = cachedStatement(db, `SELECT id, name, staffing_type FROM personnel WHERE id = ?`).get(personId) as PersonFacts | undefined;
  if (!person) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');
  return person;
}

/** The person's current card of a type (same pick as the roster and the overview), or undefined. */
export function currentCard(db: Db, personId: number, certType: CertType): CertRow | undefined {
  // Two lookups rather than a join: this runs for every card an import writes, and most people have none yet.
  const current = cachedStatement(db, `SELECT certificate_id FROM certificate_current WHERE person_id = ? AND cert_type = ?`).get(personId, certType) as { certificate_id: number } | undefined;
  return current ? certificateRow(db, current.certificate_id) : undefined;
}

/** The day the card's last recorded step happened: a new step may not be dated before it. */
export function lastEventDate(db: Db, certificateId: number): string | null {
  const row = cachedStatement(db, `SELECT max(event_date) AS last FROM certificate_events WHERE certificate_id = ?`).get(certificateId) as { last: string | null };
  return row.last;
}

export function applicationDate(db: Db, card: CertRow): string | null {
  const row = cachedStatement(db, `SELECT min(event_date) AS first FROM certificate_events WHERE certificate_id = ? AND event_type = '申领'`).get(card.id) as { first: string | null };
  return row.first;
}

/**
 * Whether a passed exam backs the step: taken on or before the step's day, and after the point
 * where a new exam became necessary (the application of an open card; the issue of the card being
 * renewed; the end of a cancelled or revoked card).
 */
export function hasPassedExamFor(db: Db, personId: number, action: CertAction, current: CertRow | undefined, stepDate: string): boolean {
  let after: string | null = null;
  let inclusive = true;
  if (current && (current.state === '待考试' || current.state === '考试合格')) after = applicationDate(db, current);
  else if (action === '换证' && current) {
    after = current.issue_date;
    inclusive = false;
  } else if (current && (current.state === '已注销' || current.state === '吊销')) {
    after = current.cancel_date ?? lastEventDate(db, current.id);
  }
  const sql = `SELECT count(*) AS n FROM exams WHERE person_id = ? AND passed = 1 AND exam_date <= ?${after ? ` AND exam_date ${inclusive ? '>=' : '>'} ?` : ''}`;
  const params: (string | number)[] = [personId, stepDate];
  if (after) params.push(after);
  return (cachedStatement(db, sql).get(...params) as { n: number }).n > 0;
}

export function transitionFacts(db: Db, person: { id: number; staffing_type: StaffingType }, action: CertAction, current: CertRow | undefined, stepDate: string): TransitionFacts {
  return { staffingType: person.staffing_type, hasPassedExam: hasPassedExamFor(db, person.id, action, current, stepDate) };
}

const isOpen = (card: CertRow | undefined): card is CertRow => card !== undefined && (OPEN_CERT_STATES as readonly string[]).includes(card.state);

/** checkTransition for a step on the person's current card, with the facts the evidence gives. */
function checkStep(db: Db, person: PersonFacts, current: CertRow | undefined, action: CertAction, date: string, evidence: IssueEvidence): Extract<TransitionCheck, { ok: true }> {
  let check: TransitionCheck;
  if (evidence === 'recorded-fact') {
    // The card was applied for and examined outside the registry: a closed card before it is history, not the card it continues.
    check = checkTransition(isOpen(current) ? current.state : null, action, { staffingType: person.staffing_type, hasPassedExam: true });
  } else {
    check = checkTransition(current?.state ?? null, action, transitionFacts(db, person, action, current, date));
  }
  if (!check.ok) throw new AppError('RULE_VIOLATION', check.message);
  return check;
}

function assertStepDate(label: string, date: string, previousStep: string | null, today: string): void {
  const check = checkStepDate(label, date, previousStep, today);
  if (!check.ok) throw new AppError('RULE_VIOLATION', check.message, [{ path: 'date', message: check.problem }]);
}

export function assertNumberFree(db: Db, certNumber: string, exceptCertificateId: number | null): void {
  const taken = cachedStatement(db, `SELECT person_id, cert_type FROM certificates WHERE cert_number = ? AND id IS NOT ?`).get(certNumber, exceptCertificateId) as
    { person_id: number; cert_type: string } | undefined;
  if (taken) {
    const message = `证件编号 ${certNumber} 已是“${personFacts(db, taken.person_id).name}”的${taken.cert_type}编号，证件编号不能重复。`;
    throw new AppError('CONFLICT', message, [{ path: 'certNumber', message }]);
  }
}

function assertExpiryAfterIssue(issueDate: string, expiry: string): void {
  if (expiry <= issueDate) throw new AppError('RULE_VIOLATION', `有效期至 ${expiry} 应晚于发证日期 ${issueDate}。`, [{ path: 'expiryDate', message: '应晚于发证日期' }]);
}

function expiryFor(issueDate: string, given: string | null, years: number): string {
  const expiry = given ?? validityEnd(issueDate, years);
  assertExpiryAfterIssue(issueDate, expiry);
  return expiry;
}

function mustHave(card: CertRow | undefined): CertRow {
  // checkTransition refuses every step but 申领 and 发证 when there is no card; this is its guarantee.
  if (!card) throw new AppError('RULE_VIOLATION', '此人没有该类证件。');
  return card;
}

/** Writes one certificate_events row; the context's event details (the importer's batch) are added to `details`. */
export function addEvent(
  w: Writer,
  ctx: Pick<StepContext, 'operator' | 'eventDetails'>,
  certificateId: number,
  type: string,
  date: string,
  reason: string | null,
  docRef: string | null,
  details: Record<string, string> | null = null,
): void {
  const all = details || ctx.eventDetails ? { ...details, ...ctx.eventDetails } : null;
  w.insert('certificate_events', {
    certificate_id: certificateId,
    event_type: type,
    event_date: date,
    reason,
    doc_ref: normaliseDocRef(docRef),
    operator: ctx.operator,
    details: all ? JSON.stringify(all) : null,
  });
}

export interface StepBase {
  personId: number;
  certType: CertType;
  /** The day the step took effect. */
  date: string;
  reason: string | null;
  docRef: string | null;
}

/** 申领: starts an application (待考试). Returns the new card's id. */
export function applyForCard(w: Writer, step: StepBase, ctx: StepContext): number {
  const person = personFacts(w.db, step.personId);
  const current = currentCard(w.db, person.id, step.certType);
  checkStep(w.db, person, current, '申领', step.date, 'exam');
  assertStepDate('申领日期', step.date, null, ctx.today);
  const id = w.insert('certificates', { person_id: person.id, cert_type: step.certType, state: '待考试' });
  addEvent(w, ctx, id, '申领', step.date, step.reason ?? (current ? '重新申领' : '首次申领'), step.docRef);
  return id;
}

/** 考试合格 on a waiting application. Returns the card's id. */
export function recordExamPassed(w: Writer, step: StepBase, ctx: StepContext): number {
  const person = personFacts(w.db, step.personId);
  const current = currentCard(w.db, person.id, step.certType);
  checkStep(w.db, person, current, '考试合格', step.date, 'exam');
  const card = mustHave(current);
  assertStepDate('考试合格日期', step.date, lastEventDate(w.db, card.id), ctx.today);
  w.update('certificates', card.id, { state: '考试合格' });
  addEvent(w, ctx, card.id, '考试合格', step.date, step.reason ?? '考试合格', step.docRef);
  return card.id;
}

export interface IssueStep extends StepBase {
  certNumber: string;
  /** Null: the end of the configured validity (5 years: 2023-05-10 → 2028-05-09). */
  expiryDate: string | null;
  /**
   * The card's state once issued: 有效. Only a recorded fact may say 暂扣 (the roster reports the
   * card as suspended now; the registry never saw the suspension, so records no event for it).
   */
  state?: '有效' | '暂扣';
}

/**
 * 发证: issues the card — completing the open application (待考试, 考试合格) if there is one, else
 * as a new card. Returns the card's id.
 */
export function issueCard(w: Writer, step: IssueStep, evidence: IssueEvidence, ctx: StepContext): number {
  const person = personFacts(w.db, step.personId);
  const current = currentCard(w.db, person.id, step.certType);
  checkStep(w.db, person, current, '发证', step.date, evidence);
  const open = isOpen(current) ? current : undefined;
  assertStepDate('发证日期', step.date, open ? lastEventDate(w.db, open.id) : null, ctx.today);
  assertNumberFree(w.db, step.certNumber, null);
  const expiry = expiryFor(step.date, step.expiryDate, ctx.certValidityYears);
  const state = step.state ?? '有效';
  if (state !== '有效' && evidence !== 'recorded-fact') throw new AppError('RULE_VIOLATION', '发证后的证件状态为“有效”；暂扣请另行办理。');
  const values: RowImage = { state, cert_number: step.certNumber, issue_date: step.date, expiry_date: expiry };
  let id: number;
  if (open) {
    id = open.id;
    w.update('certificates', id, values);
  } else {
    id = w.insert('certificates', { person_id: person.id, cert_type: step.certType, ...values });
  }
  addEvent(w, ctx, id, '发证', step.date, step.reason, step.docRef, { validUntil: formatChineseDate(expiry) });
  return id;
}

export interface RenewStep extends StepBase {
  /** 换证: a renewal with a new validity; 补发: a lost or damaged card replaced, same validity. */
  action: '换证' | '补发';
  certNumber: string;
  /** 换证 only; null: the end of the configured validity. */
  expiryDate: string | null;
}

/** 换证 / 补发: a new card replaces the current one, which becomes 已换发. Returns the new card's id. */
export function renewCard(w: Writer, step: RenewStep, evidence: IssueEvidence, ctx: StepContext): number {
  const person = personFacts(w.db, step.personId);
  const current = currentCard(w.db, person.id, step.certType);
  checkStep(w.db, person, current, step.action, step.date, evidence);
  const old = mustHave(current);
  assertStepDate(step.action === '换证' ? '换证日期' : '补发日期', step.date, lastEventDate(w.db, old.id), ctx.today);
  assertNumberFree(w.db, step.certNumber, null);
  let expiry: string;
  if (step.action === '换证') expiry = expiryFor(step.date, step.expiryDate, ctx.certValidityYears);
  else {
    // A replacement card carries the lost card's validity; an expired card is renewed, not replaced.
    expiry = old.expiry_date ?? expiryFor(step.date, null, ctx.certValidityYears);
    if (expiry <= step.date) throw new AppError('RULE_VIOLATION', `原证件已于 ${expiry} 到期，不能补发，请办理换证。`);
  }
  const verb = step.action;
  w.update('certificates', old.id, { state: '已换发' });
  addEvent(w, ctx, old.id, verb, step.date, verb === '换证' ? '已换发新证' : '遗失或损毁，已补发新证', step.docRef, { replacedByNumber: step.certNumber });
  const id = w.insert('certificates', {
    person_id: person.id,
    cert_type: step.certType,
    cert_number: step.certNumber,
    state: '有效',
    issue_date: step.date,
    expiry_date: expiry,
    replaces_id: old.id,
  });
  addEvent(w, ctx, id, verb, step.date, step.reason ?? (verb === '换证' ? '有效期届满换证' : '补发'), step.docRef, old.cert_number ? { replacesNumber: old.cert_number } : null);
  return id;
}

export interface StateStep extends StepBase {
  action: '暂扣' | '解除暂扣' | '吊销';
}

/** 暂扣 / 解除暂扣 / 吊销. Returns the card's id. */
export function changeCardState(w: Writer, step: StateStep, ctx: StepContext): number {
  const person = personFacts(w.db, step.personId);
  const current = currentCard(w.db, person.id, step.certType);
  const check = checkStep(w.db, person, current, step.action, step.date, 'exam');
  const card = mustHave(current);
  assertStepDate(`${step.action}日期`, step.date, lastEventDate(w.db, card.id), ctx.today);
  w.update('certificates', card.id, { state: check.next });
  addEvent(w, ctx, card.id, step.action, step.date, step.reason, step.docRef);
  return card.id;
}

export interface CancelStep extends StepBase {
  cancelReason: CancelReason;
  /** The day the cancellation was announced, when it already was. */
  announceDate: string | null;
}

/**
 * 注销: cancels the issued card (有效 or 暂扣). Its date is not after today nor before the card's
 * last step, and an announcement is not dated before it. The event's reason is the cancel reason,
 * with the free text after it (退休：年满退休). Returns the card's id.
 */
export function cancelCard(w: Writer, step: CancelStep, ctx: StepContext): number {
  const person = personFacts(w.db, step.personId);
  const current = currentCard(w.db, person.id, step.certType);
  checkStep(w.db, person, current, '注销', step.date, 'exam');
  const card = mustHave(current);
  assertStepDate('注销日期', step.date, lastEventDate(w.db, card.id), ctx.today);
  if (step.announceDate !== null && step.announceDate < step.date) {
    throw new AppError('RULE_VIOLATION', `公示日期 ${step.announceDate} 早于注销日期 ${step.date}，请核对。`, [{ path: 'announceDate', message: '早于注销日期' }]);
  }
  w.update('certificates', card.id, { state: '已注销', cancel_reason: step.cancelReason, cancel_date: step.date, announce_date: step.announceDate });
  addEvent(w, ctx, card.id, '注销', step.date, step.reason ? `${step.cancelReason}：${step.reason}` : step.cancelReason, step.docRef);
  return card.id;
}

export function certificateRow(db: Db, certificateId: number): CertRow {
  const card = cachedStatement(db, `SELECT id, person_id, cert_type, cert_number, state, issue_date, expiry_date, cancel_date FROM certificates WHERE id = ?`).get(certificateId) as
    CertRow | undefined;
  if (!card) throw new AppError('NOT_FOUND', '该证件记录不存在，可能已被删除');
  return card;
}

export interface Correction {
  certificateId: number;
  certNumber: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  reason: string;
}

/**
 * 信息更正: fixes a typo in an issued card's number or dates, recorded as an event (dated today)
 * with the old and new values. Returns false when nothing differs.
 */
export function correctCard(w: Writer, input: Correction, ctx: Pick<StepContext, 'today' | 'operator' | 'eventDetails'>): boolean {
  const card = certificateRow(w.db, input.certificateId);
  if (card.issue_date === null) throw new AppError('RULE_VIOLATION', '尚未发证的申领没有证件编号和日期可更正。');
  if (input.certNumber === null || input.issueDate === null || input.expiryDate === null) {
    throw new AppError('INVALID_INPUT', '已发放的证件必须有证件编号、发证日期和有效期至。');
  }
  assertExpiryAfterIssue(input.issueDate, input.expiryDate);
  assertNumberFree(w.db, input.certNumber, card.id);
  const changes = correctionChanges(card, input);
  if (changes === null) return false;
  w.update('certificates', card.id, { cert_number: input.certNumber, issue_date: input.issueDate, expiry_date: input.expiryDate });
  addEvent(w, ctx, card.id, '信息更正', ctx.today, input.reason, null, changes);
  return true;
}

/** The fields a correction changes, as 证件编号: old → new; null when it changes nothing. */
export function correctionChanges(card: CertRow, input: Correction): Record<string, string> | null {
  const changes: Record<string, string> = {};
  if (input.certNumber !== card.cert_number) changes['证件编号'] = `${card.cert_number ?? '—'} → ${input.certNumber ?? '—'}`;
  if (input.issueDate !== card.issue_date) changes['发证日期'] = `${card.issue_date ?? '—'} → ${input.issueDate ?? '—'}`;
  if (input.expiryDate !== card.expiry_date) changes['有效期至'] = `${card.expiry_date ?? '—'} → ${input.expiryDate ?? '—'}`;
  return Object.keys(changes).length > 0 ? changes : null;
}
