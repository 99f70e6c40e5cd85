import { z } from 'zod';
import { INSPECTION_CATEGORIES, LIST_KINDS } from '../../domain/list-kinds.ts';
import { SORT_ORDERS } from '../../domain/roster-query.ts';
import { defineMethods } from '../define.ts';
import { idSchema, isoDateSchema } from '../schema-parts.ts';
import { OPERATION_KINDS } from './history.ts';
import { rosterFilterSchema } from './personnel.ts';
import { rosterDocumentSchema } from './rosters.ts';

/**
 * Any table on screen, exported (.xlsx, .csv) or printed as it is shown. The renderer names the
 * table and sends the same query the screen uses, never its rows: the roster is paged on screen, so
 * only the backend can list every row the filter selects. The printout has the rosters' shape, so
 * the print preview lays it out the same way.
 */

export const TABLE_KINDS = ['roster', 'training-people', 'training-units', 'inspection-items', 'list-items', 'statistics', 'publications', 'history', 'import-batches'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export const TABLE_LABELS: Readonly<Record<TableKind, string>> = {
  roster: '执法人员名册',
  'training-people': '培训学时统计（按人员）',
  'training-units': '培训学时统计（按单位）',
  'inspection-items': '行政检查事项目录',
  'list-items': '清单',
  statistics: '“一目录四清单”分单位统计',
  publications: '“一目录四清单”发布情况',
  history: '操作记录',
  'import-batches': '导入记录',
};

/** The publication view's filter (PublicationsView). */
export const PUBLICATION_FILTERS = ['全部', '已发布', '未发布', '已失效', '即将到期'] as const;

const unitIds = z.array(idSchema).max(500).default([]);
const trainingQuery = {
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  unitIds,
  onlyShort: z.boolean().default(false),
};

export const tableQuerySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('roster'), filter: rosterFilterSchema }).strict(),
  z.object({ kind: z.literal('training-people'), ...trainingQuery }).strict(),
  z.object({ kind: z.literal('training-units'), ...trainingQuery }).strict(),
  z.object({ kind: z.literal('inspection-items'), unitId: idSchema.nullable().default(null), category: z.enum(INSPECTION_CATEGORIES).nullable().default(null) }).strict(),
  z.object({ kind: z.literal('list-items'), unitId: idSchema.nullable().default(null), listKind: z.enum(LIST_KINDS) }).strict(),
  z.object({ kind: z.literal('statistics'), year: z.number().int().min(2000).max(2199).nullable().default(null) }).strict(),
  z.object({ kind: z.literal('publications'), filter: z.enum(PUBLICATION_FILTERS).default('全部') }).strict(),
  z
    .object({
      kind: z.literal('history'),
      from: isoDateSchema.nullable().default(null),
      to: isoDateSchema.nullable().default(null),
      operationKind: z.enum(OPERATION_KINDS).nullable().default(null),
      operator: z.string().max(60).nullable().default(null),
    })
    .strict(),
  z.object({ kind: z.literal('import-batches') }).strict(),
]);
export type TableQuery = z.output<typeof tableQuerySchema>;
export type TableQueryInput = z.input<typeof tableQuerySchema>;

const columnKey = z.string().min(1).max(40);

export const tableRequestSchema = z
  .object({
    query: tableQuerySchema,
    /** The columns shown, in screen order (from the column chooser); null: every column of the table. */
    columns: z.array(columnKey).max(60).nullable().default(null),
    /** The screen's sort, when the clerk sorted by a column; null keeps the table's own order. */
    sort: z
      .object({ key: columnKey, order: z.enum(SORT_ORDERS) })
      .strict()
      .nullable()
      .default(null),
    /** ID numbers in full (recorded in the access log); masked otherwise, like the rosters. */
    fullIdNumbers: z.boolean().default(false),
  })
  .strict();
export type TableRequest = z.output<typeof tableRequestSchema>;
export type TableRequestInput = z.input<typeof tableRequestSchema>;

export const TABLE_FORMATS = ['xlsx', 'csv'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** The rosters' document (title, 制表日期 and selection, columns, sections, signature), naming its table. */
export const tableDocumentSchema = rosterDocumentSchema.omit({ kind: true }).extend({ kind: z.enum(TABLE_KINDS) });
export type TableDocument = z.infer<typeof tableDocumentSchema>;

export const tableMethods = defineMethods({
  'tables.print': {
    title: '生成打印表格',
    input: tableRequestSchema,
    output: tableDocumentSchema,
  },
  'tables.export': {
    title: '导出表格',
    input: tableRequestSchema.extend({ format: z.enum(TABLE_FORMATS) }).strict(),
    output: z.object({ fileId: z.string(), name: z.string(), rows: z.number().int() }),
  },
});
