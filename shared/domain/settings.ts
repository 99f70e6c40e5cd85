import { z } from 'zod';

/**
 * The clerk's configurable rules. Every number the regulations fix is a default here, not a
 * constant in code: provinces differ and rules change.
 */
export const registrySettingsSchema = z.object({
  /** Printed in titles of rosters and announcements. */
  bureauName: z.string().trim().min(2).max(40).default('沅江市司法局'),
  /** Recorded as the operator of every change; printed as 经办人. */
  operatorName: z.string().trim().max(20).default(''),
  /** Hunan: certificates are valid for 5 years. */
  certValidityYears: z.number().int().min(1).max(20).default(5),
  /** Hunan: re-exam 6 months before expiry, hence 180 days of 即将到期. */
  expiryWarningDays: z.number().int().min(1).max(730).default(180),
  /** At least 60 class hours of training per person per year. */
  annualTrainingHours: z.number().min(1).max(500).default(60),
  /** Legal-review staff: at least 5 % of a unit's enforcement personnel (国办发〔2018〕118号). */
  legalReviewerMinRatio: z.number().min(0).max(1).default(0.05),
  /** An exam is passed at this score or more (out of 100). */
  examPassMark: z.number().min(0).max(100).default(60),
  /** A catalog and its lists published as a normative document are valid this many years unless it says otherwise. */
  publicationValidityYears: z.number().int().min(1).max(20).default(5),
  /** Days before a published list's end date when it is flagged as expiring. */
  publicationWarningDays: z.number().int().min(1).max(730).default(90),
});
export type RegistrySettings = z.infer<typeof registrySettingsSchema>;

export const DEFAULT_SETTINGS: RegistrySettings = registrySettingsSchema.parse({});
