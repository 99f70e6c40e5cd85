/**
 * Calendar dates as ISO strings (YYYY-MM-DD). The registry deals in whole days; keeping dates as
 * strings avoids every time-zone surprise of `Date` (a clerk in UTC+8 must never see a date shift).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function parseIsoDate(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDateParts(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

export function formatIsoDate(parts: DateParts): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

function mustParse(value: string): DateParts {
  const parts = parseIsoDate(value);
  if (!parts) throw new RangeError(`Not an ISO date: ${value}`);
  return parts;
}

/** Days since 1970-01-01 for an ISO date (proleptic Gregorian, no time zone involved). */
export function toDayNumber(value: string): number {
  const { year, month, day } = mustParse(value);
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * 86_400_000);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(value: string, days: number): string {
  return fromDayNumber(toDayNumber(value) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Adds calendar years; 29 February becomes 28 February in a common year. */
export function addYears(value: string, years: number): string {
  const { year, month, day } = mustParse(value);
  const targetYear = year + years;
  return formatIsoDate({ year: targetYear, month, day: Math.min(day, daysInMonth(targetYear, month)) });
}

/**
 * The last day of a certificate valid for `years` from `issueDate`: the day before the anniversary
 * (2023-05-10 → 2028-05-09). A card issued on 29 February whose anniversary falls in a common year
 * runs to the end of February (2024-02-29 → 2029-02-28), not a day short.
 */
export function validityEnd(issueDate: string, years: number): string {
  const { year, month, day } = mustParse(issueDate);
  if (month === 2 && day === 29 && !isLeapYear(year + years)) return formatIsoDate({ year: year + years, month: 2, day: 28 });
  return addDays(addYears(issueDate, years), -1);
}

/** Local calendar date of a JS Date (the clerk's PC clock), as ISO. */
export function isoDateOf(date: Date): string {
  return formatIsoDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

/**
 * A stored moment (ISO with its zone, e.g. operations.at in UTC) as the clerk reads every date and
 * time: the PC's local time as 2026-12-02 14:03, not the locale's 2026/12/2 14:03:07. Text that is
 * not a moment is returned unchanged.
 */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${isoDateOf(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2023-05-01" → "2023年5月1日", the form printed on Chinese official documents. */
export function formatChineseDate(value: string): string {
  const { year, month, day } = mustParse(value);
  return `${year}年${month}月${day}日`;
}
