import type { CertState } from './certificate-vocabulary.ts';
import { addDays, daysBetween } from './dates.ts';

/**
 * The status the clerk sees for a person's certificate, derived from the stored state and dates.
 * This is the only place the rule lives: roster, overview, importer and exports all call it (the
 * roster's SQL filter uses `certStatusThresholds` and `STATUS_OF_STATE` from here, and a test checks
 * that SQL and this function agree on every boundary day).
 */
export const CERT_STATUSES = ['有效', '即将到期', '已过期', '暂扣', '吊销', '已注销', '待考试', '待发证', '无证'] as const;
export type CertStatus = (typeof CERT_STATUSES)[number];

export interface CertStatusInput {
  state: CertState;
  expiryDate: string | null;
}

export interface CertStatusOptions {
  today: string;
  /** 即将到期 starts this many days before the expiry date (default 180: Hunan re-exam 6 months ahead). */
  warningDays: number;
}

/**
 * The status of every stored state that does not depend on dates. 有效 depends on the expiry date
 * (see deriveCertStatus). A replaced card (已换发) is history: callers pass the person's current card,
 * so it only shows up when someone asks about an old card directly.
 */
export const STATUS_OF_STATE: Readonly<Record<Exclude<CertState, '有效'>, CertStatus>> = {
  待考试: '待考试',
  考试合格: '待发证',
  暂扣: '暂扣',
  吊销: '吊销',
  已注销: '已注销',
  已换发: '已注销',
};

export interface CertStatusThresholds {
  /** A card in state 有效 whose expiry date is before this day is 已过期. */
  expiredBefore: string;
  /** … and one whose expiry date is on or before this day (and not expired) is 即将到期. */
  expiringUntil: string;
}

/**
 * A certificate is valid up to and including its expiry date. It is 即将到期 when the expiry date is
 * at most `warningDays` days after today, 已过期 from the day after the expiry date. Expressed as two
 * ISO dates so SQL can apply the same rule with plain string comparisons.
 */
export function certStatusThresholds(options: CertStatusOptions): CertStatusThresholds {
  return { expiredBefore: options.today, expiringUntil: addDays(options.today, options.warningDays) };
}

export function deriveCertStatus(cert: CertStatusInput | null | undefined, options: CertStatusOptions): CertStatus {
  if (!cert) return '无证';
  if (cert.state !== '有效') return STATUS_OF_STATE[cert.state];
  if (!cert.expiryDate) return '有效';
  const { expiredBefore, expiringUntil } = certStatusThresholds(options);
  if (cert.expiryDate < expiredBefore) return '已过期';
  if (cert.expiryDate <= expiringUntil) return '即将到期';
  return '有效';
}

/** Statuses in which the holder may enforce (counted as 持证). */
export function isCertInForce(status: CertStatus): boolean {
  return status === '有效' || status === '即将到期';
}

/** Statuses of people who have left enforcement work, or lost the right to it, with this card. */
export const CLOSED_CERT_STATUSES = ['已注销', '吊销'] as const satisfies readonly CertStatus[];

export function isCertClosed(status: CertStatus): boolean {
  return (CLOSED_CERT_STATUSES as readonly CertStatus[]).includes(status);
}

/** Days from today to the expiry date (negative once expired); null for a card without one. */
export function daysToExpiry(expiryDate: string | null, today: string): number | null {
  return expiryDate ? daysBetween(today, expiryDate) : null;
}
