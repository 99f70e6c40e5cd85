import { describe, expect, it } from 'vitest';
import {
  CERT_STATUS_CATEGORIES,
  CERT_STATUSES,
  certStatusCategory,
  certStatusCategoryOf,
  certStatusThresholds,
  daysToExpiry,
  deriveCertStatus,
  emptyCategoryCounts,
  holdingRate,
  isCertClosed,
  isCertInForce,
  type CertStatus,
} from '../../shared/domain/certificate-status.ts';
import type { CertState } from '../../shared/domain/certificate-vocabulary.ts';

const today = '2026-11-29';
const options = { today, warningDays: 180 };
const valid = (expiryDate: string | null) => deriveCertStatus({ state: '有效', expiryDate }, options);

describe('derived certificate status', () => {
  it('is 无证 without a card', () => {
    expect(deriveCertStatus(null, options)).toBe('无证');
    expect(deriveCertStatus(undefined, options)).toBe('无证');
  });

  it('keeps a card valid through its expiry date and expired from the day after', () => {
    expect(valid('2026-11-29')).toBe('即将到期');
    expect(valid('2026-11-28')).toBe('已过期');
    expect(valid('2020-01-01')).toBe('已过期');
  });

  it('warns exactly `warningDays` days ahead (180: Hunan re-exam six months before expiry)', () => {
    // 2026-11-29 + 180 days = 2027-05-28
    expect(valid('2027-05-28')).toBe('即将到期');
    expect(valid('2027-05-29')).toBe('有效');
    expect(deriveCertStatus({ state: '有效', expiryDate: '2027-05-29' }, { today, warningDays: 181 })).toBe('即将到期');
    expect(deriveCertStatus({ state: '有效', expiryDate: '2026-12-29' }, { today, warningDays: 30 })).toBe('即将到期');
    expect(deriveCertStatus({ state: '有效', expiryDate: '2026-12-30' }, { today, warningDays: 30 })).toBe('有效');
  });

  it('handles the leap day and a year boundary', () => {
    expect(deriveCertStatus({ state: '有效', expiryDate: '2028-02-29' }, { today: '2028-02-29', warningDays: 180 })).toBe('即将到期');
    expect(deriveCertStatus({ state: '有效', expiryDate: '2028-02-29' }, { today: '2028-03-01', warningDays: 180 })).toBe('已过期');
    expect(deriveCertStatus({ state: '有效', expiryDate: '2027-01-01' }, { today: '2026-12-31', warningDays: 0 })).toBe('有效');
    expect(deriveCertStatus({ state: '有效', expiryDate: '2026-12-31' }, { today: '2026-12-31', warningDays: 0 })).toBe('即将到期');
  });

  it('treats a valid card without an expiry date as valid', () => {
    expect(valid(null)).toBe('有效');
  });

  it.each<[CertState, CertStatus]>([
    ['待考试', '待考试'],
    ['考试合格', '待发证'],
    ['暂扣', '暂扣'],
    ['吊销', '吊销'],
    ['已注销', '已注销'],
    ['已换发', '已注销'],
  ])('shows stored state %s as %s whatever the dates', (state, status) => {
    expect(deriveCertStatus({ state, expiryDate: '2000-01-01' }, options)).toBe(status);
    expect(deriveCertStatus({ state, expiryDate: '2099-01-01' }, options)).toBe(status);
  });

  it('exposes the rule as two threshold dates for SQL', () => {
    expect(certStatusThresholds(options)).toEqual({ expiredBefore: '2026-11-29', expiringUntil: '2027-05-28' });
  });

  it('counts 有效 and 即将到期 as in force, 已注销 and 吊销 as closed', () => {
    expect(isCertInForce('有效')).toBe(true);
    expect(isCertInForce('即将到期')).toBe(true);
    for (const s of ['已过期', '暂扣', '吊销', '已注销', '待考试', '待发证', '无证'] as const) expect(isCertInForce(s)).toBe(false);
    expect(isCertClosed('已注销')).toBe(true);
    expect(isCertClosed('吊销')).toBe(true);
    expect(isCertClosed('暂扣')).toBe(false);
  });

  it('counts days to expiry', () => {
    expect(daysToExpiry('2026-12-05', today)).toBe(6);
    expect(daysToExpiry('2026-05-11', today)).toBe(-202);
    expect(daysToExpiry(null, today)).toBeNull();
  });
});

describe('status groups (overview, dashboard and audit count in these)', () => {
  it('put every status in exactly one group', () => {
    for (const status of CERT_STATUSES) {
      expect(
        CERT_STATUS_CATEGORIES.filter((c) => (c.statuses as readonly string[]).includes(status)),
        status,
      ).toHaveLength(1);
      expect(certStatusCategoryOf(certStatusCategory(status)).statuses).toContain(status);
    }
    expect(CERT_STATUS_CATEGORIES.map((c) => c.label)).toEqual(['有效', '即将到期', '已过期', '暂扣 / 吊销', '已注销', '待考试 / 待发证', '无证']);
  });

  it('count the holding rate over everyone counted', () => {
    expect(holdingRate({ ...emptyCategoryCounts(), valid: 6, expiring: 2, none: 2 })).toBe(0.8);
    expect(holdingRate(emptyCategoryCounts())).toBeNull();
  });
});
