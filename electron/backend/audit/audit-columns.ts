import type { ColumnSpec } from '../export/xlsx-writer.ts';
import { fitWidth, textWidth } from '../export/xlsx-style.ts';

/**
 * Column shapes of the audit workbook: widths that fit Chinese text, numbers that never wrap, the
 * header allowed to take two lines so count columns stay narrow.
 */

/** A text column as wide as its longest value (within limits; longer text wraps). */
export function textColumn(key: string, header: string, values: Iterable<string>, min: number, max: number): ColumnSpec {
  return { key, header, width: fitWidth([...values, headerLine(header)], min, max), kind: 'general', wrap: true };
}

/** A short label that must not wrap (a status, 是/否, a name). */
export function labelColumn(key: string, header: string, values: Iterable<string>, min = 6, max = 16): ColumnSpec {
  return { key, header, width: fitWidth([...values, headerLine(header)], min, max), kind: 'general', align: 'center', wrap: false };
}

/** ID and certificate numbers, codes: text, never wrapped, never rounded. */
export function codeColumn(key: string, header: string, values: Iterable<string>, min = 10, max = 24): ColumnSpec {
  return { key, header, width: fitWidth(values, min, max), kind: 'text', align: 'center', wrap: false };
}

/** Narrow as the header on two lines allows, wide enough for the largest number. */
function numberWidth(header: string, digits: number): number {
  return Math.max(7, digits + 3, Math.ceil(textWidth(header) / 2) + 2);
}

export function countColumn(key: string, header: string, largest: number): ColumnSpec {
  return { key, header, width: numberWidth(header, String(Math.max(0, Math.round(largest))).length), kind: 'integer', align: 'right', wrap: false };
}

export function differenceColumn(key: string, header: string, largest: number): ColumnSpec {
  return { ...countColumn(key, header, largest), width: numberWidth(header, String(Math.abs(Math.round(largest))).length + 1), kind: 'difference' };
}

export function decimalColumn(key: string, header: string, largest: number): ColumnSpec {
  return { key, header, width: numberWidth(header, String(Math.round(largest)).length + 2), kind: 'decimal', align: 'right', wrap: false };
}

export function percentColumn(key: string, header: string): ColumnSpec {
  return { key, header, width: numberWidth(header, 6), kind: 'percent', align: 'right', wrap: false };
}

export function dateColumn(key: string, header: string): ColumnSpec {
  return { key, header, width: Math.max(12, numberWidth(header, 10)), kind: 'date', align: 'center', wrap: false };
}

export function seqColumn(count: number): ColumnSpec {
  return countColumn('seq', '序号', count);
}

/** A header of more than four characters may take two lines: its fitted width is half its text. */
function headerLine(header: string): string {
  const chars = [...header];
  return chars.length <= 4 ? header : chars.slice(0, Math.ceil(chars.length / 2)).join('');
}
