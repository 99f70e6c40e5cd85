/**
 * 发文字号 (文号) in the official form of GB/T 9704-2012 §7.2.4: 机关代字 + 年份 in 六角括号〔〕 +
 * 顺序号 without leading zeros or 第, ending in 号 — 沅教发〔2026〕12号. Agencies type the brackets
 * every way a keyboard allows ([2026], (2026), 【2026】, ［2026］), full-width digits, 第12号, 012号;
 * one form makes the registry searchable and its printouts right.
 *
 * Only a text that reads as such a number is rewritten; anything else (湘政办函〔2026〕 without a
 * number, a free-text reference, an empty string) is kept as typed, trimmed.
 */

const FULL_WIDTH_DIGIT = /[０-９]/g;
const OPEN_BRACKETS = '[［(（【〔〖{｛<＜《';
const CLOSE_BRACKETS = ']］)）】〕〗}｝>＞》';

const DOC_NUMBER = new RegExp(
  `^(?<prefix>[^\\s${escapeClass(OPEN_BRACKETS)}]+?)\\s*[${escapeClass(OPEN_BRACKETS)}]\\s*(?<year>(?:19|20)\\d{2})\\s*[${escapeClass(CLOSE_BRACKETS)}]\\s*第?\\s*(?<seq>\\d{1,6})\\s*号?$`,
  'u',
);

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** The official form of a 文号, or the text as typed (trimmed) when it does not read as one. */
export function normaliseDocNumber(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = DOC_NUMBER.exec(digits);
  if (!m?.groups) return trimmed;
  const { prefix = '', year = '', seq = '' } = m.groups;
  return `${prefix}〔${year}〕${String(Number(seq))}号`;
}

/** The same for an optional reference: null and blank stay null. */
export function normaliseDocRef(text: string | null): string | null {
  if (text === null) return null;
  const normal = normaliseDocNumber(text);
  return normal === '' ? null : normal;
}
