/**
 * Text from outside — file and folder names, sheet names, cell values quoted in a message — goes
 * to the terminal with its control characters written out: a name holding a line break, an escape
 * sequence (\x1b[2J clears the screen, \x1b]… retitles the window) or a right-to-left override
 * (which shows “名册‮xslx.exe” as “名册exe.xlsx”) must not move the cursor, recolour the terminal or
 * disguise itself.
 */

/** C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional marks and overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every such character shown as an escape (\n, \x1b, \u{202e}). */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const cp = ch.codePointAt(0) ?? 0;
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u{${cp.toString(16)}}`;
  });
}

/** As above, less C0, which JSON.stringify escapes itself. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON.stringify's output with the characters it leaves raw escaped as \uXXXX too: they can only
 * occur inside strings, so the document parses back to exactly the same values.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
