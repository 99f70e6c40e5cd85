import { rosterFilterSchema, type RosterRow } from '../../../shared/api/methods/personnel.ts';
import { type RosterColumn, type RosterDocument, type RosterRequest } from '../../../shared/api/methods/rosters.ts';
import { AppError } from '../../../shared/api/errors.ts';
import { certStatusThresholds, daysToExpiry } from '../../../shared/domain/certificate-status.ts';
import type { CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { addDays, formatChineseDate } from '../../../shared/domain/dates.ts';
import { maskIdNumber } from '../../../shared/domain/id-number.ts';
import { countyNameOf, type RegistrySettings } from '../../../shared/domain/settings.ts';
import type { Db } from '../db/open-database.ts';
import { rosterSqlParts, queryRosterIds, rosterRows, rosterRulesOf, type RosterRules } from '../personnel/roster-query.ts';
import { trainingSummary } from '../personnel/training-service.ts';
import { publicationNoticeDocument, renewalNoticeDocument, trainingNoticeDocument } from './notice-documents.ts';

/**
 * The printable rosters as data: title, columns, rows (already masked or not), sections and the
 * signature block. The print-preview page renders a document as HTML for A4 landscape, and the
 * xlsx export writes the same document, so the two never disagree.
 */

export interface RosterContext {
  today: string;
  settings: RegistrySettings;
}

const SIGNATURE = ['经办人', '审核人', '单位（盖章）', '日期'];

/** The spreadsheet's cell type of each column key (ID and card numbers text, counts numbers, dates dates). */
const CELL_OF: Readonly<Record<string, RosterColumn['cell']>> = {
  seq: 'integer',
  idNumber: 'text',
  certNumber: 'text',
  issueDate: 'date',
  expiryDate: 'date',
  cancelDate: 'date',
  courses: 'integer',
  hours: 'decimal',
  shortfall: 'decimal',
};

function col(key: string, header: string, weight: number, xlsxWidth: number, align: RosterColumn['align'] = 'left', nowrap = false): RosterColumn {
  return { key, header, weight, xlsxWidth, align, nowrap, cell: CELL_OF[key] ?? 'general' };
}

function unitOrder(db: Db): Map<number, number> {
  const ids = db.prepare(`SELECT id FROM units ORDER BY CASE kind WHEN '市直单位' THEN 0 ELSE 1 END, sort_order, id`).pluck().all() as number[];
  return new Map(ids.map((id, i) => [id, i]));
}

function unitNames(db: Db, unitIds: readonly number[]): string[] {
  if (unitIds.length === 0) return [];
  return db
    .prepare(`SELECT name FROM units WHERE id IN (SELECT value FROM json_each(?)) ORDER BY CASE kind WHEN '市直单位' THEN 0 ELSE 1 END, sort_order, id`)
    .pluck()
    .all(JSON.stringify(unitIds)) as string[];
}

type Rows = Record<string, string>[];

function numbered(rows: Rows): Rows {
  return rows.map((r, i) => ({ seq: String(i + 1), ...r }));
}

/**
 * Splits rows (already in unit order) into a section per unit, or keeps one section. A unit's
 * section repeats the selection (`selectionLine`: the date and what was selected) after its name.
 */
function sectionsOf(rows: { unitName: string; row: Record<string, string> }[], perUnit: boolean, signed: boolean, selectionLine?: string): RosterDocument['sections'] {
  if (!perUnit) return [{ heading: null, rows: numbered(rows.map((r) => r.row)), signed }];
  const groups = new Map<string, Rows>();
  for (const r of rows) {
    const list = groups.get(r.unitName) ?? [];
    list.push(r.row);
    groups.set(r.unitName, list);
  }
  return [...groups.entries()].map(([unit, list]) => {
    const heading = `单位：${unit}（${list.length} 人）`;
    return { heading, ...(selectionLine ? { subtitle: `${heading}　　${selectionLine}` } : {}), rows: numbered(list), signed };
  });
}

function renewalRemark(row: RosterRow, today: string): string {
  const notes: string[] = [];
  if (row.certType === '行政执法监督证') notes.push('行政执法监督证');
  if (row.certNumber === null) notes.push(row.status === '无证' ? '无证' : row.status);
  else if (row.status === '已过期' && row.expiryDate) notes.push(`已过期 ${-(daysToExpiry(row.expiryDate, today) ?? 0)} 天`);
  else if (row.status === '即将到期' && row.expiryDate) notes.push(`${daysToExpiry(row.expiryDate, today) ?? 0} 天后到期`);
  else if (row.status !== '有效') notes.push(row.status);
  return notes.join('；');
}

function renewalRoster(db: Db, request: Extract<RosterRequest, { kind: 'renewal' }>, ctx: RosterContext): RosterDocument {
  const { today, settings } = ctx;
  const rules: RosterRules = rosterRulesOf(today, settings);
  const filter = request.filter ?? rosterFilterSchema.parse({ expiringWithinDays: settings.expiryWarningDays });
  const ids = request.personIds ?? queryRosterIds(db, filter, { key: 'unit', order: 'asc' }, rules);
  if (ids.length > 20_000) throw new AppError('RULE_VIOLATION', `所选人员共 ${ids.length} 人，超过一次打印 20,000 人的上限，请按单位分批打印。`);
  const certType: CertType | null = request.personIds ? null : filter.certType;
  const order = unitOrder(db);
  const rows = rosterRows(db, ids, rules, { certType, fullIdNumbers: request.fullIdNumbers }).sort(
    (a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || (a.expiryDate ?? '9999').localeCompare(b.expiryDate ?? '9999') || a.id - b.id,
  );
  const selection: string[] = [];
  if (request.personIds) selection.push('名册中选定的人员');
  else {
    const units = unitNames(db, filter.unitIds);
    if (units.length > 0) selection.push(units.length <= 3 ? units.join('、') : `${units.length} 个单位`);
    if (filter.expiringWithinDays !== null) {
      selection.push(`证件有效期至 ${formatChineseDate(addDays(today, filter.expiringWithinDays))}前到期${filter.includeExpired ? '（含已过期）' : ''}`);
    }
    if (filter.statuses.length > 0) selection.push(`状态：${filter.statuses.join('、')}`);
  }
  return {
    kind: 'renewal',
    title: `${settings.bureauName}行政执法证件换证人员名册`,
    bureauName: settings.bureauName,
    date: today,
    subtitle: [`制表日期：${formatChineseDate(today)}`, ...selection, `共 ${rows.length} 人`].join('　　'),
    columns: [
      col('seq', '序号', 3.8, 6, 'center', true),
      col('unit', '单位', 16.5, 26),
      col('name', '姓名', 6, 10, 'center', true),
      col('sex', '性别', 3.8, 6, 'center', true),
      col('idNumber', '身份证号', 15, 21, 'center', true),
      col('certNumber', '原证号', 12.5, 16, 'center'),
      col('issueDate', '发证日期', 8.3, 12, 'center', true),
      col('expiryDate', '有效期至', 8.3, 12, 'center', true),
      col('category', '执法类别', 12, 16),
      col('remark', '备注', 13.8, 18),
    ],
    sections: sectionsOf(
      rows.map((r) => ({
        unitName: r.unitName,
        row: {
          unit: r.unitName,
          name: r.name,
          sex: r.sex,
          idNumber: r.idNumber,
          certNumber: r.certNumber ?? '',
          issueDate: r.issueDate ?? '',
          expiryDate: r.expiryDate ?? '',
          category: r.enforcementCategory ?? '',
          remark: renewalRemark(r, today),
        },
      })),
      request.pagePerUnit,
      true,
      [`制表日期：${formatChineseDate(today)}`, ...selection].join('　　'),
    ),
    // A page per unit goes to each unit on its own: its pages count from 1.
    ...(request.pagePerUnit ? { pageNumbering: 'section' as const } : {}),
    total: rows.length,
    signatureItems: SIGNATURE,
    issuer: null,
    fullIdNumbers: request.fullIdNumbers,
    certificateIds: rows.flatMap((r) => (r.certificateId === null ? [] : [r.certificateId])),
    footnote: `换证人员须在证件有效期届满前参加换证考试（提前 ${Math.round(settings.expiryWarningDays / 30)} 个月）。`,
  };
}

function cancellationRoster(db: Db, request: Extract<RosterRequest, { kind: 'cancellation' }>, ctx: RosterContext): RosterDocument {
  const { today, settings } = ctx;
  const rows = db
    .prepare(
      `SELECT c.id, u.name AS unit, p.name, p.sex, p.id_number, c.cert_type, c.cert_number, c.cancel_reason, c.cancel_date, c.announce_date
         FROM certificates c JOIN personnel p ON p.id = c.person_id JOIN units u ON u.id = p.unit_id
        WHERE c.state = '已注销'
          AND (@from IS NULL OR c.cancel_date >= @from) AND (@to IS NULL OR c.cancel_date <= @to)
          AND (@units IS NULL OR p.unit_id IN (SELECT value FROM json_each(@units)))
          AND (@onlyUnannounced = 0 OR c.announce_date IS NULL)
        ORDER BY CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END, u.sort_order, u.id, c.cancel_date, p.name_initials, c.id`,
    )
    .all({
      from: request.from,
      to: request.to,
      units: request.unitIds.length > 0 ? JSON.stringify(request.unitIds) : null,
      onlyUnannounced: request.onlyUnannounced ? 1 : 0,
    }) as {
    id: number;
    unit: string;
    name: string;
    sex: string;
    id_number: string;
    cert_type: string;
    cert_number: string | null;
    cancel_reason: string | null;
    cancel_date: string | null;
    announce_date: string | null;
  }[];
  const range =
    request.from && request.to
      ? `注销日期 ${formatChineseDate(request.from)}至${formatChineseDate(request.to)}`
      : request.from
        ? `${formatChineseDate(request.from)}以来注销`
        : request.to
          ? `${formatChineseDate(request.to)}前注销`
          : '';
  const units = unitNames(db, request.unitIds);
  return {
    kind: 'cancellation',
    title: `${countyNameOf(settings)}行政执法证件注销公示名单`,
    bureauName: settings.bureauName,
    date: today,
    // A public notice: the clerk's selection (“not yet announced”) is not printed, only what the public needs.
    subtitle: [range, units.length > 0 ? (units.length <= 3 ? units.join('、') : `${units.length} 个单位`) : '', `共 ${rows.length} 人`].filter(Boolean).join('　　'),
    columns: [
      col('seq', '序号', 3.8, 6, 'center', true),
      col('unit', '单位', 16.5, 26),
      col('name', '姓名', 6, 10, 'center', true),
      col('sex', '性别', 3.8, 6, 'center', true),
      col('idNumber', '身份证号', 15, 21, 'center', true),
      col('certType', '证件类型', 10.5, 14, 'center', true),
      col('certNumber', '证件编号', 12.5, 16, 'center'),
      col('reason', '注销原因', 9.5, 14, 'center'),
      col('cancelDate', '注销日期', 8.3, 12, 'center', true),
      col('remark', '备注', 14.1, 18),
    ],
    sections: sectionsOf(
      rows.map((r) => ({
        unitName: r.unit,
        row: {
          unit: r.unit,
          name: r.name,
          sex: r.sex,
          idNumber: request.fullIdNumbers ? r.id_number : maskIdNumber(r.id_number),
          certType: r.cert_type,
          certNumber: r.cert_number ?? '',
          reason: r.cancel_reason ?? '',
          cancelDate: r.cancel_date ?? '',
          remark: r.announce_date ? `已于 ${r.announce_date} 公示` : '',
        },
      })),
      false,
      false,
    ),
    total: rows.length,
    signatureItems: [],
    issuer: settings.bureauName,
    fullIdNumbers: request.fullIdNumbers,
    certificateIds: rows.map((r) => r.id),
    footnote: '上述人员的行政执法证件已依法注销，自注销之日起不得再从事行政执法活动。特此公示。',
  };
}

function publicList(db: Db, request: Extract<RosterRequest, { kind: 'public-list' }>, ctx: RosterContext): RosterDocument {
  const { today, settings } = ctx;
  const parts = rosterSqlParts(request.certType);
  const thresholds = certStatusThresholds({ today, warningDays: settings.expiryWarningDays });
  const rows = db
    .prepare(
      `SELECT u.name AS unit, p.name, p.post, cc.cert_number, p.enforcement_scope, p.enforcement_category
         ${parts.from}
        WHERE ${parts.status} IN ('有效', '即将到期')
          AND (@units IS NULL OR p.unit_id IN (SELECT value FROM json_each(@units)))
        ORDER BY CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END, u.sort_order, u.id, p.name_initials, p.id`,
    )
    .all({
      certType: request.certType,
      expiredBefore: thresholds.expiredBefore,
      expiringUntil: thresholds.expiringUntil,
      trainingYear: Number(today.slice(0, 4)),
      units: request.unitIds.length > 0 ? JSON.stringify(request.unitIds) : null,
    }) as { unit: string; name: string; post: string | null; cert_number: string | null; enforcement_scope: string | null; enforcement_category: string | null }[];
  const units = unitNames(db, request.unitIds);
  const who = request.certType === '行政执法监督证' ? '行政执法监督人员' : '行政执法人员';
  return {
    kind: 'public-list',
    title: units.length === 1 ? `${units[0] ?? ''}${who}公示名单` : `${countyNameOf(settings)}${who}公示名单`,
    bureauName: settings.bureauName,
    date: today,
    subtitle: [`持有效${request.certType}人员`, units.length > 1 ? (units.length <= 3 ? units.join('、') : `${units.length} 个单位`) : '', `截至 ${formatChineseDate(today)}`, `共 ${rows.length} 人`]
      .filter(Boolean)
      .join('　　'),
    columns: [
      col('seq', '序号', 4, 6, 'center', true),
      col('name', '姓名', 6, 10, 'center', true),
      col('unit', '所属机构', 18.5, 28),
      col('post', '职务', 12, 16),
      col('certNumber', '执法证件号码', 12.5, 18, 'center'),
      col('scope', '执法范围', 47, 48),
    ],
    sections: sectionsOf(
      rows.map((r) => ({
        unitName: r.unit,
        row: { name: r.name, unit: r.unit, post: r.post ?? '', certNumber: r.cert_number ?? '', scope: r.enforcement_scope ?? r.enforcement_category ?? '' },
      })),
      false,
      false,
    ),
    total: rows.length,
    signatureItems: [],
    issuer: units.length === 1 ? (units[0] ?? settings.bureauName) : settings.bureauName,
    fullIdNumbers: false,
    certificateIds: [],
    footnote: '以上人员持有效行政执法证件，可在规定的执法范围内从事行政执法活动。欢迎社会监督。',
  };
}

function trainingShortRoster(db: Db, request: Extract<RosterRequest, { kind: 'training-short' }>, ctx: RosterContext): RosterDocument {
  const { today, settings } = ctx;
  const year = request.year ?? Number(today.slice(0, 4));
  const summary = trainingSummary(db, {
    year,
    unitIds: request.unitIds,
    onlyShort: true,
    today,
    warningDays: settings.expiryWarningDays,
    requiredHours: settings.annualTrainingHours,
  });
  const asOf = year === Number(today.slice(0, 4)) ? `统计截至 ${formatChineseDate(today)}` : `${year} 年全年`;
  return {
    kind: 'training-short',
    title: `${settings.bureauName}行政执法人员培训学时不足名单（${year}年度）`,
    bureauName: settings.bureauName,
    date: today,
    subtitle: [`年度要求 ${settings.annualTrainingHours} 学时`, asOf, `共 ${summary.people.length} 人`].join('　　'),
    columns: [
      col('seq', '序号', 6, 6, 'center', true),
      col('unit', '单位', 26, 28),
      col('name', '姓名', 10, 10, 'center', true),
      col('post', '职务', 16, 16),
      col('courses', '培训次数', 9, 10, 'center', true),
      col('hours', '已完成学时', 10, 12, 'center', true),
      col('shortfall', '尚差学时', 10, 12, 'center', true),
      col('remark', '备注', 13, 16),
    ],
    sections: sectionsOf(
      summary.people.map((p) => ({
        unitName: p.unitName,
        row: {
          unit: p.unitName,
          name: p.name,
          post: p.post ?? '',
          courses: String(p.courses),
          hours: String(p.hours),
          shortfall: String(p.shortfall),
          remark: p.status === '有效' ? '' : p.status,
        },
      })),
      false,
      true,
    ),
    total: summary.people.length,
    signatureItems: SIGNATURE,
    issuer: null,
    fullIdNumbers: false,
    certificateIds: [],
    footnote: null,
  };
}

export function buildRosterDocument(db: Db, request: RosterRequest, ctx: RosterContext): RosterDocument {
  switch (request.kind) {
    case 'renewal':
      return renewalRoster(db, request, ctx);
    case 'cancellation':
      return cancellationRoster(db, request, ctx);
    case 'public-list':
      return publicList(db, request, ctx);
    case 'training-short':
      return trainingShortRoster(db, request, ctx);
    case 'renewal-notice':
      return renewalNoticeDocument(renewalRoster(db, { kind: 'renewal', personIds: request.personIds, filter: request.filter, pagePerUnit: false, fullIdNumbers: request.fullIdNumbers }, ctx), ctx);
    case 'training-notice': {
      const year = request.year ?? Number(ctx.today.slice(0, 4));
      return trainingNoticeDocument(trainingShortRoster(db, { kind: 'training-short', year, unitIds: request.unitIds }, ctx), year, ctx);
    }
    case 'publication-notice':
      return publicationNoticeDocument(db, request, ctx);
  }
}
