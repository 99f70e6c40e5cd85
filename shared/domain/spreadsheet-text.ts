/**
 * Text that goes into a spreadsheet cell. Two dangers: characters XML 1.0 forbids (a stray control
 * character from a pasted document makes the whole .xlsx unreadable), and text a spreadsheet could
 * evaluate as a formula (OWASP ASVS 1.2.10: leading =, +, -, @, tab, CR, NUL), which cannot happen
 * in .xlsx: cells are written as typed strings, which no spreadsheet evaluates.
 */

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters that cannot appear in an .xlsx file. Line breaks and tabs stay. */
export function sanitizeCellText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** Excel column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, Z → 25, AA → 26. */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
