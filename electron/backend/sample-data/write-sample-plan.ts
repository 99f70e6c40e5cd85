import type { Db } from '../db/open-database.ts';
import type { SamplePlan } from './sample-plan.ts';
import { fillNamePinyin } from '../personnel/name-pinyin.ts';
import type { UnitKey } from './units-catalog.ts';

/**
 * Writes a sample plan with plain prepared statements. The caller runs this inside one
 * transaction. The tracked Writer is not used on purpose: it logs every row to change_log (tens of
 * thousands of lines for one click), and sample data is a single operation that cannot be undone.
 */

export interface WrittenCounts {
  units: number;
  personnel: number;
  inspectionItems: number;
  listItems: number;
}

export function writeSamplePlan(db: Db, plan: SamplePlan, operator: string): WrittenCounts {
  const insertUnit = db.prepare(
    `INSERT INTO units (name, short_name, kind, keeps_inspection_lists, sort_order, staffing_quota, contact_person, contact_phone, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insertAlias = db.prepare(`INSERT INTO unit_aliases (alias, unit_id) VALUES (?, ?)`);
  const insertPerson = db.prepare(
    `INSERT INTO personnel (unit_id, personnel_kind, name, name_initials, sex, id_number, birth_date, post, staffing_type,
                            enforcement_category, enforcement_scope, is_legal_reviewer, phone, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCard = db.prepare(
    `INSERT INTO certificates (person_id, cert_type, cert_number, state, issue_date, expiry_date, cancel_reason, cancel_date, announce_date, replaces_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO certificate_events (certificate_id, event_type, event_date, reason, doc_ref, operator, details, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertExam = db.prepare(`INSERT INTO exams (person_id, exam_type, exam_date, score, passed, notes, created_at) VALUES (?, '通用法律知识', ?, ?, ?, NULL, ?)`);
  const insertTraining = db.prepare(`INSERT INTO training_records (person_id, training_date, course, hours, organiser, notes, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)`);
  const insertTransfer = db.prepare(`INSERT INTO transfers (person_id, from_unit_id, to_unit_id, transfer_date, doc_ref, notes, created_at) VALUES (?, ?, ?, ?, ?, '工作调动', ?)`);
  const insertItem = db.prepare(
    `INSERT INTO inspection_items (unit_id, item_code, name, category, basis, subject, undertaking_body, target, content, method, frequency, notes, sort_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const insertListItem = db.prepare(
    `INSERT INTO penalty_list_items (unit_id, list_kind, matter, violation, violation_basis, penalty_basis, conditions, discretion, notes, sort_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const insertPublication = db.prepare(
    `INSERT INTO list_publications (unit_id, doc_number, title, publish_date, valid_from, valid_to, revoked, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );

  const unitIds = new Map<UnitKey, number>();
  const idOf = (key: UnitKey): number => {
    const id = unitIds.get(key);
    if (id === undefined) throw new Error(`unit ${key} not written`);
    return id;
  };

  for (const u of plan.units) {
    const id = Number(insertUnit.run(u.name, u.shortName, u.kind, u.keepsLists ? 1 : 0, u.sortOrder, u.staffingQuota, u.contactPerson, u.contactPhone, u.stamp, u.stamp).lastInsertRowid);
    unitIds.set(u.key, id);
    for (const alias of u.aliases) insertAlias.run(alias, id);
  }

  for (const p of plan.people) {
    const personId = Number(
      insertPerson.run(
        idOf(p.unitKey),
        p.personnelKind,
        p.name,
        p.initials,
        p.sex,
        p.idNumber,
        p.birthDate,
        p.post,
        p.staffingType,
        p.enforcementCategory,
        p.enforcementScope,
        p.isLegalReviewer ? 1 : 0,
        p.phone,
        p.notes,
        p.createdAt,
        p.updatedAt,
      ).lastInsertRowid,
    );
    // Cards are planned oldest first, so a renewal's predecessor already has its id.
    const cardIds: number[] = [];
    for (const row of p.cards) {
      const c = row.card;
      const replacesId = c.replaces === null ? null : (cardIds[c.replaces] ?? null);
      const cardId = Number(
        insertCard.run(personId, row.certType, row.number, c.state, c.issueDate, c.expiryDate, c.cancelReason, c.cancelDate, c.announceDate, replacesId, row.createdAt, row.updatedAt).lastInsertRowid,
      );
      cardIds.push(cardId);
      for (const e of row.events) insertEvent.run(cardId, e.type, e.date, e.reason, e.docRef, operator, e.details, e.createdAt);
    }
    for (const e of p.exams) insertExam.run(personId, e.date, e.score, e.passed ? 1 : 0, e.createdAt);
    for (const t of p.trainings) insertTraining.run(personId, t.date, t.course, t.hours, t.organiser, t.createdAt);
    if (p.transfer) insertTransfer.run(personId, idOf(p.transfer.fromKey), idOf(p.unitKey), p.transfer.date, p.transfer.docRef, p.transfer.createdAt);
  }

  let inspectionItems = 0;
  let listItems = 0;
  for (const a of plan.agencies) {
    const unitId = idOf(a.key);
    for (const i of a.items) {
      insertItem.run(unitId, i.itemCode, i.name, i.category, i.basis, i.subject, i.undertakingBody, i.target, i.content, i.method, i.frequency, i.sortOrder, a.stamp, a.stamp);
      inspectionItems += 1;
    }
    for (const l of a.lists) {
      insertListItem.run(unitId, l.listKind, l.matter, l.violation, l.violationBasis, l.penaltyBasis, l.conditions, l.discretion, l.sortOrder, a.stamp, a.stamp);
      listItems += 1;
    }
    a.publications.forEach((pub, i) => {
      const stamp = a.publicationStamps[i] ?? a.stamp;
      insertPublication.run(unitId, pub.docNumber, pub.title, pub.publishDate, pub.validFrom, pub.validTo, pub.notes, stamp, stamp);
    });
  }
  // The bulk insert above bypasses person-writes.ts, so the names' full pinyin is added here.
  fillNamePinyin(db);

  return { units: plan.units.length, personnel: plan.people.length, inspectionItems, listItems };
}
