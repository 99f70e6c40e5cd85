import type { CertificateStep } from '../../../shared/api/methods/certificates.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { checkTransition, checkWithdraw, type CertAction, type TransitionFacts } from '../../../shared/domain/certificate-rules.ts';
import { OPEN_CERT_STATES, type CertState, type CertType, type ExamType } from '../../../shared/domain/certificate-vocabulary.ts';
import { formatChineseDate, validityEnd } from '../../../shared/domain/dates.ts';
import type { StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation, type RowImage, type Writer } from '../db/tracked-writes.ts';

/**
 * The certificate lifecycle as explicit, recorded steps. Each step is one operation (kind
 * 'lifecycle') that writes the certificate row and a certificate_events row, so it shows in the
 * person's change log and can be undone. Whether a step is allowed is decided by checkTransition
 * in shared/domain/certificate-rules.ts; refusals come back as RULE_VIOLATION with its message.
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

interface PersonFacts {
  id: number;
  name: string;
  staffing_type: StaffingType;
}

export interface LifecycleContext {
  today: string;
  operator: string;
  certValidityYears: number;
}

function personFacts(db: Db, personId: number): PersonFacts {
  const person = db.prepare(`SELECT id, name, staffing_type FROM personnel WHERE id = ?`).get(personId) as PersonFacts | undefined;
  if (!person) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');
  return person;
}

/** The person's current card of a type (same pick as the roster and the overview), or undefined. */
export function currentCard(db: Db, personId: number, certType: CertType): CertRow | undefined {
  return db
    .prepare(
      `SELECT c.id, c.person_id, c.cert_type, c.cert_number, c.state, c.issue_date, c.expiry_date, c.cancel_date
         FROM certificate_current cc JOIN certificates c ON c.id = cc.certificate_id
        WHERE cc.person_id = ? AND cc.cert_type = ?`,
    )
    .get(personId, certType) as CertRow | undefined;
}

/** The day the card's last recorded step happened: a new step may not be dated before it. */
function lastEventDate(db: Db, certificateId: number): string | null {
  return db.prepare(`SELECT max(event_date) FROM certificate_events WHERE certificate_id = ?`).pluck().get(certificateId) as string | null;
}

function applicationDate(db: Db, card: CertRow): string | null {
  return db.prepare(`SELECT min(event_date) FROM certificate_events WHERE certificate_id = ? AND event_type = '申领'`).pluck().get(card.id) as string | null;
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
  const sql = `SELECT count(*) FROM exams WHERE person_id = ? AND passed = 1 AND exam_date <= ?${after ? ` AND exam_date ${inclusive ? '>=' : '>'} ?` : ''}`;
  const params: (string | number)[] = [personId, stepDate];
  if (after) params.push(after);
  return (db.prepare(sql).pluck().get(...params) as number) > 0;
}

export function transitionFacts(db: Db, person: { id: number; staffing_type: StaffingType }, action: CertAction, current: CertRow | undefined, stepDate: string): TransitionFacts {
  return { staffingType: person.staffing_type, hasPassedExam: hasPassedExamFor(db, person.id, action, current, stepDate) };
}

function assertNumberFree(db: Db, certNumber: string, exceptCertificateId: number | null): void {
  const other = db
    .prepare(`SELECT p.name, c.cert_type FROM certificates c JOIN personnel p ON p.id = c.person_id WHERE c.cert_number = ? AND c.id IS NOT ?`)
    .get(certNumber, exceptCertificateId) as { name: string; cert_type: string } | undefined;
  if (other) {
    const message = `证件编号 ${certNumber} 已是“${other.name}”的${other.cert_type}编号，证件编号不能重复。`;
    throw new AppError('CONFLICT', message, [{ path: 'certNumber', message }]);
  }
}

function assertDateOrder(label: string, date: string, notBefore: string | null, notBeforeLabel: string, today: string): void {
  if (date > today) throw new AppError('RULE_VIOLATION', `${label} ${date} 晚于今天（${today}），请在业务办结后登记。`, [{ path: 'date', message: '晚于今天' }]);
  if (notBefore && date < notBefore) {
    throw new AppError('RULE_VIOLATION', `${label} ${date} 早于${notBeforeLabel} ${notBefore}，请核对日期。`, [{ path: 'date', message: `早于${notBeforeLabel}` }]);
  }
}

function expiryFor(issueDate: string, given: string | null, years: number): string {
  const expiry = given ?? validityEnd(issueDate, years);
  if (expiry <= issueDate) {
    throw new AppError('RULE_VIOLATION', `有效期至 ${expiry} 应晚于发证日期 ${issueDate}。`, [{ path: 'expiryDate', message: '应晚于发证日期' }]);
  }
  return expiry;
}

function addEvent(w: Writer, certificateId: number, type: string, date: string, reason: string | null, docRef: string | null, operator: string, details: Record<string, string> | null = null): void {
  w.insert('certificate_events', {
    certificate_id: certificateId,
    event_type: type,
    event_date: date,
    reason,
    doc_ref: docRef,
    operator,
    details: details ? JSON.stringify(details) : null,
  });
}

function describe(person: PersonFacts, certType: CertType, number: string | null): string {
  return `“${person.name}”的${certType}${number ? ` ${number}` : ''}`;
}

/** Runs one lifecycle step after checking it; returns the card the step leaves current. */
export function applyCertificateStep(db: Db, step: CertificateStep, ctx: LifecycleContext): { operationId: number | null; certificateId: number } {
  const person = personFacts(db, step.personId);
  const current = currentCard(db, person.id, step.certType);
  const check = checkTransition(current?.state ?? null, step.action, transitionFacts(db, person, step.action, current, step.date));
  if (!check.ok) throw new AppError('RULE_VIOLATION', check.message);

  const isOpen = current !== undefined && (OPEN_CERT_STATES as readonly string[]).includes(current.state);
  const lastDate = isOpen && current ? lastEventDate(db, current.id) : null;
  const { operator } = ctx;
  const meta = (summary: string) => ({ kind: 'lifecycle' as const, summary, operator });

  switch (step.action) {
    case '申领': {
      assertDateOrder('申领日期', step.date, null, '', ctx.today);
      const { operationId, value } = runOperation(db, meta(`申领：${describe(person, step.certType, null)}`), (w) => {
        const id = w.insert('certificates', { person_id: person.id, cert_type: step.certType, state: '待考试' });
        addEvent(w, id, '申领', step.date, step.reason ?? (current ? '重新申领' : '首次申领'), step.docRef, operator);
        return id;
      });
      return { operationId, certificateId: value };
    }
    case '考试合格': {
      const card = mustHave(current);
      assertDateOrder('考试合格日期', step.date, lastDate, '上一步业务日期', ctx.today);
      const { operationId } = runOperation(db, meta(`考试合格：${describe(person, step.certType, null)}`), (w) => {
        w.update('certificates', card.id, { state: '考试合格' });
        addEvent(w, card.id, '考试合格', step.date, step.reason ?? '考试合格', step.docRef, operator);
      });
      return { operationId, certificateId: card.id };
    }
    case '发证': {
      assertDateOrder('发证日期', step.date, lastDate, '上一步业务日期', ctx.today);
      assertNumberFree(db, step.certNumber, null);
      const expiry = expiryFor(step.date, step.expiryDate, ctx.certValidityYears);
      const values: RowImage = { state: '有效', cert_number: step.certNumber, issue_date: step.date, expiry_date: expiry };
      const { operationId, value } = runOperation(db, meta(`发证：${describe(person, step.certType, step.certNumber)}`), (w) => {
        const id = isOpen && current ? current.id : w.insert('certificates', { person_id: person.id, cert_type: step.certType, ...values });
        if (isOpen && current) w.update('certificates', id, values);
        addEvent(w, id, '发证', step.date, step.reason, step.docRef, operator, { validUntil: formatChineseDate(expiry) });
        return id;
      });
      return { operationId, certificateId: value };
    }
    case '换证':
    case '补发': {
      const old = mustHave(current);
      assertDateOrder(step.action === '换证' ? '换证日期' : '补发日期', step.date, lastEventDate(db, old.id), '上一步业务日期', ctx.today);
      assertNumberFree(db, step.certNumber, null);
      let expiry: string;
      if (step.action === '换证') expiry = expiryFor(step.date, step.expiryDate, ctx.certValidityYears);
      else {
        // A replacement card carries the lost card's validity; an expired card is renewed, not replaced.
        expiry = old.expiry_date ?? expiryFor(step.date, null, ctx.certValidityYears);
        if (expiry <= step.date) throw new AppError('RULE_VIOLATION', `原证件已于 ${expiry} 到期，不能补发，请办理换证。`);
      }
      const verb = step.action;
      const { operationId, value } = runOperation(db, meta(`${verb}：${describe(person, step.certType, old.cert_number)} → ${step.certNumber}`), (w) => {
        w.update('certificates', old.id, { state: '已换发' });
        addEvent(w, old.id, verb, step.date, verb === '换证' ? '已换发新证' : '遗失或损毁，已补发新证', step.docRef, operator, { replacedByNumber: step.certNumber });
        const id = w.insert('certificates', {
          person_id: person.id,
          cert_type: step.certType,
          cert_number: step.certNumber,
          state: '有效',
          issue_date: step.date,
          expiry_date: expiry,
          replaces_id: old.id,
        });
        addEvent(w, id, verb, step.date, step.reason ?? (verb === '换证' ? '有效期届满换证' : '补发'), step.docRef, operator, old.cert_number ? { replacesNumber: old.cert_number } : null);
        return id;
      });
      return { operationId, certificateId: value };
    }
    case '暂扣':
    case '解除暂扣':
    case '吊销': {
      const card = mustHave(current);
      assertDateOrder(`${step.action}日期`, step.date, lastEventDate(db, card.id), '上一步业务日期', ctx.today);
      const next = check.next;
      const { operationId } = runOperation(db, meta(`${step.action}：${describe(person, step.certType, card.cert_number)}`), (w) => {
        w.update('certificates', card.id, { state: next });
        addEvent(w, card.id, step.action, step.date, step.reason, step.docRef, operator);
      });
      return { operationId, certificateId: card.id };
    }
    case '注销': {
      const card = mustHave(current);
      assertDateOrder('注销日期', step.date, lastEventDate(db, card.id), '上一步业务日期', ctx.today);
      if (step.announceDate !== null && step.announceDate < step.date) {
        throw new AppError('RULE_VIOLATION', `公示日期 ${step.announceDate} 早于注销日期 ${step.date}，请核对。`, [{ path: 'announceDate', message: '早于注销日期' }]);
      }
      const { operationId } = runOperation(db, meta(`注销（${step.cancelReason}）：${describe(person, step.certType, card.cert_number)}`), (w) => {
        w.update('certificates', card.id, { state: '已注销', cancel_reason: step.cancelReason, cancel_date: step.date, announce_date: step.announceDate });
        addEvent(w, card.id, '注销', step.date, step.reason ? `${step.cancelReason}：${step.reason}` : step.cancelReason, step.docRef, operator);
      });
      return { operationId, certificateId: card.id };
    }
  }
}

function mustHave(card: CertRow | undefined): CertRow {
  // checkTransition refuses every step but 申领 and 发证 when there is no card; this is its guarantee.
  if (!card) throw new AppError('RULE_VIOLATION', '此人没有该类证件。');
  return card;
}

/** 撤回申领: removes an application that never led to a card (undo brings it back). */
export function withdrawApplication(db: Db, personId: number, certType: CertType, operator: string): { operationId: number | null } {
  const person = personFacts(db, personId);
  const current = currentCard(db, personId, certType);
  const check = checkWithdraw(current?.state ?? null);
  if (!check.ok) throw new AppError('RULE_VIOLATION', check.message);
  const card = mustHave(current);
  const { operationId } = runOperation(db, { kind: 'lifecycle', summary: `撤回申领：${describe(person, certType, null)}`, operator }, (w) => {
    w.delete('certificates', card.id);
  });
  return { operationId };
}

export interface CorrectionInput {
  certificateId: number;
  certNumber: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  reason: string;
}

/** 信息更正: fixes a typo in an issued card's number or dates, recorded as an event with the old values. */
export function correctCertificate(db: Db, input: CorrectionInput, today: string, operator: string): { operationId: number | null } {
  const card = db.prepare(`SELECT id, person_id, cert_type, cert_number, state, issue_date, expiry_date, cancel_date FROM certificates WHERE id = ?`).get(input.certificateId) as
    | CertRow
    | undefined;
  if (!card) throw new AppError('NOT_FOUND', '该证件记录不存在，可能已被删除');
  if (card.issue_date === null) throw new AppError('RULE_VIOLATION', '尚未发证的申领没有证件编号和日期可更正。');
  if (input.certNumber === null || input.issueDate === null || input.expiryDate === null) {
    throw new AppError('INVALID_INPUT', '已发放的证件必须有证件编号、发证日期和有效期至。');
  }
  if (input.expiryDate <= input.issueDate) throw new AppError('RULE_VIOLATION', `有效期至 ${input.expiryDate} 应晚于发证日期 ${input.issueDate}。`, [{ path: 'expiryDate', message: '应晚于发证日期' }]);
  assertNumberFree(db, input.certNumber, card.id);
  const person = personFacts(db, card.person_id);
  const changes: Record<string, string> = {};
  if (input.certNumber !== card.cert_number) changes['证件编号'] = `${card.cert_number ?? '—'} → ${input.certNumber}`;
  if (input.issueDate !== card.issue_date) changes['发证日期'] = `${card.issue_date ?? '—'} → ${input.issueDate}`;
  if (input.expiryDate !== card.expiry_date) changes['有效期至'] = `${card.expiry_date ?? '—'} → ${input.expiryDate}`;
  if (Object.keys(changes).length === 0) return { operationId: null };
  const { operationId } = runOperation(db, { kind: 'lifecycle', summary: `更正证件信息：${describe(person, card.cert_type, card.cert_number)}`, operator }, (w) => {
    w.update('certificates', card.id, { cert_number: input.certNumber, issue_date: input.issueDate, expiry_date: input.expiryDate });
    addEvent(w, card.id, '信息更正', today, input.reason, null, operator, changes);
  });
  return { operationId };
}

export interface ExamInput {
  personId: number;
  examType: ExamType;
  examDate: string;
  score: number | null;
  passed: boolean;
  notes: string | null;
}

/**
 * Records an exam. A pass moves the person's application waiting for it (待考试, made on or before
 * the exam day) to 考试合格 in the same operation; the role's card type is tried first.
 */
export function recordExam(db: Db, input: ExamInput, today: string, operator: string, roleCertType: CertType): { operationId: number | null; advancedCertType: CertType | null } {
  const person = personFacts(db, input.personId);
  if (input.examDate > today) throw new AppError('RULE_VIOLATION', `考试日期 ${input.examDate} 晚于今天，请在考试后登记成绩。`, [{ path: 'examDate', message: '晚于今天' }]);
  if (input.passed && input.score !== null && input.score < 60) {
    throw new AppError('RULE_VIOLATION', `成绩 ${input.score} 分低于60分，却标记为合格，请核对。`, [{ path: 'passed', message: '成绩与是否合格矛盾' }]);
  }
  const types: CertType[] = roleCertType === '行政执法证' ? ['行政执法证', '行政执法监督证'] : ['行政执法监督证', '行政执法证'];
  let waiting: CertRow | undefined;
  if (input.passed) {
    for (const type of types) {
      const card = currentCard(db, person.id, type);
      const applied = card?.state === '待考试' ? applicationDate(db, card) : null;
      if (card?.state === '待考试' && (applied === null || applied <= input.examDate)) {
        waiting = card;
        break;
      }
    }
  }
  const label = `${input.examType}考试${input.passed ? '合格' : '未通过'}`;
  const { operationId } = runOperation(db, { kind: 'lifecycle', summary: `登记考试成绩：“${person.name}”${label}`, operator }, (w) => {
    w.insert('exams', {
      person_id: person.id,
      exam_type: input.examType,
      exam_date: input.examDate,
      score: input.score,
      passed: input.passed ? 1 : 0,
      notes: input.notes,
    });
    if (waiting) {
      w.update('certificates', waiting.id, { state: '考试合格' });
      addEvent(w, waiting.id, '考试合格', input.examDate, `${input.examType}考试合格${input.score !== null ? `（${input.score}分）` : ''}`, null, operator);
    }
  });
  return { operationId, advancedCertType: waiting?.cert_type ?? null };
}

export function deleteExam(db: Db, examId: number, operator: string): { operationId: number | null } {
  const exam = db.prepare(`SELECT e.exam_date, e.exam_type, p.name FROM exams e JOIN personnel p ON p.id = e.person_id WHERE e.id = ?`).get(examId) as
    | { exam_date: string; exam_type: string; name: string }
    | undefined;
  if (!exam) throw new AppError('NOT_FOUND', '该考试记录不存在，可能已被删除');
  const { operationId } = runOperation(db, { kind: 'delete', summary: `删除考试记录：“${exam.name}” ${exam.exam_date} ${exam.exam_type}`, operator }, (w) => {
    w.delete('exams', examId);
  });
  return { operationId };
}

/** Records that cancellations were announced (注销公示): sets their announcement date. */
export function announceCancellations(db: Db, certificateIds: readonly number[], announceDate: string, docRef: string | null, today: string, operator: string): { operationId: number | null; count: number } {
  if (announceDate > today) throw new AppError('RULE_VIOLATION', `公示日期 ${announceDate} 晚于今天，请在公示后登记。`, [{ path: 'announceDate', message: '晚于今天' }]);
  const unique = [...new Set(certificateIds)];
  const cards = db
    .prepare(`SELECT c.id, c.state, c.cancel_date, c.announce_date, p.name FROM certificates c JOIN personnel p ON p.id = c.person_id WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(unique)) as { id: number; state: CertState; cancel_date: string | null; announce_date: string | null; name: string }[];
  if (cards.length !== unique.length) throw new AppError('NOT_FOUND', '部分证件记录已不存在，请重新生成注销公示名单。');
  const notCancelled = cards.find((c) => c.state !== '已注销');
  if (notCancelled) throw new AppError('RULE_VIOLATION', `“${notCancelled.name}”的证件不是已注销状态，不能登记注销公示。`);
  const early = cards.find((c) => c.cancel_date !== null && c.cancel_date > announceDate);
  if (early) throw new AppError('RULE_VIOLATION', `公示日期 ${announceDate} 早于“${early.name}”的注销日期 ${early.cancel_date ?? ''}，请核对。`);
  const { operationId, value } = runOperation(db, { kind: 'lifecycle', summary: `登记注销公示（${announceDate}，${cards.length} 人）`, operator }, (w) => {
    let changed = 0;
    for (const card of cards) {
      if (w.update('certificates', card.id, { announce_date: announceDate })) changed += 1;
      if (docRef) {
        const event = db.prepare(`SELECT id FROM certificate_events WHERE certificate_id = ? AND event_type = '注销' AND doc_ref IS NULL ORDER BY id DESC LIMIT 1`).pluck().get(card.id) as
          | number
          | undefined;
        if (event !== undefined) w.update('certificate_events', event, { doc_ref: docRef });
      }
    }
    return changed;
  });
  return { operationId, count: value };
}
