import { isActiveOfficer } from './certificate-rules.ts';
import type { CertStatus } from './certificate-status.ts';
import type { StaffingType } from './personnel-fields.ts';

/**
 * The yearly training requirement: at least `annualTrainingHours` class hours (学时) of professional
 * and legal training per enforcement officer per calendar year (60 by default, see settings).
 */

export interface YearRange {
  from: string;
  to: string;
}

/** First and last day of a calendar year, for `training_date BETWEEN from AND to`. */
export function trainingYearRange(year: number): YearRange {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/**
 * Who the requirement applies to: enforcement and supervision staff still in that work. Hired
 * auxiliaries and 工勤 staff are not 行政执法人员; a person whose card was cancelled or revoked has
 * left enforcement work.
 */
export function isTrainingRequired(person: { staffingType: StaffingType; status: CertStatus }): boolean {
  return isActiveOfficer(person);
}

/** Hours still missing this year (0 when the requirement is met). Hours are kept to one decimal. */
export function trainingShortfall(hours: number, required: number): number {
  return Math.max(0, Math.round((required - hours) * 10) / 10);
}

export function isTrainingShort(hours: number, required: number): boolean {
  return trainingShortfall(hours, required) > 0;
}
