import { AppError } from '../../../shared/api/errors.ts';
import type { CertStatus } from '../../../shared/domain/certificate-status.ts';
import { certStatusThresholds } from '../../../shared/domain/certificate-status.ts';
import { isTrainingRequired, isTrainingShort, trainingShortfall } from '../../../shared/domain/training-hours.ts';
import type { StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { Db } from '../db/open-database.ts';
import { runOperation } from '../db/tracked-writes.ts';
import { rosterSqlParts } from './roster-query.ts';

/** Training records and the yearly 60-hour requirement. */

export interface TrainingValues {
  trainingDate: string;
  course: string;
  hours: number;
  organiser: string | null;
  notes: string | null;
}

function assertNotFuture(date: string, today: string): void {
  if (date > today) throw new AppError('RULE_VIOLATION', `培训日期 ${date} 晚于今天，请在培训结束后登记。`, [{ path: 'trainingDate', message: '晚于今天' }]);
}

function columns(v: TrainingValues) {
  return { training_date: v.trainingDate, course: v.course, hours: v.hours, organiser: v.organiser, notes: v.notes };
}

/** One course attended by one or many people (a bureau training session): one operation. */
export function addTraining(db: Db, personIds: readonly number[], values: TrainingValues, today: string, operator: string): { operationId: number | null; count: number } {
  assertNotFuture(values.trainingDate, today);
  const unique = [...new Set(personIds)];
  const names = db.prepare(`SELECT id, name FROM personnel WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(unique)) as { id: number; name: string }[];
  if (names.length !== unique.length) throw new AppError('NOT_FOUND', `所选人员中有 ${unique.length - names.length} 人已不存在，请刷新后重新选择。`);
  const who = names.length === 1 ? `“${names[0]?.name ?? ''}”` : `${names.length} 人`;
  const { operationId } = runOperation(db, { kind: 'create', summary: `登记培训：${who} ${values.trainingDate} ${values.course}（${values.hours} 学时）`, operator }, (w) => {
    for (const p of names) w.insert('training_records', { person_id: p.id, ...columns(values) });
  });
  return { operationId, count: names.length };
}

function trainingOwner(db: Db, id: number): { name: string } {
  const row = db.prepare(`SELECT p.name FROM training_records t JOIN personnel p ON p.id = t.person_id WHERE t.id = ?`).get(id) as { name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该培训记录不存在，可能已被删除');
  return row;
}

export function updateTraining(db: Db, id: number, values: TrainingValues, today: string, operator: string): { operationId: number | null } {
  const { name } = trainingOwner(db, id);
  assertNotFuture(values.trainingDate, today);
  const { operationId } = runOperation(db, { kind: 'update', summary: `修改培训记录：“${name}” ${values.trainingDate} ${values.course}`, operator }, (w) => {
    w.update('training_records', id, columns(values));
  });
  return { operationId };
}

export function deleteTraining(db: Db, id: number, operator: string): { operationId: number | null } {
  const { name } = trainingOwner(db, id);
  const { operationId } = runOperation(db, { kind: 'delete', summary: `删除培训记录：“${name}”`, operator }, (w) => {
    w.delete('training_records', id);
  });
  return { operationId };
}

export interface TrainingSummaryOptions {
  year: number;
  unitIds: readonly number[];
  onlyShort: boolean;
  today: string;
  warningDays: number;
  requiredHours: number;
}

interface SummaryDbRow {
  person_id: number;
  unit_id: number;
  unit_name: string;
  name: string;
  post: string | null;
  staffing_type: StaffingType;
  status: CertStatus;
  hours: number;
  courses: number;
}

/**
 * Hours per person in a year for everyone the requirement applies to (isTrainingRequired), and per
 * unit how many fall short. Status is taken as of today: someone who left mid-year is not chased.
 */
export function trainingSummary(db: Db, options: TrainingSummaryOptions) {
  const parts = rosterSqlParts(null);
  const thresholds = certStatusThresholds({ today: options.today, warningDays: options.warningDays });
  const rows = db
    .prepare(
      `SELECT p.id AS person_id, p.unit_id, u.name AS unit_name, p.name, p.post, p.staffing_type, ${parts.status} AS status,
              ifnull(th.hours, 0) AS hours,
              (SELECT count(*) FROM training_records t WHERE t.person_id = p.id AND t.training_date BETWEEN @yearFrom AND @yearTo) AS courses
         ${parts.from}
        WHERE (@units IS NULL OR p.unit_id IN (SELECT value FROM json_each(@units)))
        ORDER BY CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END, u.sort_order, u.id, p.id`,
    )
    .all({
      expiredBefore: thresholds.expiredBefore,
      expiringUntil: thresholds.expiringUntil,
      trainingYear: options.year,
      yearFrom: `${options.year}-01-01`,
      yearTo: `${options.year}-12-31`,
      units: options.unitIds.length > 0 ? JSON.stringify(options.unitIds) : null,
    }) as SummaryDbRow[];
  const required = rows.filter((r) => isTrainingRequired({ staffingType: r.staffing_type, status: r.status }));
  const people = required
    .map((r) => ({
      personId: r.person_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      name: r.name,
      post: r.post,
      status: r.status,
      hours: Math.round(r.hours * 10) / 10,
      shortfall: trainingShortfall(r.hours, options.requiredHours),
      courses: r.courses,
    }))
    .filter((p) => !options.onlyShort || isTrainingShort(p.hours, options.requiredHours));
  const byUnit = new Map<number, { unitId: number; unitName: string; required: number; short: number; total: number }>();
  for (const r of required) {
    const u = byUnit.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, required: 0, short: 0, total: 0 };
    u.required += 1;
    u.total += r.hours;
    if (isTrainingShort(r.hours, options.requiredHours)) u.short += 1;
    byUnit.set(r.unit_id, u);
  }
  const units = [...byUnit.values()].map((u) => ({ unitId: u.unitId, unitName: u.unitName, required: u.required, short: u.short, averageHours: Math.round((u.total / u.required) * 10) / 10 }));
  return { year: options.year, requiredHours: options.requiredHours, people, units };
}
