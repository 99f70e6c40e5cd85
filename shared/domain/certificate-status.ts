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
  return (IN_FORCE_STATUSES as readonly CertStatus[]).includes(status);
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

/**
 * The groups in which the overview, the dashboard and the audit workbook count people, with the
 * words they all print. Every status falls in exactly one group, so the groups add up to everyone.
 */
export const CERT_STATUS_CATEGORIES = [
  { key: 'valid', label: '有效', statuses: ['有效'] },
  { key: 'expiring', label: '即将到期', statuses: ['即将到期'] },
  { key: 'expired', label: '已过期', statuses: ['已过期'] },
  { key: 'suspendedOrRevoked', label: '暂扣 / 吊销', statuses: ['暂扣', '吊销'] },
  { key: 'cancelled', label: '已注销', statuses: ['已注销'] },
  { key: 'pending', label: '待考试 / 待发证', statuses: ['待考试', '待发证'] },
  { key: 'none', label: '无证', statuses: ['无证'] },
] as const satisfies readonly { key: string; label: string; statuses: readonly CertStatus[] }[];
export type CertStatusCategory = (typeof CERT_STATUS_CATEGORIES)[number]['key'];
export const CERT_STATUS_CATEGORY_KEYS = CERT_STATUS_CATEGORIES.map((c) => c.key) as readonly CertStatusCategory[];

/** People who hold a card in force (有效 + 即将到期): the overview's 持证有效, the audit's 持证. */
export const IN_FORCE_LABEL = '持证有效';

/** The statuses counted as 持证 (isCertInForce): the categories 有效 and 即将到期 together. */
export const IN_FORCE_STATUSES = ['有效', '即将到期'] as const satisfies readonly CertStatus[];

/**
 * The roster address that lists the people of some statuses (#/personnel?status=…): every figure
 * of a status group links here, and the roster's status filter reads the same parameter, so a
 * figure and the list it opens count the same people.
 */
export function rosterStatusLink(statuses: readonly CertStatus[], extra = ''): string {
  return `/personnel?status=${encodeURIComponent(statuses.join(','))}${extra ? `&${extra}` : ''}`;
}

export function certStatusCategory(status: CertStatus): CertStatusCategory {
  const found = CERT_STATUS_CATEGORIES.find((c) => (c.statuses as readonly CertStatus[]).includes(status));
  if (!found) throw new Error(`status ${status} has no category`);
  return found.key;
}

export function certStatusCategoryOf(key: CertStatusCategory): (typeof CERT_STATUS_CATEGORIES)[number] {
  const found = CERT_STATUS_CATEGORIES.find((c) => c.key === key);
  if (!found) throw new Error(`unknown category ${key}`);
  return found;
}

export type CategoryCounts = Record<CertStatusCategory, number>;

export function emptyCategoryCounts(): CategoryCounts {
  return { valid: 0, expiring: 0, expired: 0, suspendedOrRevoked: 0, cancelled: 0, pending: 0, none: 0 };
}

/** Holding rate (持证率): people holding a card in force among all the people counted, or null for none. */
export function holdingRate(counts: CategoryCounts): number | null {
  const total = CERT_STATUS_CATEGORY_KEYS.reduce((sum, k) => sum + counts[k], 0);
  return total === 0 ? null : (counts.valid + counts.expiring) / total;
}
