/**
 * Legal-review staff (法制审核人员): in principle at least 5 % of a unit's enforcement personnel
 * (国办发〔2018〕118号). The share is a setting; the count is rounded up, so a unit with 1–20
 * officers needs 1 reviewer at 5 %, 21–40 need 2, and a unit with no officers needs none.
 */

export function requiredLegalReviewers(enforcementCount: number, minRatio: number): number {
  if (enforcementCount <= 0 || minRatio <= 0) return 0;
  // 60 × 0.05 is 3.0000000000000004 in binary floating point; without the tolerance it would round up to 4.
  return Math.ceil(enforcementCount * minRatio - 1e-9);
}

export interface LegalReviewCoverage {
  enforcementCount: number;
  reviewers: number;
  required: number;
  /** Reviewers still missing (0 when the unit meets the rule). */
  missing: number;
  /** reviewers / enforcementCount, or null for a unit without officers. */
  ratio: number | null;
  meetsRule: boolean;
}

export function legalReviewCoverage(enforcementCount: number, reviewers: number, minRatio: number): LegalReviewCoverage {
  const required = requiredLegalReviewers(enforcementCount, minRatio);
  return {
    enforcementCount,
    reviewers,
    required,
    missing: Math.max(0, required - reviewers),
    ratio: enforcementCount > 0 ? reviewers / enforcementCount : null,
    meetsRule: reviewers >= required,
  };
}
