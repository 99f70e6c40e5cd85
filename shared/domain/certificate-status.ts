import type { CertState } from './certificate-vocabulary.ts';
import { daysBetween } from './dates.ts';

/**
 * The status the clerk sees for a person's certificate, derived from the stored state and dates.
 * This is the only place the rule lives: roster, overview, importer and exports all call it.
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
 * A certificate is valid up to and including its expiry date. It is 即将到期 when the expiry date is
 * within `warningDays` days of today (today + warningDays >= expiry), 已过期 from the day after.
 */
export function deriveCertStatus(cert: CertStatusInput | null | undefined, options: CertStatusOptions): CertStatus {
  if (!cert) return '无证';
  switch (cert.state) {
    case '待考试':
      return '待考试';
    case '考试合格':
      return '待发证';
    case '暂扣':
      return '暂扣';
    case '吊销':
      return '吊销';
    case '已注销':
      return '已注销';
    case '已换发':
      // A replaced card is history; callers pass the person's current card.
      return '已注销';
    case '有效': {
      if (!cert.expiryDate) return '有效';
      const left = daysBetween(options.today, cert.expiryDate);
      if (left < 0) return '已过期';
      if (left <= options.warningDays) return '即将到期';
      return '有效';
    }
  }
}

/** Statuses in which the holder may enforce (counted as 持证). */
export function isCertInForce(status: CertStatus): boolean {
  return status === '有效' || status === '即将到期';
}
