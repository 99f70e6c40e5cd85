import type { PersonValues } from '../../../shared/api/methods/personnel.ts';
import { AppError } from '../../../shared/api/errors.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation } from '../db/tracked-writes.ts';
import { checkedIdNumber, personRow, unitName } from './person-values.ts';
import { insertPersonRow, transferPersonRow, updatePersonRow } from './person-writes.ts';

/**
 * Adding, editing, removing and transferring people. Every change is one tracked operation; the
 * writes and their rule checks are the ones the importer uses too (person-writes.ts).
 */

interface PersonCore {
  id: number;
  name: string;
  unit_id: number;
  id_number: string;
}

export function personCore(db: Db, id: number): PersonCore {
  const person = db.prepare(`SELECT id, name, unit_id, id_number FROM personnel WHERE id = ?`).get(id) as PersonCore | undefined;
  if (!person) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');
  return person;
}

export function createPerson(db: Db, values: PersonValues, today: string, operator: string): { id: number; operationId: number | null } {
  const unit = unitName(db, values.unitId);
  const { idNumber, birthDate } = checkedIdNumber(values.idNumber, today);
  const { operationId, value } = runOperation(db, { kind: 'create', summary: `新增人员“${values.name}”（${unit}）`, operator }, (w) => insertPersonRow(w, personRow(values, idNumber, birthDate)));
  return { id: value, operationId };
}

export function updatePerson(db: Db, id: number, input: Omit<PersonValues, 'idNumber'> & { idNumber: string | null }, today: string, operator: string): { operationId: number | null } {
  const before = personCore(db, id);
  const values: PersonValues = { ...input, idNumber: input.idNumber ?? before.id_number };
  // An unchanged number is kept as recorded (an imported number with a warning must not block other edits).
  const { idNumber, birthDate } =
    input.idNumber === null || input.idNumber === before.id_number
      ? { idNumber: before.id_number, birthDate: db.prepare(`SELECT birth_date FROM personnel WHERE id = ?`).pluck().get(id) as string }
      : checkedIdNumber(values.idNumber, today);
  const { operationId } = runOperation(db, { kind: 'update', summary: `修改人员“${values.name}”的信息`, operator }, (w) => {
    updatePersonRow(w, id, personRow(values, idNumber, birthDate));
  });
  return { operationId };
}

/**
 * Only a record entered by mistake is deleted: once a card was issued, the person's history is part
 * of the register (cancel the card instead when they leave).
 */
export function deletePerson(db: Db, id: number, operator: string): { operationId: number | null } {
  const person = personCore(db, id);
  const issued = db.prepare(`SELECT count(*) FROM certificates WHERE person_id = ? AND issue_date IS NOT NULL`).pluck().get(id) as number;
  if (issued > 0) {
    throw new AppError('RULE_VIOLATION', `“${person.name}”有 ${issued} 条发证记录，不能删除。如已离开执法岗位，请办理证件注销，人员记录和证件历史会保留。`);
  }
  const { operationId } = runOperation(db, { kind: 'delete', summary: `删除人员“${person.name}”`, operator }, (w) => {
    w.delete('personnel', id);
  });
  return { operationId };
}

export interface TransferInput {
  id: number;
  toUnitId: number;
  date: string;
  docRef: string | null;
  notes: string | null;
  post: string | null;
  enforcementCategory: string | null;
  enforcementScope: string | null;
}

/** 调入调出: the person keeps one record; the transfer row keeps where they came from. */
export function transferPerson(db: Db, input: TransferInput, today: string, operator: string): { operationId: number | null } {
  const person = personCore(db, input.id);
  const from = unitName(db, person.unit_id);
  const to = unitName(db, input.toUnitId);
  const { operationId } = runOperation(db, { kind: 'update', summary: `调动“${person.name}”：${from} → ${to}`, operator }, (w) => {
    transferPersonRow(w, person.id, input, today);
  });
  return { operationId };
}

/** Posts and categories already in use, most common first, to fill the edit form's suggestions. */
export function personnelVocabulary(db: Db): { posts: string[]; categories: { category: string; scope: string | null }[] } {
  const posts = db.prepare(`SELECT post FROM personnel WHERE post IS NOT NULL GROUP BY post ORDER BY count(*) DESC, post LIMIT 80`).pluck().all() as string[];
  const categories = db
    .prepare(
      `SELECT enforcement_category AS category,
              (SELECT p2.enforcement_scope FROM personnel p2 WHERE p2.enforcement_category = p.enforcement_category AND p2.enforcement_scope IS NOT NULL
                GROUP BY p2.enforcement_scope ORDER BY count(*) DESC LIMIT 1) AS scope
         FROM personnel p WHERE enforcement_category IS NOT NULL GROUP BY enforcement_category ORDER BY count(*) DESC LIMIT 80`,
    )
    .all() as { category: string; scope: string | null }[];
  return { posts, categories };
}
