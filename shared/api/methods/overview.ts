import { z } from 'zod';
import { defineMethods } from '../define.ts';

const count = z.number().int().min(0);

export const overviewSchema = z.object({
  today: z.string(),
  units: z.object({ total: count, municipal: count, township: count, agencies: count }),
  personnel: z.object({ total: count, enforcement: count, supervision: count, legalReviewers: count }),
  certificates: z.object({
    /** 持证: 有效 + 即将到期 */
    inForce: count,
    expiringSoon: count,
    expired: count,
    suspendedOrRevoked: count,
    cancelled: count,
    pending: count,
    noCertificate: count,
    /** Everyone, in the status groups of CERT_STATUS_CATEGORIES (the roster's status filter's groups); they add up to personnel.total. */
    categories: z.object({ valid: count, expiring: count, expired: count, suspendedOrRevoked: count, cancelled: count, pending: count, none: count }),
    /** People who were handed a card in each year (the roster's 发证 flow filter counts the same people). */
    issuedByYear: z.array(z.object({ year: z.number().int(), count })),
  }),
  inspectionItems: z.object({ total: count, general: count, key: count }),
  lists: z.object({ no_penalty: count, lighter_penalty: count, reduced_penalty: count, no_coercion: count }),
  /** Agencies by their publication status (已发布 includes those whose document ends soon); the three add up to agencies. */
  publications: z.object({ agencies: count, published: count, unpublished: count, expired: count }),
  /** What the clerk should confirm or correct: people whose roster did not report their staffing type (未填写). */
  dataProblems: z.object({ staffingNotReported: count }),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewMethods = defineMethods({
  'overview.get': {
    title: '读取概览',
    input: z.object({}).strict(),
    output: overviewSchema,
  },
});
