import { OPERATION_KIND_LABELS } from '../../../shared/api/methods/history.ts';
import { IMPORT_KIND_LABELS } from '../../../shared/import/import-kinds.ts';
import { ROSTER_SORT_KEYS, type RosterSortKey } from '../../../shared/domain/roster-query.ts';
import type { RosterColumn } from '../../../shared/api/methods/rosters.ts';
import { TABLE_LABELS, type TableQuery, type TableRequest } from '../../../shared/api/methods/tables.ts';
import type { PublicationState } from '../../../shared/api/methods/catalog.ts';
import { FIGURE_KEYS, type FigureKey } from '../../../shared/domain/reported-figures.ts';
import { INSPECTION_ITEM_LABELS, listItemFieldsOf, listItemLabel } from '../../../shared/domain/catalog-fields.ts';
import { formatDateTime } from '../../../shared/domain/dates.ts';
import { LIST_KIND_LABELS } from '../../../shared/domain/list-kinds.ts';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import type { BackendContext } from '../context.ts';
import type { Db } from '../db/open-database.ts';
import { listInspectionItems } from '../catalog/inspection-items-service.ts';
import { listListItems } from '../catalog/list-items-service.ts';
import { listPublications } from '../catalog/publications-service.ts';
import { computeStatistics } from '../catalog/statistics-service.ts';
import { recentOperations } from '../history/history-service.ts';
import { listBatches } from '../import/import-batches.ts';
import { queryRosterIds, rosterRows, rosterRulesOf } from '../personnel/roster-query.ts';
import { trainingSummary } from '../personnel/training-service.ts';

/**
 * Each exportable table as data: its columns (with the screen's keys, so the column chooser's
 * choice and the screen's sort name them) and every row the screen's query selects, in the
 * screen's order. Values stay typed (numbers as numbers, dates as ISO dates) until the output
 * writes them (table-output.ts).
 */

export type TableValue = string | number | null;
export type TableRowValues = Record<string, TableValue>;

export interface TableColumnDef {
  key: string;
  header: string;
  cell: RosterColumn['cell'];
  /** Share of the printed width. */
  weight: number;
  /** Width in the spreadsheet, in characters (a CJK character counts about 2). */
  xlsxWidth: number;
  align: RosterColumn['align'];
  nowrap: boolean;
}

export interface TableData {
  title: string;
  /** The screen's selection in words (unit, status, year …), printed under the title. */
  selection: string[];
  /** What a row counts: 人 or 条. */
  countWord: string;
  columns: TableColumnDef[];
  rows: TableRowValues[];
  /** True when the rows already follow the requested sort (the roster sorts in SQL). */
  sorted: boolean;
  /** People whose full ID numbers are in the rows (for the access log), or 0. */
  fullIds: number;
  /** A closing row (合计) after the numbered rows, as the screen's summary row shows it. */
  totalRow?: TableRowValues;
}

/** Kept on one line when printed: numbers, dates, ID and card numbers (a broken number is misread). */
const NOWRAP_KEYS: ReadonlySet<string> = new Set(['idNumber', 'certNumber']);

function col(key: string, header: string, xlsxWidth: number, cell: RosterColumn['cell'] = 'general', align: RosterColumn['align'] = 'left'): TableColumnDef {
  const nowrap = cell === 'integer' || cell === 'decimal' || cell === 'date' || NOWRAP_KEYS.has(key);
  // 序号 needs room for its two-character header on paper, more than its digits need in the sheet.
  const weight = key === 'seq' ? 9 : xlsxWidth;
  return { key, header, cell, weight, xlsxWidth, align: key === 'seq' ? 'center' : cell === 'general' ? align : cell === 'integer' || cell === 'decimal' ? 'right' : 'center', nowrap };
}

function unitNames(db: Db, ids: readonly number[]): string[] {
  if (ids.length === 0) return [];
  return db.prepare(`SELECT name FROM units WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_order, id`).pluck().all(JSON.stringify(ids)) as string[];
}

function unitsLine(db: Db, ids: readonly number[]): string[] {
  const names = unitNames(db, ids);
  if (names.length === 0) return [];
  return [names.length <= 3 ? names.join('、') : `${names.length} 个单位`];
}

function rosterTable(db: Db, query: Extract<TableQuery, { kind: 'roster' }>, request: TableRequest, today: string, settings: RegistrySettings): TableData {
  const rules = rosterRulesOf(today, settings);
  const filter = query.filter;
  const sortKey = request.sort && (ROSTER_SORT_KEYS as readonly string[]).includes(request.sort.key) ? (request.sort.key as RosterSortKey) : null;
  const ids = queryRosterIds(db, filter, sortKey && request.sort ? { key: sortKey, order: request.sort.order } : { key: 'unit', order: 'asc' }, rules);
  const rows = rosterRows(db, ids, rules, { certType: filter.certType, fullIdNumbers: request.fullIdNumbers });
  const selection = [...unitsLine(db, filter.unitIds)];
  if (filter.search) selection.push(`查找“${filter.search}”`);
  if (filter.unitKind) selection.push(filter.unitKind);
  if (filter.statuses.length > 0) selection.push(`状态：${filter.statuses.join('、')}`);
  if (filter.certType) selection.push(filter.certType);
  if (filter.expiringWithinDays !== null) selection.push(`${filter.expiringWithinDays} 天内到期${filter.includeExpired ? '（含已过期）' : ''}`);
  if (filter.trainingShort) selection.push(`本年学时不足 ${rules.trainingRequiredHours}`);
  if (filter.legalReviewersOnly) selection.push('法制审核人员');
  if (filter.staffingTypes.length > 0) selection.push(`编制：${filter.staffingTypes.join('、')}`);
  return {
    title: `${settings.bureauName}${TABLE_LABELS.roster}`,
    selection,
    countWord: '人',
    columns: [
      col('seq', '序号', 6, 'integer'),
      col('name', '姓名', 10),
      col('unit', '单位', 26),
      col('sex', '性别', 6),
      col('idNumber', '身份证号', 21, 'text'),
      col('certNumber', '证件编号', 16, 'text'),
      col('expiryDate', '有效期至', 12, 'date'),
      col('status', '状态', 10),
      col('trainingHours', '本年学时', 10, 'decimal'),
      col('certType', '证件类型', 14),
      col('issueDate', '发证日期', 12, 'date'),
      col('post', '职务', 16),
      col('staffingType', '编制类型', 14),
      col('category', '执法类别', 16),
      col('scope', '执法范围', 30),
      col('legalReviewer', '法制审核', 8),
    ],
    rows: rows.map((r) => ({
      name: r.name,
      unit: r.unitName,
      sex: r.sex,
      idNumber: r.idNumber,
      certNumber: r.certNumber,
      expiryDate: r.expiryDate,
      status: r.status,
      trainingHours: r.trainingHours,
      certType: r.certType,
      issueDate: r.issueDate,
      post: r.post,
      staffingType: r.staffingType,
      category: r.enforcementCategory,
      scope: r.enforcementScope,
      legalReviewer: r.isLegalReviewer ? '是' : '',
    })),
    sorted: sortKey !== null,
    fullIds: request.fullIdNumbers ? rows.length : 0,
  };
}

function trainingTable(db: Db, query: Extract<TableQuery, { kind: 'training-people' | 'training-units' }>, today: string, settings: RegistrySettings): TableData {
  const year = query.year ?? Number(today.slice(0, 4));
  const summary = trainingSummary(db, { year, unitIds: query.unitIds, onlyShort: query.onlyShort, today, warningDays: settings.expiryWarningDays, requiredHours: settings.annualTrainingHours });
  const selection = [`${year} 年度`, `年度要求 ${settings.annualTrainingHours} 学时`, ...unitsLine(db, query.unitIds)];
  if (query.kind === 'training-units') {
    return {
      title: `${settings.bureauName}${TABLE_LABELS['training-units']}`,
      selection,
      countWord: '个单位',
      columns: [
        col('seq', '序号', 6, 'integer'),
        col('unitName', '单位', 30),
        col('required', '应参训', 10, 'integer'),
        col('short', '不足', 10, 'integer'),
        col('averageHours', '人均学时', 12, 'decimal'),
      ],
      rows: summary.units.map((u) => ({ unitName: u.unitName, required: u.required, short: u.short, averageHours: u.averageHours })),
      sorted: false,
      fullIds: 0,
    };
  }
  if (query.onlyShort) selection.push('只列学时不足的');
  return {
    title: `${settings.bureauName}${TABLE_LABELS['training-people']}`,
    selection,
    countWord: '人',
    columns: [
      col('seq', '序号', 6, 'integer'),
      col('unitName', '单位', 28),
      col('name', '姓名', 10),
      col('post', '职务', 16),
      col('status', '状态', 10),
      col('courses', '培训次数', 10, 'integer'),
      col('hours', '已完成学时', 12, 'decimal'),
      col('shortfall', '尚差学时', 12, 'decimal'),
    ],
    rows: summary.people.map((p) => ({ unitName: p.unitName, name: p.name, post: p.post, status: p.status, courses: p.courses, hours: p.hours, shortfall: p.shortfall })),
    sorted: false,
    fullIds: 0,
  };
}

const ALL_ROWS = 300_000;

function agencyLine(db: Db, unitId: number | null): string[] {
  return unitId === null ? ['全部单位'] : unitNames(db, [unitId]);
}

function inspectionItemsTable(db: Db, query: Extract<TableQuery, { kind: 'inspection-items' }>, settings: RegistrySettings): TableData {
  const { rows } = listInspectionItems(db, query.unitId, ALL_ROWS);
  const L = INSPECTION_ITEM_LABELS;
  return {
    title: `${settings.bureauName}${TABLE_LABELS['inspection-items']}`,
    selection: [...agencyLine(db, query.unitId), ...(query.category ? [query.category] : [])],
    countWord: '项',
    columns: [
      col('seq', '序号', 6, 'integer'),
      col('unitName', '所属单位', 20),
      col('itemCode', L.itemCode, 14, 'text'),
      col('name', L.name, 28),
      col('category', L.category, 12),
      col('basis', L.basis, 30),
      col('subject', L.subject, 18),
      col('undertakingBody', L.undertakingBody, 16),
      col('target', L.target, 18),
      col('content', L.content, 36),
      col('method', L.method, 16),
      col('frequency', L.frequency, 20),
      col('notes', L.notes, 14),
    ],
    rows: rows
      .filter((r) => query.category === null || r.category === query.category)
      .map((r) => ({
        unitName: r.unitName,
        itemCode: r.itemCode,
        name: r.name,
        category: r.category,
        basis: r.basis,
        subject: r.subject,
        undertakingBody: r.undertakingBody,
        target: r.target,
        content: r.content,
        method: r.method,
        frequency: r.frequency,
        notes: r.notes,
      })),
    sorted: false,
    fullIds: 0,
  };
}

const LIST_WIDTHS: Readonly<Record<string, number>> = { matter: 16, violation: 30, violationBasis: 30, penaltyBasis: 30, conditions: 36, discretion: 24, notes: 14 };

function listItemsTable(db: Db, query: Extract<TableQuery, { kind: 'list-items' }>, settings: RegistrySettings): TableData {
  const { rows } = listListItems(db, query.unitId, query.listKind, ALL_ROWS);
  const fields = listItemFieldsOf(query.listKind);
  return {
    title: `${settings.bureauName}${LIST_KIND_LABELS[query.listKind]}`,
    selection: agencyLine(db, query.unitId),
    countWord: '项',
    columns: [col('seq', '序号', 6, 'integer'), col('unitName', '所属单位', 20), ...fields.map((f) => col(f, listItemLabel(query.listKind, f), LIST_WIDTHS[f] ?? 20))],
    rows: rows.map((r) => ({ unitName: r.unitName, ...Object.fromEntries(fields.map((f) => [f, r[f]])) })),
    sorted: false,
    fullIds: 0,
  };
}

/** 已发布 / 未发布 / 已失效, and how soon the document ends (the screen's PublicationTag in words). */
function publicationText(p: PublicationState): string {
  return p.expiringSoon ? `${p.status}（${p.daysLeft !== null ? `${p.daysLeft} 天后到期` : '即将到期'}）` : p.status;
}

function validText(p: PublicationState): string | null {
  const d = p.latest;
  return d ? `${d.validFrom ?? d.publishDate} 至 ${d.validTo ?? '长期'}` : null;
}

function statisticsTable(db: Db, query: Extract<TableQuery, { kind: 'statistics' }>, today: string, settings: RegistrySettings): TableData {
  const s = computeStatistics(db, today, settings.publicationWarningDays, query.year);
  const counts = (c: Record<FigureKey, number>) => Object.fromEntries(FIGURE_KEYS.map((k) => [k, c[k]]));
  return {
    title: `${settings.bureauName}${TABLE_LABELS.statistics}`,
    selection: [`截至 ${today}`, ...(s.report ? [`与《${s.report.source}》核对`] : [])],
    countWord: '个单位',
    columns: [
      col('seq', '序号', 6, 'integer'),
      col('name', '单位', 28),
      col('general', '一般', 8, 'integer'),
      col('key', '重点', 8, 'integer'),
      col('items', '事项合计', 10, 'integer'),
      col('no_penalty', '不予处罚', 10, 'integer'),
      col('lighter_penalty', '从轻处罚', 10, 'integer'),
      col('reduced_penalty', '减轻处罚', 10, 'integer'),
      col('no_coercion', '不予强制', 10, 'integer'),
      col('status', '发布状态', 16),
      col('named', '报告中已发布', 12, 'general', 'center'),
    ],
    rows: s.agencies.map((a) => ({ name: a.name, ...counts(a.counts), status: publicationText(a.publication), named: s.report ? (a.namedInReport ? '是' : '否') : null })),
    sorted: false,
    fullIds: 0,
    totalRow: { name: `合计（${s.agencyCount} 个单位）`, ...counts(s.totals), status: `已发布 ${s.publishedCount}`, named: null },
  };
}

function publicationsTable(db: Db, query: Extract<TableQuery, { kind: 'publications' }>, today: string, settings: RegistrySettings): TableData {
  const { agencies } = listPublications(db, today, settings.publicationWarningDays);
  const shown = agencies.filter((a) => query.filter === '全部' || (query.filter === '即将到期' ? a.publication.expiringSoon : a.publication.status === query.filter));
  return {
    title: `${settings.bureauName}${TABLE_LABELS.publications}`,
    selection: [...(query.filter === '全部' ? [] : [query.filter]), `截至 ${today}`],
    countWord: '个单位',
    columns: [
      col('seq', '序号', 6, 'integer'),
      col('name', '单位', 28),
      col('status', '状态', 18),
      col('doc', '文号', 24),
      col('date', '发布日期', 12, 'date'),
      col('valid', '有效期', 24, 'general', 'center'),
      col('n', '文件', 8, 'integer'),
    ],
    rows: shown.map((a) => ({
      name: a.name,
      status: publicationText(a.publication),
      doc: a.publication.latest?.docNumber ?? null,
      date: a.publication.latest?.publishDate ?? null,
      valid: validText(a.publication),
      n: a.documents.length,
    })),
    sorted: false,
    fullIds: 0,
  };
}

function historyTable(db: Db, query: Extract<TableQuery, { kind: 'history' }>, settings: RegistrySettings): TableData {
  const operations = recentOperations(db, 1_000_000, { from: query.from, to: query.to, kind: query.operationKind, operator: query.operator });
  const selection: string[] = [];
  if (query.from || query.to) selection.push(`${query.from ?? '最早'} 至 ${query.to ?? '今天'}`);
  if (query.operationKind) selection.push(`类型：${OPERATION_KIND_LABELS[query.operationKind] ?? query.operationKind}`);
  if (query.operator !== null) selection.push(`经办人：${query.operator}`);
  return {
    title: `${settings.bureauName}${TABLE_LABELS.history}`,
    selection,
    countWord: '项',
    columns: [
      col('seq', '序号', 6, 'integer'),
      col('at', '时间', 18, 'general', 'center'),
      col('kind', '类型', 10),
      col('summary', '内容', 60),
      col('changeCount', '改动', 8, 'integer'),
      col('operator', '经办人', 12),
    ],
    rows: operations.map((o) => ({
      // Times read as everywhere else: the PC's local time, 2026-12-02 14:03.
      at: formatDateTime(o.at),
      kind: `${OPERATION_KIND_LABELS[o.kind] ?? o.kind}${o.undoneBy !== null ? '（已撤销）' : ''}`,
      summary: o.summary,
      changeCount: o.changeCount,
      operator: o.operator,
    })),
    sorted: false,
    fullIds: 0,
  };
}

function batchesTable(ctx: BackendContext, settings: RegistrySettings): TableData {
  const batches = listBatches(ctx, 100_000);
  return {
    title: `${settings.bureauName}${TABLE_LABELS['import-batches']}`,
    selection: [],
    countWord: '次',
    columns: [
      col('seq', '序号', 6, 'integer'),
      col('committedAt', '时间', 18, 'general', 'center'),
      col('fileName', '文件', 36),
      col('unitName', '单位', 22),
      col('kind', '内容', 18),
      col('rowsAdded', '新增', 8, 'integer'),
      col('rowsChanged', '修改', 8, 'integer'),
      col('operator', '经办人', 12),
    ],
    rows: batches.map((b) => ({
      committedAt: formatDateTime(b.committedAt),
      fileName: b.fileName,
      unitName: b.unitName ?? (b.kind === 'units' ? '' : '多个单位'),
      kind: b.kind === 'mixed' ? '多种（目录、清单等）' : ((IMPORT_KIND_LABELS as Readonly<Record<string, string>>)[b.kind] ?? b.kind),
      rowsAdded: b.rowsAdded,
      rowsChanged: b.rowsChanged,
      operator: b.operator,
    })),
    sorted: false,
    fullIds: 0,
  };
}

/** Runs the screen's query again and returns every row it selects. */
export function loadTable(ctx: BackendContext, request: TableRequest): TableData {
  const today = ctx.today();
  const settings = ctx.settings();
  const query = request.query;
  switch (query.kind) {
    case 'roster':
      return rosterTable(ctx.db, query, request, today, settings);
    case 'training-people':
    case 'training-units':
      return trainingTable(ctx.db, query, today, settings);
    case 'inspection-items':
      return inspectionItemsTable(ctx.db, query, settings);
    case 'list-items':
      return listItemsTable(ctx.db, query, settings);
    case 'statistics':
      return statisticsTable(ctx.db, query, today, settings);
    case 'publications':
      return publicationsTable(ctx.db, query, today, settings);
    case 'history':
      return historyTable(ctx.db, query, settings);
    case 'import-batches':
      return batchesTable(ctx, settings);
  }
}
