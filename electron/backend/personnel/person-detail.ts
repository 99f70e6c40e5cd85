import type { CertificateRecord, CertificateSlot, PersonDetail } from '../../../shared/api/methods/personnel.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { CERT_ACTIONS, certTypeFor, checkTransition, checkWithdraw } from '../../../shared/domain/certificate-rules.ts';
import { deriveCertStatus } from '../../../shared/domain/certificate-status.ts';
import { CERT_TYPES, type CancelReason, type CertEventType, type CertState, type CertType, type ExamType } from '../../../shared/domain/certificate-vocabulary.ts';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import type { Db } from '../db/open-database.ts';
import { currentCard, transitionFacts } from './certificate-service.ts';
import { rosterRows, rosterRulesOf } from './roster-query.ts';

/** Everything the person page shows: fields, cards with their event timeline, exams, training, transfers. */

interface CardDbRow {
  id: number;
  cert_type: CertType;
  cert_number: string | null;
  state: CertState;
  issue_date: string | null;
  expiry_date: string | null;
  cancel_reason: CancelReason | null;
  cancel_date: string | null;
  announce_date: string | null;
  replaces_id: number | null;
}

interface EventDbRow {
  id: number;
  certificate_id: number;
  event_type: CertEventType;
  event_date: string;
  reason: string | null;
  doc_ref: string | null;
  operator: string;
  details: string | null;
}

export function getPersonDetail(db: Db, id: number, today: string, settings: RegistrySettings): PersonDetail {
  const rules = rosterRulesOf(today, settings);
  const [row] = rosterRows(db, [id], rules, { certType: null, fullIdNumbers: false });
  if (!row) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');
  const extra = db.prepare(`SELECT phone, notes, created_at, updated_at, staffing_type FROM personnel WHERE id = ?`).get(id) as {
    phone: string | null;
    notes: string | null;
    created_at: string;
    updated_at: string;
  };

  const cards = db
    .prepare(
      `SELECT id, cert_type, cert_number, state, issue_date, expiry_date, cancel_reason, cancel_date, announce_date, replaces_id FROM certificates WHERE person_id = ? ORDER BY coalesce(issue_date, substr(created_at, 1, 10)) DESC, id DESC`,
    )
    .all(id) as CardDbRow[];
  const events = db
    .prepare(
      `SELECT e.id, e.certificate_id, e.event_type, e.event_date, e.reason, e.doc_ref, e.operator, e.details
         FROM certificate_events e JOIN certificates c ON c.id = e.certificate_id
        WHERE c.person_id = ? ORDER BY e.event_date, e.id`,
    )
    .all(id) as EventDbRow[];
  const statusOptions = { today, warningDays: settings.expiryWarningDays };
  const records: CertificateRecord[] = cards.map((c) => ({
    id: c.id,
    certType: c.cert_type,
    certNumber: c.cert_number,
    state: c.state,
    status: deriveCertStatus({ state: c.state, expiryDate: c.expiry_date }, statusOptions),
    issueDate: c.issue_date,
    expiryDate: c.expiry_date,
    cancelReason: c.cancel_reason,
    cancelDate: c.cancel_date,
    announceDate: c.announce_date,
    replacesId: c.replaces_id,
    events: events
      .filter((e) => e.certificate_id === c.id)
      .map((e) => ({ id: e.id, eventType: e.event_type, eventDate: e.event_date, reason: e.reason, docRef: e.doc_ref, operator: e.operator, details: e.details })),
  }));

  const roleType = certTypeFor(row.personnelKind);
  const person = { id, staffing_type: row.staffingType };
  // The role's card always has a slot (so 申领 is offered); the other type only when the person has one.
  const slotTypes = CERT_TYPES.filter((t) => t === roleType || records.some((r) => r.certType === t));
  const certificates: CertificateSlot[] = slotTypes.map((certType) => {
    const current = currentCard(db, id, certType);
    const currentRecord = current ? (records.find((r) => r.id === current.id) ?? null) : null;
    const actions = Object.fromEntries(
      CERT_ACTIONS.map((action) => {
        const check = checkTransition(current?.state ?? null, action, transitionFacts(db, person, action, current, today));
        return [action, { ok: check.ok, message: check.ok ? null : check.message }];
      }),
    ) as CertificateSlot['actions'];
    return {
      certType,
      current: currentRecord,
      status: deriveCertStatus(current ? { state: current.state, expiryDate: current.expiry_date } : null, statusOptions),
      cards: records.filter((r) => r.certType === certType),
      actions,
      canWithdraw: checkWithdraw(current?.state ?? null).ok,
    };
  });

  const exams = (
    db.prepare(`SELECT id, exam_type, exam_date, score, passed, notes FROM exams WHERE person_id = ? ORDER BY exam_date DESC, id DESC`).all(id) as {
      id: number;
      exam_type: ExamType;
      exam_date: string;
      score: number | null;
      passed: number;
      notes: string | null;
    }[]
  ).map((e) => ({ id: e.id, examType: e.exam_type, examDate: e.exam_date, score: e.score, passed: e.passed === 1, notes: e.notes }));

  const training = (
    db.prepare(`SELECT id, person_id, training_date, course, hours, organiser, notes FROM training_records WHERE person_id = ? ORDER BY training_date DESC, id DESC`).all(id) as {
      id: number;
      person_id: number;
      training_date: string;
      course: string;
      hours: number;
      organiser: string | null;
      notes: string | null;
    }[]
  ).map((t) => ({ id: t.id, personId: t.person_id, trainingDate: t.training_date, course: t.course, hours: t.hours, organiser: t.organiser, notes: t.notes }));
  const trainingByYear = db.prepare(`SELECT year, hours FROM training_year_hours WHERE person_id = ? ORDER BY year DESC`).all(id) as { year: number; hours: number }[];

  const transfers = (
    db
      .prepare(
        `SELECT t.id, t.from_unit_id, f.name AS from_name, t.to_unit_id, u.name AS to_name, t.transfer_date, t.doc_ref, t.notes
           FROM transfers t JOIN units f ON f.id = t.from_unit_id JOIN units u ON u.id = t.to_unit_id
          WHERE t.person_id = ? ORDER BY t.transfer_date DESC, t.id DESC`,
      )
      .all(id) as { id: number; from_unit_id: number; from_name: string; to_unit_id: number; to_name: string; transfer_date: string; doc_ref: string | null; notes: string | null }[]
  ).map((t) => ({
    id: t.id,
    fromUnitId: t.from_unit_id,
    fromUnitName: t.from_name,
    toUnitId: t.to_unit_id,
    toUnitName: t.to_name,
    transferDate: t.transfer_date,
    docRef: t.doc_ref,
    notes: t.notes,
  }));

  return {
    today,
    person: { ...row, phone: extra.phone, notes: extra.notes, createdAt: extra.created_at, updatedAt: extra.updated_at },
    certificates,
    exams,
    training,
    trainingByYear,
    trainingRequiredHours: settings.annualTrainingHours,
    transfers,
    certValidityYears: settings.certValidityYears,
  };
}
