import { z } from 'zod';
import { REPORT_FIGURES } from '../../domain/annual-report.ts';
import { CERT_STATUS_CATEGORY_KEYS } from '../../domain/certificate-status.ts';
import { QUALITY_CHECKS } from '../../domain/data-quality.ts';
import { UNIT_KINDS } from '../../domain/unit-kinds.ts';
import { defineMethods } from '../define.ts';
import { idSchema, isoDateSchema } from '../schema-parts.ts';
import { agencySummarySchema } from './catalog.ts';

/**
 * What the clerk hands upward: the overview's charts and data-quality warnings, the annual report's
 * paragraphs, the audit workbook (审核表) and the agencies' verification workbooks (核对表). The two
 * workbooks are written as jobs (progress, cancel): start, poll jobs.get, then fetch the result.
 */

const count = z.number().int().min(0);
const jobIdSchema = z.string().regex(/^[a-f0-9]{16,32}$/, '任务编号无效');
const yearSchema = z.number().int().min(2000).max(2100);

const categoryCountsSchema = z.object(Object.fromEntries(CERT_STATUS_CATEGORY_KEYS.map((k) => [k, count])) as Record<(typeof CERT_STATUS_CATEGORY_KEYS)[number], typeof count>);

/** The 待办 panel's rows, in the order they are shown. */
export const TODO_KEYS = ['cert_expiring', 'training_short', 'unpublished', 'publication_expired', 'submission_stale'] as const;

export const dashboardSchema = z.object({
  today: z.string(),
  year: z.number().int(),
  /** Status groups of each person's card, per unit (certificate-status.ts). */
  units: z.array(
    z.object({
      unitId: idSchema,
      name: z.string(),
      shortName: z.string().nullable(),
      kind: z.enum(UNIT_KINDS),
      people: count,
      categories: categoryCountsSchema,
      holdingRate: z.number().nullable(),
    }),
  ),
  /** Cards in force expiring in each of the next 24 months (the first month from today). */
  expiries: z.array(z.object({ month: z.string(), from: z.string(), to: z.string(), count })),
  /** This year's training hours of the staff the requirement applies to, in bands [min, below). */
  training: z.object({
    year: z.number().int(),
    requiredHours: z.number(),
    bands: z.array(z.object({ label: z.string(), min: z.number(), below: z.number().nullable(), count })),
  }),
  agencies: z.array(agencySummarySchema.pick({ unitId: true, name: true, shortName: true, counts: true })),
  publications: z.object({ published: count, expiringSoon: count, expired: count, unpublished: count }),
  quality: z.object({
    staleBefore: z.string(),
    checks: z.array(z.object({ check: z.enum(QUALITY_CHECKS), label: z.string(), fix: z.string(), count, link: z.string().nullable() })),
  }),
  /**
   * What to do next (the 待办 panel): each count with the list that shows exactly those rows. The
   * agencies whose last submission is older than `staleBefore` have no list page: they come along.
   */
  todo: z.object({
    items: z.array(z.object({ key: z.enum(TODO_KEYS), label: z.string(), count, link: z.string().nullable() })),
    staleBefore: z.string(),
    staleAgencies: z.array(z.object({ unitId: idSchema, name: z.string(), last: z.string().nullable() })),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const segmentSchema = z.union([z.object({ text: z.string() }).strict(), z.object({ figure: z.enum(REPORT_FIGURES), value: z.number(), link: z.string() }).strict()]);

export const annualReportSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  paragraphs: z.array(z.object({ heading: z.string(), segments: z.array(segmentSchema) })),
  /** The paragraphs as plain text, as they go into the report. */
  text: z.string(),
  figures: z.record(z.enum(REPORT_FIGURES), z.number()),
});
export type AnnualReportResult = z.infer<typeof annualReportSchema>;

const verificationFileSchema = z.object({
  unitId: idSchema,
  unitName: z.string(),
  name: z.string(),
  fileId: z.string(),
  people: count,
  items: count,
  lists: count,
});
export type VerificationFileRow = z.infer<typeof verificationFileSchema>;

export const reportMethods = defineMethods({
  'dashboard.get': {
    title: '读取概览图表',
    input: z.object({ staleBefore: isoDateSchema.nullable().default(null) }).strict(),
    output: dashboardSchema,
  },
  'report.annual': {
    title: '生成年度报告段落',
    input: z.object({ year: yearSchema }).strict(),
    output: annualReportSchema,
  },
  'audit.start': {
    title: '生成审核表',
    input: z
      .object({
        /** The year of the flow figures (training, cards issued, cancellations); default this year. */
        year: yearSchema.nullable().default(null),
        /** Full ID numbers instead of masked ones (recorded in 操作记录). */
        fullIdNumbers: z.boolean().default(false),
        /** Agencies whose last submission is older than this are listed under 数据问题 (default: a year ago). */
        staleBefore: isoDateSchema.nullable().default(null),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  },
  'audit.result': {
    title: '读取审核表',
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ fileId: z.string(), name: z.string(), people: count }),
  },
  'verification.start': {
    title: '生成核对表',
    input: z.object({}).strict(),
    output: z.object({ jobId: z.string() }),
  },
  'verification.result': {
    title: '读取核对表',
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: z.object({ files: z.array(verificationFileSchema), zipFileId: z.string(), zipName: z.string() }),
  },
});
