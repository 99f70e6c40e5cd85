import type { CsvEncoding } from '../../../shared/import/import-kinds.ts';

/**
 * The text of a CSV file. Excel and WPS on a Chinese Windows save CSV in GBK; newer versions and
 * other systems in UTF-8, with or without a BOM. SheetJS cannot tell them apart (GBK read as
 * UTF-8 gives mojibake without any error), so the bytes are decoded here first: a BOM decides;
 * otherwise strict UTF-8 (which fails on GBK bytes), then GB18030 (a superset of GBK). The clerk
 * can force either when the guess is wrong.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

export function decodeCsv(bytes: Uint8Array, forced: CsvEncoding = 'auto'): DecodedText {
  if (forced === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (forced === 'gb18030') return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
