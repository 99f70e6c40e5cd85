import { MAX_STAGED_FILE_BYTES } from '../../../shared/api/methods/files.ts';

/**
 * The importer's limits. A 100,000-row roster is about 15 MB as .xlsx and some 45–200 MB of XML
 * once unpacked (depending on the program that wrote it), and parses in a few seconds with a few
 * hundred MB of memory; the caps leave room for the largest file the row cap allows and refuse
 * anything that could exhaust the PC's memory or hold the import up for minutes (SheetJS keeps the
 * whole workbook in memory and has no limit of its own). Every file is parsed in a worker thread
 * whose heap is capped at `workerHeapMb` and which is stopped after `maxParseMs`; a file that
 * needs more is refused with its own message, and the next file gets a fresh worker.
 */
export interface ImportLimits {
  maxFileBytes: number;
  /** Data rows per sheet. */
  maxRows: number;
  /** Columns per sheet: cells beyond are ignored, with a warning naming the sheet, the row and the column. */
  maxColumns: number;
  /** Non-empty cells per file (all sheets): every one of them crosses to the preview and is checked. */
  maxCells: number;
  /** Characters per cell (Excel's own limit); a longer text is cut, with a warning. */
  maxCellChars: number;
  /** What a zip's entries may inflate to, in all: as declared, and as actually inflated (the directory can lie). */
  maxUncompressedBytes: number;
  /** Compression ratio above which a large entry is taken for a zip bomb. */
  maxCompressionRatio: number;
  /** Time to read one file (worker start, zip checks, SheetJS, rows); then the worker is stopped. */
  maxParseMs: number;
  /** The parse worker's V8 heap (maxOldGenerationSizeMb); a file that needs more is refused. */
  workerHeapMb: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: MAX_STAGED_FILE_BYTES,
  maxRows: 200_000,
  maxColumns: 200,
  maxCells: 3_000_000,
  maxCellChars: 32_767,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxParseMs: 60_000,
  workerHeapMb: 1024,
};

/** Entries below this size are never called a bomb, whatever their ratio (a sheet of blank rows compresses 1000:1). */
export const RATIO_CHECK_FLOOR_BYTES = 50 * 1024 * 1024;

/** The defaults with whatever a caller (an older caller, a test) sets; missing or invalid values take the default. */
export function importLimits(partial: Partial<ImportLimits> | undefined): ImportLimits {
  const out: ImportLimits = { ...DEFAULT_IMPORT_LIMITS };
  if (!partial) return out;
  for (const key of Object.keys(DEFAULT_IMPORT_LIMITS) as (keyof ImportLimits)[]) {
    const v = partial[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}
