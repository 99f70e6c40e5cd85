import { toSimplified } from './traditional-chars.ts';

/**
 * Text normalisers for what agencies type. Two jobs: making headers and vocabulary comparable
 * however they are spelled (full-width, traditional, spaces, hints in brackets), and cleaning the
 * values of code-like cells (IDs, phones, dates) where a full-width digit is just a typing accident.
 */

const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

/** Full-width ASCII (！ to ～) → half-width, and the ideographic space → a space. Chinese characters are kept. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

export function removeWhitespace(text: string): string {
  return text.replace(WHITESPACE, '');
}

/** Trims and turns every run of white space (including full-width and no-break spaces) into one space. */
export function tidyText(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

// Required-field stars, bullets and the punctuation people put between words of a header.
const HEADER_NOISE = /[*＊※★☆●○◆■□▲△:：;；,，、。.．·•\-_—–~～/／\\|'"“”‘’`!！?？#＃]/g;
// A hint in brackets: 身份证号（18位）, 出生年月(年.月), 是否法制审核人员（是/否）.
const BRACKETED = /[(（[【〔<《][^)）\]】〕>》]*[)）\]】〕>》]/g;

/**
 * The comparable form of a header: NFKC (full-width → half-width), simplified characters, no
 * white space, no bracketed hints, no punctuation. '身份證號碼（18位）*' → '身份证号码'.
 */
export function normaliseHeader(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(BRACKETED, '').replace(WHITESPACE, '').replace(HEADER_NOISE, '').toLowerCase();
}

/**
 * The comparable form of a free-text key (an item's name, a violation): NFKC, simplified, no white
 * space, no punctuation. Two rows whose keys are equal describe the same matter.
 */
export function normaliseKeyText(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .replace(WHITESPACE, '')
    .replace(/[\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** The comparable form of a unit name or vocabulary word: NFKC, simplified, no white space. */
export function normaliseWord(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(WHITESPACE, '');
}
