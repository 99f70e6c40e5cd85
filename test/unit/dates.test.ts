import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, formatChineseDate, formatDateTime, isIsoDate, parseIsoDate, validityEnd } from '../../shared/domain/dates.ts';

describe('calendar dates as ISO strings', () => {
  it('accepts only real dates in YYYY-MM-DD form', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2023-4-1')).toBe(false);
    expect(isIsoDate('2023/04/01')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(parseIsoDate('2023-04-30')).toEqual({ year: 2023, month: 4, day: 30 });
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-11-29', 180)).toBe('2027-05-28');
    expect(daysBetween('2026-11-29', '2027-05-28')).toBe(180);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('adds years, folding 29 February into 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-05-10', 5)).toBe('2028-05-10');
  });

  it('ends a 5-year certificate the day before its anniversary', () => {
    expect(validityEnd('2023-05-10', 5)).toBe('2028-05-09');
    expect(validityEnd('2023-01-01', 5)).toBe('2027-12-31');
    expect(validityEnd('2023-03-01', 5)).toBe('2028-02-29');
    // issued on a leap day: valid to the end of February, not a day short
    expect(validityEnd('2024-02-29', 5)).toBe('2029-02-28');
    expect(validityEnd('2024-02-29', 4)).toBe('2028-02-28');
  });

  it('formats the way official documents print dates', () => {
    expect(formatChineseDate('2023-05-01')).toBe('2023年5月1日');
    expect(formatChineseDate('2026-11-29')).toBe('2026年11月29日');
  });
});

describe('a stored moment as the clerk reads it', () => {
  it('is the PC’s local date and minute, written like every other date', () => {
    expect(formatDateTime(new Date(2026, 11, 2, 14, 3, 59).toISOString())).toBe('2026-12-02 14:03');
    expect(formatDateTime(new Date(2027, 0, 9, 7, 5).toISOString())).toBe('2027-01-09 07:05');
  });

  it('leaves text that is not a moment as it is', () => {
    expect(formatDateTime('未知')).toBe('未知');
  });
});
