import { describe, expect, it } from 'vitest';
import { legalReviewCoverage, requiredLegalReviewers } from '../../shared/domain/legal-review-ratio.ts';
import { classifyRosterSearch } from '../../shared/domain/roster-query.ts';
import { isTrainingRequired, isTrainingShort, trainingShortfall, trainingYearRange } from '../../shared/domain/training-hours.ts';

describe('legal-review staff ratio', () => {
  it('rounds the required number up, without floating-point surprises', () => {
    expect(requiredLegalReviewers(0, 0.05)).toBe(0);
    expect(requiredLegalReviewers(1, 0.05)).toBe(1);
    expect(requiredLegalReviewers(20, 0.05)).toBe(1);
    expect(requiredLegalReviewers(21, 0.05)).toBe(2);
    // 60 × 0.05 is 3.0000000000000004 in floating point: still 3
    expect(requiredLegalReviewers(60, 0.05)).toBe(3);
    expect(requiredLegalReviewers(174, 0.05)).toBe(9);
    expect(requiredLegalReviewers(100, 0)).toBe(0);
    expect(requiredLegalReviewers(30, 0.1)).toBe(3);
  });

  it('flags a unit below the rule with how many are missing', () => {
    expect(legalReviewCoverage(174, 7, 0.05)).toEqual({ enforcementCount: 174, reviewers: 7, required: 9, missing: 2, ratio: 7 / 174, meetsRule: false });
    expect(legalReviewCoverage(13, 0, 0.05)).toMatchObject({ required: 1, missing: 1, meetsRule: false });
    expect(legalReviewCoverage(6, 1, 0.05)).toMatchObject({ required: 1, missing: 0, meetsRule: true });
    expect(legalReviewCoverage(0, 0, 0.05)).toMatchObject({ required: 0, ratio: null, meetsRule: true });
  });
});

describe('training hours', () => {
  it('measures the shortfall against the yearly requirement', () => {
    expect(trainingShortfall(52, 60)).toBe(8);
    expect(trainingShortfall(60, 60)).toBe(0);
    expect(trainingShortfall(75.5, 60)).toBe(0);
    expect(trainingShortfall(59.5, 60)).toBe(0.5);
    expect(isTrainingShort(59.9, 60)).toBe(true);
    expect(isTrainingShort(60, 60)).toBe(false);
  });

  it('covers a calendar year', () => {
    expect(trainingYearRange(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('applies to staff still in enforcement work only', () => {
    expect(isTrainingRequired({ staffingType: '行政编制', status: '即将到期' })).toBe(true);
    expect(isTrainingRequired({ staffingType: '行政编制', status: '已注销' })).toBe(false);
    expect(isTrainingRequired({ staffingType: '工勤', status: '无证' })).toBe(false);
  });
});

describe('the roster search box', () => {
  it('reads letters as pinyin initials (zw finds 张伟)', () => {
    expect(classifyRosterSearch('zw')).toEqual({ kind: 'initials', initials: 'zw', text: 'ZW' });
    expect(classifyRosterSearch(' ZW ')).toEqual({ kind: 'initials', initials: 'zw', text: 'ZW' });
  });

  it('reads digits (and a final X) as part of an ID or certificate number', () => {
    expect(classifyRosterSearch('6796')).toEqual({ kind: 'digits', digits: '6796' });
    expect(classifyRosterSearch('１２３４')).toEqual({ kind: 'digits', digits: '1234' });
    expect(classifyRosterSearch('11010519491231002x')).toEqual({ kind: 'digits', digits: '11010519491231002X' });
  });

  it('reads anything else as part of a name or certificate number', () => {
    expect(classifyRosterSearch('张 伟')).toEqual({ kind: 'text', text: '张伟' });
    expect(classifyRosterSearch('HN0981')).toEqual({ kind: 'text', text: 'HN0981' });
    expect(classifyRosterSearch('   ')).toEqual({ kind: 'none' });
  });
});
