import { normalizeIdNumber } from '../domain/id-number.ts';
import { excelSerialToIso } from './date-parsing.ts';
import { removeWhitespace, tidyText, toHalfWidth } from './text-normalise.ts';

/**
 * Cleaning of single cells before they are checked. A cell arrives as SheetJS gives it with raw
 * values: text, a number, a boolean, or null. Cleaning never changes meaning: it trims, folds
 * full-width digits and letters in codes, IDs, phones and dates, removes spaces typed inside a
 * name (王  伟 → 王伟) and upper-cases the trailing x of an ID number. A number that has lost
 * digits is refused, never "repaired".
 */

export type RawCell = string | number | boolean | null;

export type Cleaned = { ok: true; value: string | null } | { ok: false; code: 'ID_STORED_AS_NUMBER' | 'NUMBER_PRECISION_LOST'; reason: string };

/** Excel keeps 15 significant digits; an integer at or above this has lost its last digits. */
const EXACT_INTEGER_LIMIT = 1e15;

export const ID_AS_NUMBER_MESSAGE = '身份证号以数字格式保存，后几位已丢失，请以文本格式重新填报';

/** How a number cell reads as text: integers without exponent or grouping, decimals as JavaScript prints them. */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** The text a clerk would see for a raw cell (used for display and for text fields). */
export function cellText(value: RawCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/**
 * A cell as the clerk saw it in Excel: a date cell holds a serial number (44270) but shows
 * 2021-03-15, so a number in a date column is shown as its date; everything else as cellText.
 */
export function displayCellText(value: RawCell, isDateColumn: boolean, date1904: boolean): string {
  if (isDateColumn && typeof value === 'number' && value > 3000 && value < 2_958_466) return excelSerialToIso(value, date1904) ?? cellText(value);
  return cellText(value);
}

function emptyToNull(text: string): string | null {
  return text === '' ? null : text;
}

/** Short free text (a post, a unit's name): trimmed, every run of white space (line breaks too) collapsed to one space. */
export function cleanText(value: RawCell): Cleaned {
  return { ok: true, value: emptyToNull(tidyText(cellText(value))) };
}

/**
 * Long free text (a legal basis, numbered conditions, remarks): its line breaks are part of the
 * text (1.初次违法；⏎2.危害后果轻微), so they are kept, normalised to \n; each line loses its
 * trailing white space, and blank lines at the start and the end are dropped.
 */
export function cleanLongText(value: RawCell): Cleaned {
  return { ok: true, value: emptyToNull(tidyLongText(cellText(value))) };
}

const SPACE = '[\\s\\u3000\\u00a0\\u200b\\ufeff]';
const TRAILING_SPACE = new RegExp(`${SPACE}+$`, 'u');
const LEADING_SPACE = new RegExp(`^${SPACE}+`, 'u');

export function tidyLongText(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(TRAILING_SPACE, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n').replace(LEADING_SPACE, '');
}

/** A person's name: no white space at all (王  伟 → 王伟), full-width letters folded. */
export function cleanName(value: RawCell): Cleaned {
  return { ok: true, value: emptyToNull(removeWhitespace(toHalfWidth(cellText(value)))) };
}

/**
 * An ID number. A number cell is always refused when it has 16 or more digits: Excel has already
 * replaced the last digits with zeros in the file. So is scientific notation in text (a CSV saved
 * from such a sheet: '4.30981E+17').
 */
export function cleanIdNumber(value: RawCell): Cleaned {
  if (typeof value === 'number') {
    if (Math.abs(value) >= EXACT_INTEGER_LIMIT || !Number.isInteger(value)) return { ok: false, code: 'ID_STORED_AS_NUMBER', reason: ID_AS_NUMBER_MESSAGE };
    return { ok: true, value: numberText(value) };
  }
  const text = normalizeIdNumber(cellText(value));
  if (/^\d(\.\d+)?E\+\d+$/.test(text)) return { ok: false, code: 'ID_STORED_AS_NUMBER', reason: ID_AS_NUMBER_MESSAGE };
  return { ok: true, value: emptyToNull(text) };
}

/** A certificate number, item code: half-width, no white space. A long number cell has lost digits. */
export function cleanCode(value: RawCell): Cleaned {
  if (typeof value === 'number' && (Math.abs(value) >= EXACT_INTEGER_LIMIT || !Number.isInteger(value))) {
    return { ok: false, code: 'NUMBER_PRECISION_LOST', reason: `编号“${numberText(value)}”以数字格式保存，超过15位的数字已丢失末尾几位，请以文本格式重新填报` };
  }
  return { ok: true, value: emptyToNull(removeWhitespace(toHalfWidth(cellText(value)))) };
}

/** A phone number: half-width digits; spaces dropped; hyphens of landlines kept. */
export function cleanPhone(value: RawCell): Cleaned {
  return { ok: true, value: emptyToNull(removeWhitespace(toHalfWidth(cellText(value)))) };
}

/** Half-width form of a date typed as text (the parser does the rest). */
export function cleanDateText(value: RawCell): RawCell {
  return typeof value === 'string' ? toHalfWidth(value).trim() : value;
}
