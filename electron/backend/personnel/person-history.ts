import type { PersonHistoryEntry } from '../../../shared/api/methods/personnel.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { maskIdNumber } from '../../../shared/domain/id-number.ts';
import type { Db } from '../db/open-database.ts';
import type { RowImage, SqlValue } from '../db/tracked-writes.ts';

/**
 * A person's change log: every operation that touched their record, cards, card events, exams,
 * training or transfers, newest first, with field-by-field changes. Read from change_log, so it
 * is exactly what undo would revert.
 */

const FIELD_LABELS: Record<string, Record<string, string>> = {
  personnel: {
    unit_id: '单位',
    personnel_kind: '人员类别',
    name: '姓名',
    sex: '性别',
    id_number: '身份证号',
    birth_date: '出生日期',
    post: '职务',
    staffing_type: '编制类型',
    enforcement_category: '执法类别',
    enforcement_scope: '执法范围',
    is_legal_reviewer: '法制审核人员',
    phone: '联系电话',
    notes: '备注',
  },
  certificates: {
    cert_number: '证件编号',
    state: '状态',
    issue_date: '发证日期',
    expiry_date: '有效期至',
    cancel_reason: '注销原因',
    cancel_date: '注销日期',
    announce_date: '公示日期',
  },
  certificate_events: { event_date: '日期', reason: '事由', doc_ref: '文号' },
  exams: { exam_type: '考试类型', exam_date: '考试日期', score: '成绩', passed: '是否合格' },
  training_records: { training_date: '培训日期', course: '培训内容', hours: '学时', organiser: '组织单位' },
  transfers: { transfer_date: '调动日期', doc_ref: '文号', notes: '备注' },
};

const CHILD_TABLES = ['certificates', 'exams', 'training_records', 'transfers'] as const;

interface LogRow {
  id: number;
  operation_id: number;
  table_name: string;
  row_id: number;
  action: 'insert' | 'update' | 'delete';
  before_json: string | null;
  after_json: string | null;
  at: string;
  operator: string;
  kind: string;
  summary: string;
  undone_by: number | null;
}

function text(value: SqlValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return String(value);
}

function rowLabel(table: string, image: RowImage, unitNames: Map<number, string>): string {
  switch (table) {
    case 'personnel':
      return '人员信息';
    case 'certificates':
      return `${String(image['cert_type'] ?? '证件')}${image['cert_number'] ? ` ${String(image['cert_number'])}` : '（申领）'}`;
    case 'certificate_events':
      return `证件业务：${String(image['event_type'] ?? '')} ${String(image['event_date'] ?? '')}`;
    case 'exams':
      return `考试：${String(image['exam_date'] ?? '')} ${String(image['exam_type'] ?? '')}`;
    case 'training_records':
      return `培训：${String(image['training_date'] ?? '')} ${String(image['course'] ?? '')}（${String(image['hours'] ?? '')} 学时）`;
    case 'transfers':
      return `调动：${unitNames.get(Number(image['from_unit_id'])) ?? '?'} → ${unitNames.get(Number(image['to_unit_id'])) ?? '?'}`;
    default:
      return table;
  }
}

function displayValue(table: string, field: string, value: SqlValue | undefined, unitNames: Map<number, string>): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'unit_id') return unitNames.get(Number(value)) ?? String(value);
  if (field === 'id_number') return maskIdNumber(String(value));
  if (field === 'is_legal_reviewer' || field === 'passed') return Number(value) === 1 ? '是' : '否';
  void table;
  return text(value);
}

export function personHistory(db: Db, personId: number): PersonHistoryEntry[] {
  const exists = db.prepare(`SELECT 1 FROM personnel WHERE id = ?`).get(personId);
  const deleted = db.prepare(`SELECT 1 FROM change_log WHERE table_name = 'personnel' AND row_id = ? LIMIT 1`).get(personId);
  if (!exists && !deleted) throw new AppError('NOT_FOUND', '该人员不存在，可能已被删除');

  // The rows that belong (or belonged) to this person: current ones, plus deleted ones found by
  // the person_id in their last image (deletes are rare, so that scan stays small).
  const keys = new Set<string>([`personnel:${personId}`]);
  const certIds = new Set<number>();
  for (const table of CHILD_TABLES) {
    for (const id of db.prepare(`SELECT id FROM ${table} WHERE person_id = ?`).pluck().all(personId) as number[]) {
      keys.add(`${table}:${id}`);
      if (table === 'certificates') certIds.add(id);
    }
  }
  const deletedRows = db
    .prepare(
      `SELECT table_name, row_id FROM change_log
        WHERE action = 'delete' AND table_name IN ('certificates', 'exams', 'training_records', 'transfers')
          AND json_extract(before_json, '$.person_id') = ?`,
    )
    .all(personId) as { table_name: string; row_id: number }[];
  for (const r of deletedRows) {
    keys.add(`${r.table_name}:${r.row_id}`);
    if (r.table_name === 'certificates') certIds.add(r.row_id);
  }
  const eventIds = db
    .prepare(`SELECT id FROM certificate_events WHERE certificate_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify([...certIds])) as number[];
  for (const id of eventIds) keys.add(`certificate_events:${id}`);
  const deletedEvents = db
    .prepare(
      `SELECT row_id FROM change_log WHERE action = 'delete' AND table_name = 'certificate_events'
          AND json_extract(before_json, '$.certificate_id') IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify([...certIds])) as number[];
  for (const id of deletedEvents) keys.add(`certificate_events:${id}`);

  const pairs = [...keys].map((k) => {
    const [table, id] = k.split(':');
    return [table, Number(id)];
  });
  const rows = db
    .prepare(
      `SELECT l.id, l.operation_id, l.table_name, l.row_id, l.action, l.before_json, l.after_json, o.at, o.operator, o.kind, o.summary, o.undone_by
         FROM json_each(?) k
         JOIN change_log l ON l.table_name = json_extract(k.value, '$[0]') AND l.row_id = json_extract(k.value, '$[1]')
         JOIN operations o ON o.id = l.operation_id
        ORDER BY l.operation_id DESC, l.id`,
    )
    .all(JSON.stringify(pairs)) as LogRow[];

  const unitNames = new Map((db.prepare(`SELECT id, name FROM units`).all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
  const entries = new Map<number, PersonHistoryEntry>();
  for (const r of rows) {
    let entry = entries.get(r.operation_id);
    if (!entry) {
      entry = { operationId: r.operation_id, at: r.at, operator: r.operator, kind: r.kind, summary: r.summary, undoneBy: r.undone_by, changes: [] };
      entries.set(r.operation_id, entry);
    }
    const before = r.before_json ? (JSON.parse(r.before_json) as RowImage) : null;
    const after = r.after_json ? (JSON.parse(r.after_json) as RowImage) : null;
    const labels = FIELD_LABELS[r.table_name] ?? {};
    const fields =
      r.action === 'update' && before && after
        ? Object.keys(labels)
            .filter((f) => before[f] !== after[f])
            .map((f) => ({ field: labels[f] ?? f, before: displayValue(r.table_name, f, before[f], unitNames), after: displayValue(r.table_name, f, after[f], unitNames) }))
        : [];
    if (r.action === 'update' && fields.length === 0) continue;
    entry.changes.push({ table: r.table_name, label: rowLabel(r.table_name, after ?? before ?? {}, unitNames), action: r.action, fields });
  }
  return [...entries.values()].filter((e) => e.changes.length > 0);
}
