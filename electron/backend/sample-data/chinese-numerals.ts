/**
 * Chinese numerals as laws cite their articles (第四十一条, 第一百一十五条), so generated 实施依据
 * read like the real documents.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

/** 1 … 999 in the form used for article numbers (十一, not 一十一; 一百零五). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`chineseNumber supports 1–999, got ${n}`);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = '';
  if (hundreds > 0) out += `${digit(hundreds)}百`;
  if (tens > 0) out += hundreds === 0 && tens === 1 ? '十' : `${digit(tens)}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += digit(ones);
  return out;
}

export function articleRef(law: string, article: number): string {
  return `${law}第${chineseNumber(article)}条`;
}
