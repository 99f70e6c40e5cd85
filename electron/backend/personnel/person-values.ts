import type { PersonValues } from '../../../shared/api/methods/personnel.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { checkStaffingChange, mayHoldCertificate } from '../../../shared/domain/certificate-rules.ts';
import { OPEN_CERT_STATES, type CertState, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { checkIdNumber, maskIdNumber, normalizeIdNumber } from '../../../shared/domain/id-number.ts';
import type { PersonnelKind, Sex, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { Db } from '../db/open-database.ts';
import { cachedStatement } from '../db/tracked-writes.ts';

/**
 * Checks a person's values against the registry's rules and turns them into a personnel row. The
 * schema (UNIQUE id_number, CHECKs) would refuse most of this too, but with a message that names
 * no person; these checks say who and why.
 */

/** The cleaned, checked ID number; throws INVALID_INPUT naming the field. */
export function checkedIdNumber(raw: string, today: string): { idNumber: string; birthDate: string } {
  const idNumber = normalizeIdNumber(raw);
  const check = checkIdNumber(idNumber, today);
  if (!check.ok) throw new AppError('INVALID_INPUT', `身份证号不正确：${check.message}`, [{ path: 'idNumber', message: check.message }]);
  return { idNumber, birthDate: check.birthDate };
}

export function assertIdNumberFree(db: Db, idNumber: string, exceptPersonId: number | null): void {
  // The unit's name is read only for the message: this runs for every person an import adds.
  const other = cachedStatement(db, `SELECT name, unit_id FROM personnel WHERE id_number = ? AND id IS NOT ?`).get(idNumber, exceptPersonId) as { name: string; unit_id: number } | undefined;
  if (other) {
    const message = `身份证号 ${maskIdNumber(idNumber)} 已登记为“${other.name}”（${unitName(db, other.unit_id)}）。同一身份证号只能对应一名人员，如是同一人请修改原记录或办理调动。`;
    throw new AppError('CONFLICT', message, [{ path: 'idNumber', message }]);
  }
}

export function unitName(db: Db, unitId: number): string {
  const name = (cachedStatement(db, `SELECT name FROM units WHERE id = ?`).get(unitId) as { name: string } | undefined)?.name;
  if (name === undefined) throw new AppError('NOT_FOUND', '所选单位不存在，可能已被删除，请重新选择', [{ path: 'unitId', message: '单位不存在' }]);
  return name;
}

/**
 * 聘用辅助人员 and 工勤 may not hold a card: refuse the change while the person has an open one
 * (checkStaffingChange, the rule the importer's preview applies too).
 */
export function assertStaffingAllowsOpenCards(db: Db, personId: number, staffingType: StaffingType): void {
  if (mayHoldCertificate(staffingType)) return;
  const open = db
    .prepare(`SELECT cert_type AS certType, state FROM certificates WHERE person_id = ? AND state IN (${OPEN_CERT_STATES.map(() => '?').join(', ')}) ORDER BY id LIMIT 1`)
    .all(personId, ...OPEN_CERT_STATES) as { certType: CertType; state: CertState }[];
  const check = checkStaffingChange(staffingType, open);
  if (!check.ok) throw new AppError('RULE_VIOLATION', check.message, [{ path: 'staffingType', message: check.message }]);
}

/** A personnel row as stored, without its id and the name initials (derived from the name when written). */
export interface PersonRow {
  unit_id: number;
  personnel_kind: PersonnelKind;
  name: string;
  sex: Sex;
  id_number: string;
  birth_date: string | null;
  post: string | null;
  staffing_type: StaffingType;
  enforcement_category: string | null;
  enforcement_scope: string | null;
  is_legal_reviewer: 0 | 1;
  phone: string | null;
  notes: string | null;
}

/** The row for a person's values from the person editor (the ID number already cleaned and checked). */
export function personRow(values: PersonValues, idNumber: string, birthDate: string): PersonRow {
  return {
    unit_id: values.unitId,
    personnel_kind: values.personnelKind,
    name: values.name,
    sex: values.sex,
    id_number: idNumber,
    birth_date: birthDate,
    post: values.post,
    staffing_type: values.staffingType,
    enforcement_category: values.enforcementCategory,
    enforcement_scope: values.enforcementScope,
    is_legal_reviewer: values.isLegalReviewer ? 1 : 0,
    phone: values.phone,
    notes: values.notes,
  };
}
