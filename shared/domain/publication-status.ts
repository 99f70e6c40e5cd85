import { daysBetween } from './dates.ts';

/**
 * Whether an agency's catalog and four lists are currently published, from its most recent
 * publication document. One rule for the overview, the catalog page and the exports.
 */
export const PUBLICATION_STATUSES = ['未发布', '已发布', '已失效'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export interface PublicationDates {
  publishDate: string;
  validTo: string | null;
  revoked: boolean;
}

export function derivePublicationStatus(latest: PublicationDates | null | undefined, today: string): PublicationStatus {
  if (!latest) return '未发布';
  if (latest.revoked) return '已失效';
  if (latest.publishDate > today) return '未发布';
  if (latest.validTo !== null && latest.validTo < today) return '已失效';
  return '已发布';
}

/** True when a published document ends within `warningDays` days. */
export function isPublicationExpiringSoon(latest: PublicationDates | null | undefined, today: string, warningDays: number): boolean {
  if (!latest || derivePublicationStatus(latest, today) !== '已发布' || latest.validTo === null) return false;
  return daysBetween(today, latest.validTo) <= warningDays;
}
