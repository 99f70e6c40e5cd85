import { MAX_STAGED_FILE_BYTES } from '../../../shared/api/methods/files.ts';

/**
 * The importer's limits. A 100,000-row roster is about 22 MB as .xlsx and some 200 MB of XML once
 * unpacked; the caps leave room for twice that and refuse anything that could exhaust the PC's
 * memory (SheetJS keeps the whole workbook in memory and has no limit of its own).
 */
export interface ImportLimits {
  maxFileBytes: number;
  /** Data rows per sheet. */
  maxRows: number;
  /** Sum of the uncompressed sizes a zip's directory declares. */
  maxUncompressedBytes: number;
  /** Compression ratio above which a large entry is taken for a zip bomb. */
  maxCompressionRatio: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: MAX_STAGED_FILE_BYTES,
  maxRows: 200_000,
  maxUncompressedBytes: 800 * 1024 * 1024,
  maxCompressionRatio: 200,
};

/** Entries below this size are never called a bomb, whatever their ratio (a sheet of blank rows compresses 1000:1). */
export const RATIO_CHECK_FLOOR_BYTES = 50 * 1024 * 1024;
