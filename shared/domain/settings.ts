import { z } from 'zod';
import { DEFAULT_SEARCH_SYNONYMS, searchSynonymSchema, SYNONYMS_MAX_COUNT } from './search-synonyms.ts';

/**
 * The clerk's configurable rules. Every number the regulations fix is a default here, not a
 * constant in code: provinces differ and rules change.
 */
export const registrySettingsSchema = z.object({
  /** Printed in titles of rosters and announcements. */
  bureauName: z.string().trim().min(2).max(40).default('沅江市司法局'),
  /** Recorded as the operator of every change; printed as 经办人. */
  operatorName: z.string().trim().max(20).default(''),
  /** The county, county-level city or district the bureau serves (沅江市): the titles of lists and units' full names. */
  countyName: z.string().trim().max(20).default(''),
  /**
   * Its 6-digit administrative division code (沅江市 430981), the first six characters of an ID
   * number registered there: an imported ID number from elsewhere is flagged for a second look. Empty
   * until the clerk sets up the bureau.
   */
  regionCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '行政区划代码应为6位数字')
    .default(''),
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
  /** With operators (设置 › 操作员): the program locks after this many idle minutes; 0 never. */
  idleLockMinutes: z.number().int().min(0).max(240).default(15),
  /** Abbreviations every search expands (shared/domain/search-synonyms.ts). */
  searchSynonyms: z
    .array(searchSynonymSchema)
    .max(SYNONYMS_MAX_COUNT, `同义词不能超过${SYNONYMS_MAX_COUNT}条`)
    .default(() => DEFAULT_SEARCH_SYNONYMS.map((s) => ({ ...s }))),
});
export type RegistrySettings = z.infer<typeof registrySettingsSchema>;

export const DEFAULT_SETTINGS: RegistrySettings = registrySettingsSchema.parse({});

type Shape = typeof registrySettingsSchema.shape;
type PatchShape = { [K in keyof Shape]: z.ZodOptional<Shape[K] extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : Shape[K]> };

/**
 * Some settings, to change only those: the same rules without the defaults (a partial of the
 * schema would fill every absent key with its default, and saving one setting would reset the rest).
 */
export const registrySettingsPatchSchema = z.object(
  Object.fromEntries(Object.entries(registrySettingsSchema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()])) as PatchShape,
);

/** The county's name for titles: the one set up, else the bureau's name without 司法局 (沅江市司法局 → 沅江市). */
export function countyNameOf(settings: Pick<RegistrySettings, 'countyName' | 'bureauName'>): string {
  if (settings.countyName) return settings.countyName;
  const region = settings.bureauName.replace(/司法局$/, '');
  return region.length >= 2 ? region : settings.bureauName;
}
