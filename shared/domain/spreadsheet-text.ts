/**
 * Text that goes into a spreadsheet cell. Two dangers: characters XML 1.0 forbids (a stray control
 * character from a pasted document makes the whole .xlsx unreadable), and text a spreadsheet could
 * evaluate as a formula (OWASP ASVS 1.2.10: leading =, +, -, @, tab, CR, NUL). A typed string cell
 * is not evaluated on opening, but it is once a clerk edits it (F2, Enter): the writer marks such
 * cells with Excel's leading-apostrophe flag, and CSV gets a literal apostrophe.
 */

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters that cannot appear in an .xlsx file. Line breaks and tabs stay. */
export function sanitizeCellText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text[0] ?? '');
}

/** For CSV, where every cell is re-parsed by the spreadsheet: a leading apostrophe keeps the text literal. */
export function csvSafeText(text: string): string {
  const clean = sanitizeCellText(text.replace(/\0/g, ''));
  return looksLikeFormula(text) ? `'${clean}` : clean;
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
