import { z } from 'zod';
import { CERT_TYPES } from '../../domain/certificate-vocabulary.ts';
import { defineMethods } from '../define.ts';
import { idSchema, isoDateSchema } from '../schema-parts.ts';
import { rosterFilterSchema } from './personnel.ts';

/**
 * The printed and exported rosters (换证人员名册, 注销公示名单, 公示名单, 培训学时不足名单) and the
 * letters to units built on them (换证通知, 参训督促通知, 督办通知: a letter per unit, each numbering
 * its own pages).
 */

export const ROSTER_DOCUMENTS = ['renewal', 'cancellation', 'public-list', 'training-short', 'renewal-notice', 'training-notice', 'publication-notice'] as const;
export type RosterDocumentKind = (typeof ROSTER_DOCUMENTS)[number];

export const ROSTER_DOCUMENT_LABELS: Readonly<Record<RosterDocumentKind, string>> = {
  renewal: '换证人员名册',
  cancellation: '注销公示名单',
  'public-list': '行政执法人员公示名单',
  'training-short': '培训学时不足人员名单',
  'renewal-notice': '换证通知',
  'training-notice': '参训督促通知',
  'publication-notice': '督办通知',
};

/** The letters among the documents: what a unit receives (their count is of units, the rows of people or items). */
export const NOTICE_DOCUMENTS: readonly RosterDocumentKind[] = ['renewal-notice', 'training-notice', 'publication-notice'];

export const rosterRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('renewal'),
      /** People picked by hand (from the roster); else everyone the filter selects. */
      personIds: z.array(idSchema).max(100_000).nullable().default(null),
      filter: rosterFilterSchema.nullable().default(null),
      /** Start every unit on a new page with its own signature block. */
      pagePerUnit: z.boolean().default(false),
      fullIdNumbers: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cancellation'),
      from: isoDateSchema.nullable().default(null),
      to: isoDateSchema.nullable().default(null),
      unitIds: z.array(idSchema).max(500).default([]),
      /** Only cancellations not yet announced (the next announcement). */
      onlyUnannounced: z.boolean().default(true),
      fullIdNumbers: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      kind: z.literal('public-list'),
      unitIds: z.array(idSchema).max(500).default([]),
      certType: z.enum(CERT_TYPES).default('行政执法证'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('training-short'),
      year: z.number().int().min(2000).max(2100).nullable().default(null),
      unitIds: z.array(idSchema).max(500).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('renewal-notice'),
      /** As the renewal roster: people picked by hand, else the roster's filter (default: expiring within the window). */
      personIds: z.array(idSchema).max(100_000).nullable().default(null),
      filter: rosterFilterSchema.nullable().default(null),
      fullIdNumbers: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      kind: z.literal('training-notice'),
      year: z.number().int().min(2000).max(2100).nullable().default(null),
      unitIds: z.array(idSchema).max(500).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('publication-notice'),
      /** Agencies to write to (empty: every agency not published or expired). */
      unitIds: z.array(idSchema).max(500).default([]),
    })
    .strict(),
]);
export type RosterRequest = z.output<typeof rosterRequestSchema>;
export type RosterRequestInput = z.input<typeof rosterRequestSchema>;

export const rosterColumnSchema = z.object({
  key: z.string(),
  header: z.string(),
  /** Share of the printed width (the columns' weights are normalised to 100 %). */
  weight: z.number(),
  /** Width in the spreadsheet, in characters. */
  xlsxWidth: z.number(),
  align: z.enum(['left', 'center', 'right']),
  /** Printed without wrapping (ID and certificate numbers, dates). */
  nowrap: z.boolean(),
  /** How the spreadsheet stores the column: text (ID and card numbers), a number, a date, or as written. */
  cell: z.enum(['general', 'text', 'integer', 'decimal', 'date']),
});
export type RosterColumn = z.infer<typeof rosterColumnSchema>;

export const rosterDocumentSchema = z.object({
  kind: z.enum(ROSTER_DOCUMENTS),
  title: z.string(),
  bureauName: z.string(),
  /** ISO date the roster was made (today). */
  date: z.string(),
  /** Lines under the title (selection, count). */
  subtitle: z.string(),
  columns: z.array(rosterColumnSchema),
  /** One section per unit when printed a page per unit, else one. */
  sections: z.array(
    z.object({
      heading: z.string().nullable(),
      /** The selection line under this section's title (a page per unit: the unit, the date and the selection); absent: the heading or the document's subtitle. */
      subtitle: z.string().optional(),
      rows: z.array(z.record(z.string(), z.string())),
      /** A signature block after this section (a page per unit: each unit signs its own page). */
      signed: z.boolean(),
      /** A letter to the section's unit: whom it is addressed to and its text, printed above the table. */
      letter: z.object({ addressee: z.string(), paragraphs: z.array(z.string()) }).optional(),
    }),
  ),
  /** What an empty table says (absent: 没有符合条件的人员). */
  emptyText: z.string().optional(),
  /**
   * How pages are numbered: across the whole document (absent or 'document', the printer's page
   * counter), or within each section ('section': every section starts on a new page and counts
   * 第 1 页 共 N 页 of its own, laid out page by page in the renderer).
   */
  pageNumbering: z.enum(['document', 'section']).optional(),
  total: z.number().int(),
  /** Blanks printed after the table on the last page (经办人 / 审核人 / 单位（盖章） / 日期). */
  signatureItems: z.array(z.string()),
  /** For announcements: the issuing body, printed right-aligned with the date at the end. */
  issuer: z.string().nullable(),
  fullIdNumbers: z.boolean(),
  /** Ids of the certificates listed (cancellation: to record the announcement afterwards). */
  certificateIds: z.array(z.number().int()),
  /** What the printout is for, when it matters to the clerk (printed under the table). */
  footnote: z.string().nullable(),
});
export type RosterDocument = z.infer<typeof rosterDocumentSchema>;
/** What the print layout reads: any document of the rosters' shape (a roster, a letter, a table). */
export type PrintableDocument = Omit<RosterDocument, 'kind'>;

export const rosterMethods = defineMethods({
  'rosters.get': {
    title: '生成打印名册',
    input: rosterRequestSchema,
    output: rosterDocumentSchema,
  },
  'rosters.exportXlsx': {
    title: '导出名册',
    input: rosterRequestSchema,
    output: z.object({ fileId: z.string(), name: z.string(), rows: z.number().int() }),
  },
});
