import { z } from 'zod';
import { CATALOG_KINDS, INSPECTION_CATEGORIES, LIST_KINDS } from '../../domain/list-kinds.ts';
import { PUBLICATION_STATUSES } from '../../domain/publication-status.ts';
import { FIGURE_KEYS, figureCountsSchema, reportedFiguresSchema } from '../../domain/reported-figures.ts';
import { SEARCH_QUERY_MAX_LENGTH } from '../../domain/catalog-search.ts';
import { defineMethods } from '../define.ts';
import { isoDateSchema, operationResultSchema } from '../schema-parts.ts';

/** Cell text as agencies write it: line breaks are kept (numbered conditions), ends trimmed, empty → null. */
const cellText = (max: number) =>
  z
    .string()
    .max(max, `不能超过${max}个字`)
    .nullable()
    .transform((v) => {
      if (v === null) return null;
      const t = v.replace(/\r\n?/g, '\n').trim();
      return t === '' ? null : t;
    });
const requiredText = (label: string, max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`));

const id = z.number().int().positive();
const count = z.number().int().min(0);

// ── inspection items ────────────────────────────────────────────────────────────────────────────

export const inspectionItemInputSchema = z
  .object({
    unitId: id,
    itemCode: z
      .string()
      .trim()
      .max(60, '事项编码不能超过60个字符')
      .nullable()
      .transform((v) => (v === '' ? null : v)),
    name: requiredText('事项名称', 500),
    category: z.enum(INSPECTION_CATEGORIES, { error: '检查类别只能是“一般检查事项”或“重点检查事项”' }),
    basis: cellText(5000),
    subject: cellText(500),
    undertakingBody: cellText(500),
    target: cellText(2000),
    content: cellText(5000),
    method: cellText(1000),
    frequency: cellText(1000),
    notes: cellText(2000),
  })
  .strict();
export type InspectionItemInput = z.input<typeof inspectionItemInputSchema>;
export type InspectionItemValues = z.output<typeof inspectionItemInputSchema>;

export const inspectionItemRowSchema = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  itemCode: z.string().nullable(),
  name: z.string(),
  category: z.enum(INSPECTION_CATEGORIES),
  basis: z.string().nullable(),
  subject: z.string().nullable(),
  undertakingBody: z.string().nullable(),
  target: z.string().nullable(),
  content: z.string().nullable(),
  method: z.string().nullable(),
  frequency: z.string().nullable(),
  notes: z.string().nullable(),
  sortOrder: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InspectionItemRow = z.infer<typeof inspectionItemRowSchema>;

// ── list entries ────────────────────────────────────────────────────────────────────────────────

export const listItemInputSchema = z
  .object({
    unitId: id,
    listKind: z.enum(LIST_KINDS),
    matter: cellText(200),
    violation: requiredText('违法行为（或强制措施）', 1000),
    violationBasis: cellText(5000),
    penaltyBasis: cellText(5000),
    conditions: cellText(5000),
    discretion: cellText(2000),
    notes: cellText(2000),
  })
  .strict();
export type ListItemInput = z.input<typeof listItemInputSchema>;
export type ListItemValues = z.output<typeof listItemInputSchema>;

export const listItemRowSchema = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  listKind: z.enum(LIST_KINDS),
  matter: z.string().nullable(),
  violation: z.string(),
  violationBasis: z.string().nullable(),
  penaltyBasis: z.string().nullable(),
  conditions: z.string().nullable(),
  discretion: z.string().nullable(),
  notes: z.string().nullable(),
  sortOrder: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ListItemRow = z.infer<typeof listItemRowSchema>;

// ── publications ────────────────────────────────────────────────────────────────────────────────

export const publicationInputSchema = z
  .object({
    unitId: id,
    docNumber: requiredText('文号', 100),
    title: cellText(300),
    publishDate: isoDateSchema,
    validFrom: isoDateSchema.nullable(),
    validTo: isoDateSchema.nullable(),
    /** The agency withdrew the document before its end date. */
    revoked: z.boolean(),
    notes: cellText(1000),
  })
  .strict();
export type PublicationInput = z.input<typeof publicationInputSchema>;
export type PublicationValues = z.output<typeof publicationInputSchema>;

export const publicationRowSchema = z.object({
  id,
  unitId: id,
  docNumber: z.string(),
  title: z.string().nullable(),
  publishDate: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  revoked: z.boolean(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
});
export type PublicationRow = z.infer<typeof publicationRowSchema>;

const publicationStateSchema = z.object({
  status: z.enum(PUBLICATION_STATUSES),
  expiringSoon: z.boolean(),
  /** Days until the current document ends (negative once it has); null without an end date or document. */
  daysLeft: z.number().int().nullable(),
  latest: publicationRowSchema.nullable(),
});
export type PublicationState = z.infer<typeof publicationStateSchema>;

// ── agencies, statistics, reconciliation ───────────────────────────────────────────────────────

const countsSchema = z.object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, count])) as Record<(typeof FIGURE_KEYS)[number], typeof count>);
export type CountsRow = z.infer<typeof countsSchema>;

export const agencySummarySchema = z.object({
  unitId: id,
  name: z.string(),
  shortName: z.string().nullable(),
  counts: countsSchema,
  publication: publicationStateSchema,
});
export type AgencySummary = z.infer<typeof agencySummarySchema>;

const reconciliationRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  reported: count.nullable(),
  registry: count,
  difference: z.number().int().nullable(),
});
export type ReconciliationRowOut = z.infer<typeof reconciliationRowSchema>;

export const statisticsSchema = z.object({
  today: z.string(),
  agencies: z.array(
    agencySummarySchema.extend({
      reported: figureCountsSchema.nullable(),
      /** Named as published in the selected report. */
      namedInReport: z.boolean(),
    }),
  ),
  totals: countsSchema,
  agencyCount: count,
  publishedCount: count,
  years: z.array(z.number().int()),
  report: z
    .object({
      year: z.number().int(),
      source: z.string(),
      rows: z.array(reconciliationRowSchema),
      consistency: z.object({ ok: z.boolean(), text: z.string() }).nullable(),
      namedButNotPublished: z.array(z.object({ written: z.string(), unitId: id, unitName: z.string(), status: z.enum(PUBLICATION_STATUSES) })),
      publishedButNotNamed: z.array(z.object({ unitId: id, unitName: z.string() })),
      unresolved: z.array(z.string()),
      /** Agencies whose reported figures differ from the registry somewhere. */
      agenciesWithDifferences: count,
    })
    .nullable(),
});
export type CatalogStatistics = z.infer<typeof statisticsSchema>;

// ── search ──────────────────────────────────────────────────────────────────────────────────────

const rangeSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
const snippetSchema = z.object({ text: z.string(), ranges: z.array(rangeSchema), cutBefore: z.boolean(), cutAfter: z.boolean() });

export const searchHitSchema = z.object({
  kind: z.enum(CATALOG_KINDS),
  id,
  unitId: id,
  unitName: z.string(),
  title: snippetSchema,
  /** 事项编码 and 检查类别 of an item; null for list entries. */
  itemCode: z.string().nullable(),
  category: z.enum(INSPECTION_CATEGORIES).nullable(),
  /** Other fields where a term occurs (at most three), with a window of text around it. */
  fields: z.array(z.object({ field: z.string(), label: z.string(), snippet: snippetSchema })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  query: z.string(),
  terms: z.array(z.object({ text: z.string(), index: z.enum(['trigram', 'chars']), alternatives: z.array(z.string()).optional() })),
  /** All matches, before the limit. */
  total: count,
  /**
   * Matches per agency and kind, over all matches (not only the hits returned); null when the
   * query matches so many rows (more than SEARCH_GROUP_LIMIT) that counting them per agency would
   * make typing sluggish: the clerk then narrows the query.
   */
  groups: z.array(z.object({ unitId: id, unitName: z.string(), kind: z.enum(CATALOG_KINDS), count })).nullable(),
  hits: z.array(searchHitSchema),
  truncated: z.boolean(),
  /** Why nothing could be searched, for the clerk (e.g. only punctuation). */
  notice: z.string().nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

// ── duplicates ──────────────────────────────────────────────────────────────────────────────────

export const duplicateFlagSchema = z.object({
  key: z.string(),
  kind: z.enum(['cross_agency', 'same_agency']),
  reason: z.string(),
  entries: z.array(z.object({ id, unitId: id, unitName: z.string(), listKind: z.enum(LIST_KINDS), violation: z.string(), conditions: z.string().nullable() })),
  review: z.object({ note: z.string().nullable(), operator: z.string(), reviewedAt: z.string() }).nullable(),
});
export type DuplicateFlagRow = z.infer<typeof duplicateFlagSchema>;

export const catalogMethods = defineMethods({
  'catalog.agencies': {
    title: '读取执法单位及事项数',
    input: z.object({}).strict(),
    output: z.object({ today: z.string(), agencies: z.array(agencySummarySchema) }),
  },
  'catalog.items': {
    title: '读取检查事项目录',
    input: z.object({ unitId: id.nullable(), limit: z.number().int().min(1).max(300_000).default(20_000) }).strict(),
    output: z.object({ rows: z.array(inspectionItemRowSchema), total: count }),
  },
  'catalog.get': {
    title: '读取检查事项',
    input: z.object({ id }).strict(),
    output: inspectionItemRowSchema,
  },
  'catalog.create': {
    title: '新增检查事项',
    input: inspectionItemInputSchema,
    output: z.object({ id, operationId: z.number().int().nullable() }),
  },
  'catalog.update': {
    title: '修改检查事项',
    input: inspectionItemInputSchema.extend({ id }).strict(),
    output: operationResultSchema,
  },
  'catalog.delete': {
    title: '删除检查事项',
    input: z.object({ id }).strict(),
    output: operationResultSchema,
  },
  'catalog.statistics': {
    title: '统计与核对',
    input: z.object({ year: z.number().int().min(2000).max(2199).nullable().default(null) }).strict(),
    output: statisticsSchema,
  },
  'catalog.reportedFigures': {
    title: '读取报告数字',
    input: z.object({}).strict(),
    output: reportedFiguresSchema,
  },
  'catalog.saveReportedFigures': {
    title: '保存报告数字',
    input: reportedFiguresSchema,
    output: reportedFiguresSchema,
  },
  'catalog.duplicates': {
    title: '读取疑似重复事项',
    input: z.object({}).strict(),
    output: z.object({ flags: z.array(duplicateFlagSchema) }),
  },
  'catalog.reviewDuplicate': {
    title: '标记疑似重复事项的复核结果',
    input: z.object({ key: z.string().min(1).max(2000), reviewed: z.boolean(), note: cellText(500).default(null) }).strict(),
    output: z.object({ ok: z.boolean() }),
  },

  'lists.items': {
    title: '读取清单',
    input: z.object({ unitId: id.nullable(), listKind: z.enum(LIST_KINDS), limit: z.number().int().min(1).max(300_000).default(20_000) }).strict(),
    output: z.object({ rows: z.array(listItemRowSchema), total: count }),
  },
  'lists.get': {
    title: '读取清单事项',
    input: z.object({ id }).strict(),
    output: listItemRowSchema,
  },
  'lists.create': {
    title: '新增清单事项',
    input: listItemInputSchema,
    output: z.object({ id, operationId: z.number().int().nullable() }),
  },
  'lists.update': {
    title: '修改清单事项',
    input: listItemInputSchema.extend({ id }).strict(),
    output: operationResultSchema,
  },
  'lists.delete': {
    title: '删除清单事项',
    input: z.object({ id }).strict(),
    output: operationResultSchema,
  },

  'publications.list': {
    title: '读取发布情况',
    input: z.object({}).strict(),
    output: z.object({
      today: z.string(),
      warningDays: z.number().int(),
      agencies: z.array(z.object({ unitId: id, name: z.string(), shortName: z.string().nullable(), publication: publicationStateSchema, documents: z.array(publicationRowSchema) })),
    }),
  },
  'publications.create': {
    title: '登记发布文件',
    input: publicationInputSchema,
    output: z.object({ id, operationId: z.number().int().nullable() }),
  },
  'publications.update': {
    title: '修改发布文件',
    input: publicationInputSchema.extend({ id }).strict(),
    output: operationResultSchema,
  },
  'publications.delete': {
    title: '删除发布文件',
    input: z.object({ id }).strict(),
    output: operationResultSchema,
  },

  'search.query': {
    title: '全文检索',
    input: z
      .object({
        q: z.string().max(SEARCH_QUERY_MAX_LENGTH, `检索词不能超过${SEARCH_QUERY_MAX_LENGTH}个字`),
        unitId: id.nullable().default(null),
        kind: z.enum(CATALOG_KINDS).nullable().default(null),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: searchResultSchema,
  },
});
