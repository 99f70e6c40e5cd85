import { AppError } from '../../../shared/api/errors.ts';
import { normaliseDocRef } from '../../../shared/domain/document-number.ts';
import { nameInitials } from './name-initials.ts';
import type { RowImage, Writer } from '../db/tracked-writes.ts';
import { rememberNamePinyin } from './name-pinyin.ts';
import { assertIdNumberFree, assertStaffingAllowsOpenCards, unitName, type PersonRow } from './person-values.ts';

/**
 * Writing people, inside a caller's operation (the Writer of runOperation). The person editor runs
 * one of these per operation (person-service.ts); the importer runs them for every row of a file
 * inside the import's one operation (import/commit-import.ts). Both get the same checks, made
 * against the registry as it is inside the transaction, with the same messages: an ID number
 * belongs to one person, a unit changes only by a transfer, a card holder keeps a staffing type
 * that may hold the card; and the pinyin initials (and full pinyin,
 * name-pinyin.ts) always follow the name.
 */

/** Adds a person; returns the new id. The ID number must already be cleaned and checked (checkedIdNumber). */
export function insertPersonRow(w: Writer, row: PersonRow): number {
  unitName(w.db, row.unit_id);
  assertIdNumberFree(w.db, row.id_number, null);
  rememberNamePinyin(w.db, row.name);
  return w.insert('personnel', { ...row, name_initials: nameInitials(row.name) });
}

/**
 * Changes some of a person's fields. A staffing type in the patch is checked against the person's
 * open cards (assertStaffingAllowsOpenCards); a different unit is refused (transferPersonRow keeps
 * the transfer on record). Returns false when nothing changed.
 */
export function updatePersonRow(w: Writer, personId: number, patch: Partial<PersonRow>): boolean {
  const before = w.get('personnel', personId);
  if (!before) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');
  if (patch.id_number !== undefined && patch.id_number !== before['id_number']) assertIdNumberFree(w.db, patch.id_number, personId);
  if (patch.unit_id !== undefined && patch.unit_id !== before['unit_id']) {
    unitName(w.db, patch.unit_id);
    throw new AppError('RULE_VIOLATION', '更换单位请使用“调动”，以便保留调入调出记录。', [{ path: 'unitId', message: '请使用“调动”更换单位' }]);
  }
  if (patch.staffing_type !== undefined) assertStaffingAllowsOpenCards(w.db, personId, patch.staffing_type);
  const row: RowImage = { ...patch };
  if (patch.name !== undefined) {
    row['name_initials'] = nameInitials(patch.name);
    rememberNamePinyin(w.db, patch.name);
  }
  return w.update('personnel', personId, row);
}

export interface TransferRow {
  toUnitId: number;
  date: string;
  docRef: string | null;
  notes: string | null;
  /** Post, category and scope may change with the move; null keeps them. */
  post: string | null;
  enforcementCategory: string | null;
  enforcementScope: string | null;
}

/** 调入调出: the person keeps one record, moved to the new unit; the transfer row keeps where they came from. */
export function transferPersonRow(w: Writer, personId: number, input: TransferRow, today: string): void {
  const person = w.get('personnel', personId);
  if (!person) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');
  const to = unitName(w.db, input.toUnitId);
  if (input.toUnitId === person['unit_id']) throw new AppError('RULE_VIOLATION', `“${String(person['name'])}”已在${to}，请选择调入的新单位。`, [{ path: 'toUnitId', message: '与原单位相同' }]);
  if (input.date > today) throw new AppError('RULE_VIOLATION', `调动日期 ${input.date} 晚于今天，请在调动生效后登记。`, [{ path: 'date', message: '晚于今天' }]);
  w.insert('transfers', {
    person_id: personId,
    from_unit_id: person['unit_id'] ?? null,
    to_unit_id: input.toUnitId,
    transfer_date: input.date,
    doc_ref: normaliseDocRef(input.docRef),
    notes: input.notes,
  });
  const patch: RowImage = { unit_id: input.toUnitId };
  if (input.post !== null) patch['post'] = input.post;
  if (input.enforcementCategory !== null) patch['enforcement_category'] = input.enforcementCategory;
  if (input.enforcementScope !== null) patch['enforcement_scope'] = input.enforcementScope;
  w.update('personnel', personId, patch);
}
