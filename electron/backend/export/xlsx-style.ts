import type ExcelJS from 'exceljs';

/**
 * How every workbook the program writes looks and prints: fonts, fills, borders, number formats,
 * A4 page setup and footer, column widths for Chinese text, row heights for wrapped text, and an
 * estimate of where the printed pages break. One module, so a roster, the audit workbook, an error
 * workbook and a template look alike. Style objects are built once and shared: ExcelJS registers a
 * style per object identity, which keeps a 100,000-row sheet fast.
 */

export type CellKind = 'general' | 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'difference';
export type Align = 'left' | 'center' | 'right';
export type RowRole = 'data' | 'group' | 'subtotal' | 'total' | 'reported' | 'difference';
export type MarkLevel = 'error' | 'warning' | 'note' | 'alert';

/** Number formats (only IDs, certificate numbers and codes are text). */
export const NUMBER_FORMATS: Readonly<Record<Exclude<CellKind, 'general'>, string>> = {
  text: '@',
  integer: '0',
  decimal: '0.0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  // Registry − report: the size with its sign; zero plain (the font turns red when non-zero).
  difference: '+0;-0;0',
};

/** The long form used in titles and lines (2024年3月15日). */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const GREY = 'FF8C8C8C';
export const BORDER: Partial<ExcelJS.Borders> = Object.freeze({
  top: { style: 'thin', color: { argb: GREY } },
  left: { style: 'thin', color: { argb: GREY } },
  bottom: { style: 'thin', color: { argb: GREY } },
  right: { style: 'thin', color: { argb: GREY } },
});

const FONT_NAME = '宋体';
const HEADING_FONT_NAME = '黑体';
export const FONT_SIZE = 11;
/** Points per line of 11-point CJK text, with the leading WPS and LibreOffice give it. */
export const LINE_HEIGHT = 15;

const fontOf = (over: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> => Object.freeze({ name: FONT_NAME, size: FONT_SIZE, ...over });
export const FONTS = {
  body: fontOf({}),
  bold: fontOf({ bold: true }),
  header: fontOf({ name: HEADING_FONT_NAME, bold: true }),
  title: fontOf({ name: HEADING_FONT_NAME, size: 16, bold: true }),
  alert: fontOf({ bold: true, color: { argb: 'FFCF1322' } }),
} as const;

const solid = (argb: string): ExcelJS.Fill => Object.freeze({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const FILLS = {
  header: solid('FFE7EEF7'),
  group: solid('FFF2F2F2'),
  subtotal: solid('FFF5F5F5'),
  total: solid('FFE8E8E8'),
  reported: solid('FFFFFBE6'),
  error: solid('FFFFC7CE'),
  warning: solid('FFFFEB9C'),
  note: solid('FFDDEBF7'),
} as const;

/** Page setup of every table sheet: A4, fitted to one page wide, as many pages tall as it takes. */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 } as const;
export function pageSetup(orientation: 'portrait' | 'landscape'): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...PAGE_MARGINS },
  };
}
export const FOOTER = '&C第 &P 页 共 &N 页';
export const HEADER_FOOTER: Partial<ExcelJS.HeaderFooter> = Object.freeze({ oddFooter: FOOTER });

// ---------------------------------------------------------------------------------------------
// Cell styles, built once per combination and shared.

export interface StyleKey {
  kind: CellKind;
  align: Align;
  wrap: boolean;
  role: RowRole;
  mark: MarkLevel | null;
  /** Text that looks like a formula: Excel's leading-apostrophe escape (see quote-prefix.ts). */
  quoted: boolean;
}

const ROW_FILL: Partial<Record<RowRole, ExcelJS.Fill>> = {
  group: FILLS.group,
  subtotal: FILLS.subtotal,
  total: FILLS.total,
  reported: FILLS.reported,
  difference: FILLS.reported,
};

const styleCache = new Map<string, Partial<ExcelJS.Style>>();

/** The shared style object of a body cell. */
export function cellStyle(key: StyleKey): Partial<ExcelJS.Style> {
  const id = `${key.kind}|${key.align}|${key.wrap ? 1 : 0}|${key.role}|${key.mark ?? ''}|${key.quoted ? 1 : 0}`;
  let style = styleCache.get(id);
  if (!style) {
    const emphasised = key.role === 'subtotal' || key.role === 'total' || key.role === 'group';
    const font = key.mark === 'alert' ? FONTS.alert : emphasised ? FONTS.bold : FONTS.body;
    const fill = key.mark && key.mark !== 'alert' ? FILLS[key.mark] : ROW_FILL[key.role];
    const numFmt = key.quoted ? NUMBER_FORMATS.text : key.kind === 'general' ? undefined : NUMBER_FORMATS[key.kind];
    const built: Partial<ExcelJS.Style> & { quotePrefix?: boolean } = {
      font,
      border: BORDER,
      alignment: Object.freeze({ horizontal: key.align, vertical: 'middle', wrapText: key.wrap }),
      ...(fill ? { fill } : {}),
      ...(numFmt ? { numFmt } : {}),
      ...(key.quoted ? { quotePrefix: true } : {}),
    };
    style = Object.freeze(built);
    styleCache.set(id, style);
  }
  return style;
}

export const HEADER_STYLE: Partial<ExcelJS.Style> = Object.freeze({
  font: FONTS.header,
  fill: FILLS.header,
  border: BORDER,
  alignment: Object.freeze({ horizontal: 'center', vertical: 'middle', wrapText: true }),
});
export const TITLE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: FONTS.title, alignment: Object.freeze({ horizontal: 'center', vertical: 'middle', wrapText: true }) });

/** Height of the 16-point title over a table `width` units wide (a long title over a narrow table takes two lines). */
export function titleHeight(title: string, width: number): number {
  return linesIn(title, (width * FONT_SIZE) / 16) * 24 + 6;
}
export const LINE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: FONTS.body, alignment: Object.freeze({ horizontal: 'left', vertical: 'middle', wrapText: true }) });
export const TEXT_SHEET_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: FONTS.body, alignment: Object.freeze({ wrapText: true, vertical: 'top' }) });

const quotedCache = new WeakMap<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();

/** A style with Excel's leading-apostrophe escape and the text format, for formula-looking text. */
export function quotedStyle(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let quoted = quotedCache.get(style);
  if (!quoted) {
    quoted = Object.freeze({ ...style, numFmt: NUMBER_FORMATS.text, quotePrefix: true });
    quotedCache.set(style, quoted);
  }
  return quoted;
}

// ---------------------------------------------------------------------------------------------
// Widths and heights. A column width is in characters of the default font's digit width; a CJK
// character takes about two.

/** Display width of a text in width units: CJK and full-width characters count 2, others 1. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code > 0x2e7f ? 2 : 1;
  }
  return w;
}

/** The widest line of a text. */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, textWidth(line));
  return widest;
}

/** A column width that fits `texts` (the header counts too), within [min, max]. */
export function fitWidth(texts: Iterable<string>, min: number, max: number): number {
  let widest = 0;
  for (const t of texts) widest = Math.max(widest, widestLine(t));
  return Math.max(min, Math.min(max, widest + 2));
}

/** Lines a text wraps to in a column `width` units wide. */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(2, width - 1.5);
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(textWidth(line) / usable));
  return lines;
}

/** Height in points of a row whose tallest cell takes `lines` lines. */
export function rowHeightFor(lines: number): number {
  return Math.max(1, lines) * LINE_HEIGHT + 3;
}

/** The signature line after a table: 制表人：＿＿＿＿＿　　审核人：＿＿＿＿＿　　日期：　　年　　月　　日 (short enough for a portrait page). */
export function signatureLine(items: readonly string[]): string {
  return items.map((item) => (item === '日期' ? '日期：　　　年　　月　　日' : `${item}：＿＿＿＿＿`)).join('　　　');
}

// ---------------------------------------------------------------------------------------------
// Printed pages. With "fit to one page wide" each program picks its own scale from its own font
// metrics (Excel and WPS measure columns in Calibri's 7-pixel digits; LibreOffice without Calibri
// in DejaVu Sans, about a third wider, so it prints smaller). Left to themselves they break pages
// in different places. The writer therefore sets the page breaks itself: as many rows per page as
// fit at the largest scale any of them uses, so each page holds the same rows everywhere (with
// some room to spare where the print is smaller), and the closing lines never stand alone.

const A4 = { portrait: { width: 595, height: 842 }, landscape: { width: 842, height: 595 } } as const;

/** Width in points of a column `width` characters wide (Excel: 7-pixel digits, 5 pixels padding). */
export function columnPoints(width: number): number {
  return (width * 7 + 5) * 0.75;
}

/** The largest scale at which a table of these column widths prints one page wide (Excel's). */
export function fitScale(widths: readonly number[], orientation: 'portrait' | 'landscape'): number {
  const printable = A4[orientation].width - (PAGE_MARGINS.left + PAGE_MARGINS.right) * 72;
  const table = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  // A few per cent of headroom for fonts a little narrower than Calibri.
  return Math.min(1, (printable / Math.max(1, table)) * 1.03);
}

/** Printable height of a page, in the sheet's own points (before scaling). */
export function printableHeight(orientation: 'portrait' | 'landscape', scale: number): number {
  return (A4[orientation].height - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * 72) / scale;
}

/** Excel keeps at most 1,026 manual page breaks per sheet; beyond, pages break on their own. */
export const MAX_PAGE_BREAKS = 1000;

/** ExcelJS leaves a column of width 9 (its default) out of the file, and each program then uses its own default. */
export function columnWidth(width: number): number {
  return width === 9 ? 9.01 : width;
}
