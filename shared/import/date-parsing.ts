import { formatIsoDate, fromDayNumber, isValidDateParts, toDayNumber } from '../domain/dates.ts';
import { removeWhitespace, toHalfWidth } from './text-normalise.ts';

/**
 * Dates as agencies enter them: real date cells (Excel serial numbers, in the 1900 or the 1904
 * date system of the workbook) and text — 2021.3.15, 2021年3月15日, 2021/3/15, 2021-3-15, 20210315.
 * Anything that could be read two ways (a two-digit year, 03/04/2021, a year typed as the number
 * 2021.1 that may mean January or October) is refused with a reason, never guessed.
 */

export type DateParse =
  | { ok: true; iso: string }
  /** Only a year and month ('1985.03', '1985年3月'): enough for 出生年月, not for a certificate date. */
  | { ok: false; kind: 'month'; year: number; month: number; reason: string }
  | { ok: false; kind: 'invalid' | 'ambiguous' | 'range'; reason: string };

export interface DateParseOptions {
  /** The workbook uses the 1904 date system (serial 0 = 1904-01-01). */
  date1904: boolean;
  /** Dates outside these years are refused as implausible (a stray number read as a serial). */
  minYear?: number;
  maxYear?: number;
}

// Serial 0 of the 1900 system is 1899-12-30 (dates.ts accepts years from 1900 only).
const DAY_1900_EPOCH = toDayNumber('1900-01-01') - 2;
const DAY_1904_EPOCH = toDayNumber('1904-01-01');

function checkRange(iso: string, original: string, options: DateParseOptions): DateParse {
  const year = Number(iso.slice(0, 4));
  const min = options.minYear ?? 1900;
  const max = options.maxYear ?? 2199;
  if (year < min || year > max) return { ok: false, kind: 'range', reason: `日期“${original}”（${iso}）不在合理范围（${min}—${max}年）内` };
  return { ok: true, iso };
}

function fromParts(year: number, month: number, day: number, original: string, options: DateParseOptions): DateParse {
  if (!isValidDateParts(year, month, day)) return { ok: false, kind: 'invalid', reason: `“${original}”不是有效日期` };
  return checkRange(formatIsoDate({ year, month, day }), original, options);
}

/** An Excel serial day number to ISO. Serial 60 of the 1900 system is the non-existent 1900-02-29. */
export function excelSerialToIso(serial: number, date1904: boolean): string | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(whole) || whole < 0) return null;
  if (date1904) return fromDayNumber(DAY_1904_EPOCH + whole);
  if (whole === 60 || whole === 0) return null;
  // Excel counts the fictitious 1900-02-29, so serials before it are one day later than the epoch suggests.
  return fromDayNumber(DAY_1900_EPOCH + (whole < 60 ? whole + 1 : whole));
}

function parseNumber(value: number, options: DateParseOptions): DateParse {
  const shown = String(value);
  if (Number.isInteger(value) && value >= 19000101 && value <= 21991231) {
    // 20210315 typed into a number cell.
    return fromParts(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100, shown, options);
  }
  if (value >= 1900 && value < 2200) {
    if (Number.isInteger(value)) return { ok: false, kind: 'invalid', reason: `“${shown}”只有年份，缺少月和日` };
    // 2021.1 typed as a number: January or October? 2021.03 lost its zero and cannot be told from 2021.3.
    return {
      ok: false,
      kind: 'ambiguous',
      reason: `“${shown}”以数字格式保存，无法确定月份（如 2021.1 可能是1月也可能是10月），请按“2021-01-15”格式填写完整日期`,
    };
  }
  if (value < 1 || value > 2_958_465) return { ok: false, kind: 'invalid', reason: `“${shown}”不是日期` };
  const iso = excelSerialToIso(value, options.date1904);
  if (!iso) return { ok: false, kind: 'invalid', reason: `“${shown}”不是有效日期` };
  return checkRange(iso, iso, options);
}

const YMD = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})[日号]?$/;
// A date cell exported as text with its (empty) time: '2021-03-15 00:00:00'.
const TRAILING_TIME = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YM = /^(\d{4})[-./年](\d{1,2})月?$/;
const COMPACT_YM = /^(\d{4})(\d{2})$/;
const TWO_DIGIT_YEAR = /^(\d{2})[-./年](\d{1,2})[-./月](\d{1,2})[日号]?$/;
const DAY_FIRST_OR_MONTH_FIRST = /^(\d{1,2})[-./](\d{1,2})[-./](\d{2}|\d{4})$/;

function parseText(raw: string, options: DateParseOptions): DateParse | null {
  const text = removeWhitespace(toHalfWidth(raw.normalize('NFKC')).trim().replace(TRAILING_TIME, ''));
  if (text === '') return null;
  let m = YMD.exec(text) ?? COMPACT.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), raw.trim(), options);
  m = YM.exec(text) ?? COMPACT_YM.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12 || !isValidDateParts(year, month, 1)) return { ok: false, kind: 'invalid', reason: `“${raw.trim()}”不是有效日期` };
    return { ok: false, kind: 'month', year, month, reason: `“${raw.trim()}”只有年和月，缺少日` };
  }
  if (TWO_DIGIT_YEAR.test(text)) return { ok: false, kind: 'ambiguous', reason: `“${raw.trim()}”的年份只有两位，请填写四位年份` };
  if (DAY_FIRST_OR_MONTH_FIRST.test(text)) {
    return { ok: false, kind: 'ambiguous', reason: `“${raw.trim()}”无法确定哪一位是月、哪一位是日，请按“2021-03-15”格式填写` };
  }
  if (/^\d{4}$/.test(text)) return { ok: false, kind: 'invalid', reason: `“${raw.trim()}”只有年份，缺少月和日` };
  return { ok: false, kind: 'invalid', reason: `“${raw.trim()}”不是可识别的日期，请按“2021-03-15”格式填写` };
}

/**
 * Reads one date cell. Returns null for an empty cell. Numbers are Excel serials (or 20210315);
 * text is read in the formats above.
 */
export function parseDateCell(value: string | number | boolean | null, options: DateParseOptions): DateParse | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return { ok: false, kind: 'invalid', reason: `“${value ? 'TRUE' : 'FALSE'}”不是日期` };
  if (typeof value === 'number') return parseNumber(value, options);
  return parseText(value, options);
}

/**
 * A validity period written in one cell ('2021.3.15至2026.3.14', '2021-03-15～2026-03-14'): its
 * two ends, or null when the text is not a range. A plain hyphen only separates two dates that
 * have other separators themselves, so '2021-3-15' is never split.
 */
export function splitDateRange(text: string): [string, string] | null {
  const t = toHalfWidth(text.normalize('NFKC')).trim();
  const strong = /^(.+?)\s*(?:至|到|~|—|–|――)\s*(.+)$/.exec(t);
  if (strong?.[1] && strong[2]) return [strong[1], strong[2]];
  const hyphen = /^(\d{4}[./年]\d{1,2}[./月]\d{1,2}日?)\s*-\s*(\d{4}[./年]\d{1,2}[./月]\d{1,2}日?)$/.exec(t);
  if (hyphen?.[1] && hyphen[2]) return [hyphen[1], hyphen[2]];
  return null;
}
