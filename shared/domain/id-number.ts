import { formatIsoDate, isValidDateParts } from './dates.ts';
import type { Sex } from './personnel-fields.ts';

/**
 * Resident ID numbers, GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence
 * (odd = male, even = female) and a check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'empty' | 'old_15_digit' | 'length' | 'characters' | 'birth_date' | 'birth_in_future' | 'check_digit';

export type IdNumberCheck = { ok: true; idNumber: string; regionCode: string; birthDate: string; sex: Sex } | { ok: false; problem: IdNumberProblem; message: string };

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Checks an ID number that has already been cleaned (trimmed, half-width, upper-case X; see
 * normalizeIdNumber). `today` bounds the birth date.
 */
export function checkIdNumber(idNumber: string, today?: string): IdNumberCheck {
  if (idNumber.length === 0) return { ok: false, problem: 'empty', message: '身份证号为空' };
  if (/^\d{15}$/.test(idNumber)) {
    return { ok: false, problem: 'old_15_digit', message: '这是15位旧身份证号，请填写18位身份证号' };
  }
  if (idNumber.length !== 18) {
    return { ok: false, problem: 'length', message: `身份证号应为18位，实际为${idNumber.length}位` };
  }
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return { ok: false, problem: 'characters', message: '身份证号只能由数字组成，最后一位可以是X' };
  }
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  if (!isValidDateParts(year, month, day)) {
    return { ok: false, problem: 'birth_date', message: `身份证号中的出生日期 ${idNumber.slice(6, 14)} 不是有效日期` };
  }
  const birthDate = formatIsoDate({ year, month, day });
  if (today !== undefined && birthDate > today) {
    return { ok: false, problem: 'birth_in_future', message: `身份证号中的出生日期 ${birthDate} 晚于今天` };
  }
  const expected = idCheckChar(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) {
    return {
      ok: false,
      problem: 'check_digit',
      message: `身份证号校验位错误（最后一位应为 ${expected}，实际为 ${idNumber[17]}），请核对号码是否抄错`,
    };
  }
  const sequence = Number(idNumber.slice(14, 17));
  return {
    ok: true,
    idNumber,
    regionCode: idNumber.slice(0, 6),
    birthDate,
    sex: sequence % 2 === 1 ? '男' : '女',
  };
}

const FULL_WIDTH_OFFSET = 0xfee0;

/** Trims, folds full-width digits and letters to half-width, drops inner spaces, upper-cases x. */
export function normalizeIdNumber(raw: string): string {
  let out = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (!/\s/.test(ch) && ch !== '\u3000') out += ch;
  }
  return out.toUpperCase();
}

/** 430981********1234: the display limit of GB/T 35273 (first 6 and last 4 shown). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

/** Builds a valid ID number from its parts (sample data and tests). */
export function composeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/**
 * The sex the ID number states when it contradicts the recorded one, else null (also null for an
 * ID number that does not pass the check: that is reported on its own).
 */
export function idSexMismatch(idNumber: string, recordedSex: Sex): Sex | null {
  const check = checkIdNumber(idNumber);
  return check.ok && check.sex !== recordedSex ? check.sex : null;
}
