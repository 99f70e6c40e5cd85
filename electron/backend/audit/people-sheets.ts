import { rosterFilterSchema } from '../../../shared/api/methods/personnel.ts';
import { certStatusThresholds, daysToExpiry, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import { addDays, formatChineseDate } from '../../../shared/domain/dates.ts';
import { maskIdNumber } from '../../../shared/domain/id-number.ts';
import { trainingYearRange } from '../../../shared/domain/training-hours.ts';
import type { Db } from '../db/open-database.ts';
import type { TableRow, TableSheetSpec } from '../export/xlsx-writer.ts';
import { rosterSqlParts, rosterWhere } from '../personnel/roster-query.ts';
import { codeColumn, countColumn, dateColumn, decimalColumn, labelColumn, seqColumn, textColumn } from './audit-columns.ts';
import { ID_NOTE_FULL, ID_NOTE_MASKED, sheetTitle, signatureLines, type AuditContext } from './audit-context.ts';

/**
 * The sheets with a row per person or card: 人员明细 (everyone, streamed from the snapshot),
 * 换证名册 (the renewal window of 设置, as the roster's filter) and 注销公示 (the year's cancellations
 * and any not yet announced). ID numbers masked unless the export asked for full numbers.
 */

const UNIT_ORDER = `CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END, u.sort_order, u.id`;

function strings(db: Db, sql: string): string[] {
  return (db.prepare(sql).pluck().all() as (string | null)[]).filter((v): v is string => v !== null);
}

function idOf(ctx: AuditContext, idNumber: string): string {
  return ctx.fullIdNumbers ? idNumber : maskIdNumber(idNumber);
}

function idNote(ctx: AuditContext): string {
  return ctx.fullIdNumbers ? ID_NOTE_FULL : ID_NOTE_MASKED;
}

interface PersonRow {
  unit: string;
  name: string;
  sex: string;
  id_number: string;
  personnel_kind: string;
  staffing_type: string;
  post: string | null;
  cert_type: string;
  cert_number: string | null;
  issue_date: string | null;
  expiry_date: string | null;
  status: CertStatus;
  hours: number;
  is_legal_reviewer: number;
}

export function countPeople(db: Db): number {
  return db.prepare(`SELECT count(*) FROM personnel`).pluck().get() as number;
}

export function peopleSheet(ctx: AuditContext): TableSheetSpec {
  const db = ctx.db;
  const parts = rosterSqlParts(null);
  const total = countPeople(db);
  const rows = function* (): Iterable<TableRow> {
    const people = db
      .prepare(
        `SELECT coalesce(u.short_name, u.name) AS unit, p.name, p.sex, p.id_number, p.personnel_kind, p.staffing_type, p.post,
                ${parts.certTypeExpr} AS cert_type, cc.cert_number, cc.issue_date, cc.expiry_date, ${parts.status} AS status,
                ${parts.training} AS hours, p.is_legal_reviewer
           ${parts.from}
          ORDER BY ${UNIT_ORDER}, p.id`,
      )
      .iterate({ ...certStatusThresholds({ today: ctx.today, warningDays: ctx.settings.expiryWarningDays }), trainingYear: ctx.year }) as IterableIterator<PersonRow>;
    let seq = 0;
    for (const p of people) {
      seq += 1;
      yield {
        values: {
          seq,
          unit: p.unit,
          name: p.name,
          sex: p.sex,
          idNumber: idOf(ctx, p.id_number),
          kind: p.personnel_kind,
          staffing: p.staffing_type,
          post: p.post,
          certType: p.cert_number ? p.cert_type : null,
          certNumber: p.cert_number,
          issueDate: p.issue_date,
          expiryDate: p.expiry_date,
          status: p.status,
          hours: p.hours,
          reviewer: p.is_legal_reviewer === 1 ? '是' : '',
        },
      };
    }
  };
  const maxHours = db.prepare(`SELECT coalesce(max(hours), 0) FROM training_year_hours WHERE year = ?`).pluck().get(ctx.year) as number;
  return {
    name: '人员明细',
    title: sheetTitle(ctx, '行政执法人员明细表'),
    subtitles: [`共 ${total} 人，按单位排列；证件为各人应持的证件（执法人员：行政执法证；监督人员：行政执法监督证）；学时为 ${ctx.year} 年度。${idNote(ctx)}`],
    columns: [
      seqColumn(total),
      textColumn('unit', '单位', strings(db, `SELECT DISTINCT coalesce(short_name, name) FROM units`), 10, 20),
      labelColumn('name', '姓名', strings(db, `SELECT name FROM personnel ORDER BY length(name) DESC LIMIT 1`), 8, 14),
      labelColumn('sex', '性别', ['男'], 5, 5),
      codeColumn('idNumber', '身份证号', ['430981********1234'], 20, 22),
      labelColumn('kind', '人员类别', ['执法人员', '监督人员']),
      labelColumn('staffing', '编制类型', strings(db, `SELECT DISTINCT staffing_type FROM personnel`)),
      textColumn('post', '职务', strings(db, `SELECT post FROM personnel WHERE post IS NOT NULL ORDER BY length(post) DESC LIMIT 1`), 8, 14),
      labelColumn('certType', '证件类型', ['行政执法监督证']),
      codeColumn('certNumber', '证件编号', strings(db, `SELECT cert_number FROM certificates WHERE cert_number IS NOT NULL ORDER BY length(cert_number) DESC LIMIT 1`), 10, 22),
      dateColumn('issueDate', '发证日期'),
      dateColumn('expiryDate', '有效期至'),
      labelColumn('status', '证件状态', ['即将到期']),
      decimalColumn('hours', `${ctx.year}年学时`, maxHours),
      labelColumn('reviewer', '法制审核', ['是'], 6, 8),
    ],
    rows: rows(),
    footerLines: signatureLines(),
  };
}

interface RenewalRow {
  unit: string;
  name: string;
  sex: string;
  id_number: string;
  cert_type: string;
  cert_number: string | null;
  issue_date: string | null;
  expiry_date: string;
  status: CertStatus;
  category: string | null;
}

/** Everyone whose card in force expires within the warning window of 设置, or has expired: the roster's own filter. */
export function renewalSheet(ctx: AuditContext): TableSheetSpec {
  const db = ctx.db;
  const s = ctx.settings;
  const rules = { today: ctx.today, warningDays: s.expiryWarningDays, trainingRequiredHours: s.annualTrainingHours, searchSynonyms: s.searchSynonyms };
  const filter = rosterFilterSchema.parse({ expiringWithinDays: s.expiryWarningDays, includeExpired: true });
  const { where, params } = rosterWhere(filter, rules);
  const parts = rosterSqlParts(null);
  const list = db
    .prepare(
      `SELECT u.name AS unit, p.name, p.sex, p.id_number, ${parts.certTypeExpr} AS cert_type, cc.cert_number, cc.issue_date, cc.expiry_date,
              ${parts.status} AS status, p.enforcement_category AS category
         ${parts.from} WHERE ${where.join(' AND ')}
        ORDER BY ${UNIT_ORDER}, cc.expiry_date, p.id`,
    )
    .all(params) as RenewalRow[];
  const rows = list.map((r, i): TableRow => ({
    values: {
      seq: i + 1,
      unit: r.unit,
      name: r.name,
      sex: r.sex,
      idNumber: idOf(ctx, r.id_number),
      certType: r.cert_type,
      certNumber: r.cert_number,
      issueDate: r.issue_date,
      expiryDate: r.expiry_date,
      days: daysToExpiry(r.expiry_date, ctx.today),
      status: r.status,
      category: r.category,
    },
    ...(r.status === '已过期' ? { marks: { status: { level: 'alert' as const } } } : {}),
  }));
  return {
    name: '换证名册',
    title: sheetTitle(ctx, '行政执法证件换证人员名册'),
    subtitles: [
      `证件有效期至 ${formatChineseDate(addDays(ctx.today, s.expiryWarningDays))}前到期（${s.expiryWarningDays} 天内，含已过期未换证的），共 ${rows.length} 人；剩余天数为负数的已过期。${idNote(ctx)}`,
    ],
    columns: [
      seqColumn(rows.length),
      textColumn(
        'unit',
        '单位',
        list.map((r) => r.unit),
        12,
        32,
      ),
      labelColumn(
        'name',
        '姓名',
        list.map((r) => r.name),
        8,
        14,
      ),
      labelColumn('sex', '性别', ['男'], 5, 5),
      codeColumn('idNumber', '身份证号', ['430981********1234'], 20, 22),
      labelColumn(
        'certType',
        '证件类型',
        list.map((r) => r.cert_type),
      ),
      codeColumn(
        'certNumber',
        '证件编号',
        list.map((r) => r.cert_number ?? ''),
      ),
      dateColumn('issueDate', '发证日期'),
      dateColumn('expiryDate', '有效期至'),
      countColumn('days', '剩余天数', 9999),
      labelColumn('status', '证件状态', ['即将到期']),
      textColumn(
        'category',
        '执法类别',
        list.map((r) => r.category ?? ''),
        8,
        24,
      ),
    ],
    rows,
    footerLines: signatureLines([`换证人员须在证件有效期届满前参加换证考试。`]),
  };
}

interface CancelledRow {
  unit: string;
  name: string;
  sex: string;
  id_number: string;
  cert_type: string;
  cert_number: string | null;
  cancel_reason: string | null;
  cancel_date: string | null;
  announce_date: string | null;
}

/** The year's cancellations, and earlier ones not yet announced (they belong on the next announcement). */
export function cancellationSheet(ctx: AuditContext): TableSheetSpec {
  const range = trainingYearRange(ctx.year);
  const list = ctx.db
    .prepare(
      `SELECT u.name AS unit, p.name, p.sex, p.id_number, c.cert_type, c.cert_number, c.cancel_reason, c.cancel_date, c.announce_date
         FROM certificates c JOIN personnel p ON p.id = c.person_id JOIN units u ON u.id = p.unit_id
        WHERE c.state = '已注销' AND (c.cancel_date BETWEEN @from AND @to OR c.announce_date IS NULL)
        ORDER BY ${UNIT_ORDER}, c.cancel_date, c.id`,
    )
    .all(range) as CancelledRow[];
  const unannounced = list.filter((r) => r.announce_date === null).length;
  const rows = list.map((r, i): TableRow => ({
    values: {
      seq: i + 1,
      unit: r.unit,
      name: r.name,
      sex: r.sex,
      idNumber: idOf(ctx, r.id_number),
      certType: r.cert_type,
      certNumber: r.cert_number,
      reason: r.cancel_reason,
      cancelDate: r.cancel_date,
      announceDate: r.announce_date,
      remark: r.announce_date === null ? '尚未公示' : '',
    },
    ...(r.announce_date === null ? { marks: { remark: { level: 'alert' as const } } } : {}),
  }));
  return {
    name: '注销公示',
    title: sheetTitle(ctx, '行政执法证件注销及公示情况表'),
    subtitles: [`${ctx.year} 年注销的证件，以及此前注销尚未公示的证件，共 ${rows.length} 张，其中尚未公示 ${unannounced} 张。${idNote(ctx)}`],
    columns: [
      seqColumn(rows.length),
      textColumn(
        'unit',
        '单位',
        list.map((r) => r.unit),
        12,
        32,
      ),
      labelColumn(
        'name',
        '姓名',
        list.map((r) => r.name),
        8,
        14,
      ),
      labelColumn('sex', '性别', ['男'], 5, 5),
      codeColumn('idNumber', '身份证号', ['430981********1234'], 20, 22),
      labelColumn(
        'certType',
        '证件类型',
        list.map((r) => r.cert_type),
      ),
      codeColumn(
        'certNumber',
        '证件编号',
        list.map((r) => r.cert_number ?? ''),
      ),
      labelColumn(
        'reason',
        '注销原因',
        list.map((r) => r.cancel_reason ?? ''),
        8,
        14,
      ),
      dateColumn('cancelDate', '注销日期'),
      dateColumn('announceDate', '公示日期'),
      labelColumn('remark', '备注', ['尚未公示'], 8, 10),
    ],
    rows,
    footerLines: signatureLines(),
  };
}
