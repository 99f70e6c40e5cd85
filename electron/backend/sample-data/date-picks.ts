import { addDays, fromDayNumber, toDayNumber } from '../../../shared/domain/dates.ts';
import type { Random } from './random.ts';

/** Small date helpers for drawing plausible dates. ISO strings compare correctly as text. */

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A uniformly random day in [from, to]; null when the range is empty. */
export function randomDay(rng: Random, from: string, to: string): string | null {
  if (from > to) return null;
  return fromDayNumber(rng.int(toDayNumber(from), toDayNumber(to)));
}

/**
 * A random day in [from, to] outside the year `excludedYear`. The report's 428 certificates issued
 * in 2023 are placed on purpose; every other issue date must keep out of that year so the count
 * stays exact.
 */
export function randomDayOutsideYear(rng: Random, from: string, to: string, excludedYear: number): string | null {
  const yearStart = `${excludedYear}-01-01`;
  const yearEnd = `${excludedYear}-12-31`;
  const segments: [string, string][] = [];
  if (from <= to) {
    if (to < yearStart || from > yearEnd) segments.push([from, to]);
    else {
      if (from < yearStart) segments.push([from, addDays(yearStart, -1)]);
      if (to > yearEnd) segments.push([addDays(yearEnd, 1), to]);
    }
  }
  const lengths = segments.map(([a, b]) => toDayNumber(b) - toDayNumber(a) + 1);
  const total = lengths.reduce((s, n) => s + n, 0);
  if (total <= 0) return null;
  let r = rng.int(0, total - 1);
  for (let i = 0; i < segments.length; i += 1) {
    const len = lengths[i] ?? 0;
    const seg = segments[i];
    if (seg && r < len) return addDays(seg[0], r);
    r -= len;
  }
  return null;
}

/** Year of an ISO date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
