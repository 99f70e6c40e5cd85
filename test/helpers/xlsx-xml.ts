import { strFromU8, unzipSync } from 'fflate';

/**
 * Reads an .xlsx file's XML directly, for what ExcelJS does not read back: Excel's quote-prefix
 * flag on a cell's format, and whether any cell holds a formula.
 */

export interface TextCell {
  part: string;
  ref: string;
  text: string;
  /** The cell's format has quotePrefix="1" (Excel's leading-apostrophe escape). */
  quotePrefix: boolean;
  /** The cell's number format is text (@, built-in id 49). */
  textFormat: boolean;
}

function decode(xml: string): string {
  return xml
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function xlsxParts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(
    Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([name, data]) => [name.replace(/^\//, ''), strFromU8(data)]),
  );
}

interface Xf {
  quotePrefix: boolean;
  numFmtId: number;
}

function cellFormats(styles: string): Xf[] {
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => ({
    quotePrefix: /\bquotePrefix="1"/.test(m[1] ?? ''),
    numFmtId: Number(/\bnumFmtId="(\d+)"/.exec(m[1] ?? '')?.[1] ?? 0),
  }));
}

/** Every text cell of every worksheet, with its format's quote-prefix and text-format flags. */
export function textCells(bytes: Uint8Array): TextCell[] {
  const parts = xlsxParts(bytes);
  const xfs = cellFormats(parts.get('xl/styles.xml') ?? '');
  const shared = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decode([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1] ?? '').join('')),
  );
  const out: TextCell[] = [];
  for (const [part, xml] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) continue;
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1] ?? '';
      const body = m[2] ?? '';
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      let text: string | null = null;
      if (type === 'str') text = decode(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      else if (type === 'inlineStr') text = decode([...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1] ?? '').join(''));
      else if (type === 's') text = shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1] ?? -1)] ?? null;
      if (text === null) continue;
      const xf = xfs[Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0)];
      out.push({ part, ref: /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? '', text, quotePrefix: xf?.quotePrefix ?? false, textFormat: xf?.numFmtId === 49 });
    }
  }
  return out;
}

/** Number of formula elements in all worksheets (the program never writes one). */
export function formulaCount(bytes: Uint8Array): number {
  let n = 0;
  for (const [part, xml] of xlsxParts(bytes)) if (part.startsWith('xl/worksheets/')) n += (xml.match(/<f[\s>]/g) ?? []).length;
  return n;
}

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

export function looksLikeFormulaText(text: string): boolean {
  return TRIGGERS.includes(text[0] ?? '');
}

/** Text cells that a spreadsheet could take for a formula and that are not escaped. */
export function unescapedFormulaCells(bytes: Uint8Array): TextCell[] {
  return textCells(bytes).filter((c) => looksLikeFormulaText(c.text) && !(c.quotePrefix && c.textFormat));
}
