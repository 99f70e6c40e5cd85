import type { CertificateStep } from '../../../shared/api/methods/certificates.ts';
import { normaliseDocRef } from '../../../shared/domain/document-number.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { checkWithdraw } from '../../../shared/domain/certificate-rules.ts';
import type { CertState, CertType, ExamType } from '../../../shared/domain/certificate-vocabulary.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation, type Writer } from '../db/tracked-writes.ts';
import {
  addEvent,
  applicationDate,
  applyForCard,
  cancelCard,
  certificateRow,
  changeCardState,
  correctCard,
  currentCard,
  issueCard,
  personFacts,
  recordExamPassed,
  renewCard,
  type CertRow,
  type Correction,
  type PersonFacts,
  type StepContext,
} from './certificate-writes.ts';

export { currentCard, hasPassedExamFor, transitionFacts, type CertRow } from './certificate-writes.ts';

/**
 * The certificate lifecycle as explicit, recorded steps on the person page. Each step is one
 * operation (kind 'lifecycle'): the write function of certificate-writes.ts — the same one the
 * importer runs — checks it (checkTransition in shared/domain/certificate-rules.ts, the dates, the
 * number) and writes the certificate row and a certificate_events row, so it shows in the person's
 * change log and can be undone. Refusals come back as RULE_VIOLATION (CONFLICT for a number in use)
 * with the rule's message.
 */

export interface LifecycleContext {
  today: string;
  operator: string;
  certValidityYears: number;
}

function describe(person: PersonFacts, certType: CertType, number: string | null): string {
  return `“${person.name}”的${certType}${number ? ` ${number}` : ''}`;
}

/** What the operation log calls the step: 发证：“张伟”的行政执法证 T-0001. */
function stepSummary(step: CertificateStep, person: PersonFacts, current: CertRow | undefined): string {
  switch (step.action) {
    case '申领':
    case '考试合格':
      return `${step.action}：${describe(person, step.certType, null)}`;
    case '发证':
      return `发证：${describe(person, step.certType, step.certNumber)}`;
    case '换证':
    case '补发':
      return `${step.action}：${describe(person, step.certType, current?.cert_number ?? null)} → ${step.certNumber}`;
    case '暂扣':
    case '解除暂扣':
    case '吊销':
      return `${step.action}：${describe(person, step.certType, current?.cert_number ?? null)}`;
    case '注销':
      return `注销（${step.cancelReason}）：${describe(person, step.certType, current?.cert_number ?? null)}`;
  }
}

/** One step through its write function; returns the card the step leaves current. */
function writeStep(w: Writer, step: CertificateStep, ctx: StepContext): number {
  switch (step.action) {
    case '申领':
      return applyForCard(w, step, ctx);
    case '考试合格':
      return recordExamPassed(w, step, ctx);
    case '发证':
      return issueCard(w, step, 'exam', ctx);
    case '换证':
      return renewCard(w, step, 'exam', ctx);
    case '补发':
      return renewCard(w, { ...step, expiryDate: null }, 'exam', ctx);
    case '暂扣':
    case '解除暂扣':
    case '吊销':
      return changeCardState(w, step, ctx);
    case '注销':
      return cancelCard(w, step, ctx);
  }
}

/** Runs one lifecycle step after checking it; returns the card the step leaves current. */
export function applyCertificateStep(db: Db, step: CertificateStep, ctx: LifecycleContext): { operationId: number | null; certificateId: number } {
  const person = personFacts(db, step.personId);
  const summary = stepSummary(step, person, currentCard(db, person.id, step.certType));
  const { operationId, value } = runOperation(db, { kind: 'lifecycle', summary, operator: ctx.operator }, (w) => writeStep(w, step, ctx));
  return { operationId, certificateId: value };
}

/** 撤回申领: removes an application that never led to a card (undo brings it back). */
export function withdrawApplication(db: Db, personId: number, certType: CertType, operator: string): { operationId: number | null } {
  const person = personFacts(db, personId);
  const current = currentCard(db, personId, certType);
  const check = checkWithdraw(current?.state ?? null);
  if (!check.ok || !current) throw new AppError('RULE_VIOLATION', check.ok ? '此人没有该类证件。' : check.message);
  const { operationId } = runOperation(db, { kind: 'lifecycle', summary: `撤回申领：${describe(person, certType, null)}`, operator }, (w) => {
    w.delete('certificates', current.id);
  });
  return { operationId };
}

export type CorrectionInput = Correction;

/** 信息更正: fixes a typo in an issued card's number or dates, recorded as an event with the old values. */
export function correctCertificate(db: Db, input: CorrectionInput, today: string, operator: string): { operationId: number | null } {
  const card = certificateRow(db, input.certificateId);
  const person = personFacts(db, card.person_id);
  const { operationId } = runOperation(db, { kind: 'lifecycle', summary: `更正证件信息：${describe(person, card.cert_type, card.cert_number)}`, operator }, (w) => {
    correctCard(w, input, { today, operator });
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
export function recordExam(
  db: Db,
  input: ExamInput,
  rules: { today: string; operator: string; passMark: number },
  roleCertType: CertType,
): { operationId: number | null; advancedCertType: CertType | null } {
  const { today, operator, passMark } = rules;
  const person = personFacts(db, input.personId);
  if (input.examDate > today) throw new AppError('RULE_VIOLATION', `考试日期 ${input.examDate} 晚于今天，请在考试后登记成绩。`, [{ path: 'examDate', message: '晚于今天' }]);
  if (input.passed && input.score !== null && input.score < passMark) {
    throw new AppError('RULE_VIOLATION', `成绩 ${input.score} 分低于合格分数线 ${passMark} 分，却标记为合格，请核对（合格分数线在 设置 › 业务规则）。`, [
      { path: 'passed', message: '成绩与是否合格矛盾' },
    ]);
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
      addEvent(w, { operator }, waiting.id, '考试合格', input.examDate, `${input.examType}考试合格${input.score !== null ? `（${input.score}分）` : ''}`, null);
    }
  });
  return { operationId, advancedCertType: waiting?.cert_type ?? null };
}

export function deleteExam(db: Db, examId: number, operator: string): { operationId: number | null } {
  const exam = db.prepare(`SELECT e.exam_date, e.exam_type, p.name FROM exams e JOIN personnel p ON p.id = e.person_id WHERE e.id = ?`).get(examId) as
    { exam_date: string; exam_type: string; name: string } | undefined;
  if (!exam) throw new AppError('NOT_FOUND', '该考试记录不存在，可能已被删除');
  const { operationId } = runOperation(db, { kind: 'delete', summary: `删除考试记录：“${exam.name}” ${exam.exam_date} ${exam.exam_type}`, operator }, (w) => {
    w.delete('exams', examId);
  });
  return { operationId };
}

/** Records that cancellations were announced (注销公示): sets their announcement date. */
export function announceCancellations(
  db: Db,
  certificateIds: readonly number[],
  announceDate: string,
  docRef: string | null,
  today: string,
  operator: string,
): { operationId: number | null; count: number } {
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
          number | undefined;
        if (event !== undefined) w.update('certificate_events', event, { doc_ref: normaliseDocRef(docRef) });
      }
    }
    return changed;
  });
  return { operationId, count: value };
}
