import type { FileError } from '../../../shared/import/file-errors.ts';
import type { ImportLimits } from './import-limits.ts';
import type { ParsedWorkbook, ParseInput } from './parse-workbook.ts';

/**
 * The messages between the importer and its parse worker, in one place: one request per file, then
 * progress messages and exactly one answer. A reader other than SheetJS (a streaming one) only has
 * to answer the same way. The worker's limits are fixed when it starts (`workerOptions`), so a
 * request that asks for other limits gets a worker of its own.
 */

export interface ParseRequest {
  id: number;
  /** Transferred, not copied. */
  bytes: Uint8Array;
  input: ParseInput;
}

export type ParseReply =
  | { id: number; type: 'progress'; fraction: number; message: string }
  | { id: number; type: 'done'; workbook: ParsedWorkbook }
  | { id: number; type: 'file-error'; error: FileError }
  | { id: number; type: 'crash'; message: string };

/** What a worker is started with: the V8 heap cap that turns an out-of-memory into FILE_TOO_COMPLEX. */
export interface WorkerLimits {
  heapMb: number;
}

export function workerLimitsOf(limits: ImportLimits): WorkerLimits {
  return { heapMb: limits.workerHeapMb };
}

export function sameWorkerLimits(a: WorkerLimits, b: WorkerLimits): boolean {
  return a.heapMb === b.heapMb;
}

/** Node's resourceLimits for a worker with these limits: the old generation is the cap; the young one stays small so a breach comes from real data. */
export function resourceLimitsOf(limits: WorkerLimits): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number; stackSizeMb: number } {
  return { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(limits.heapMb / 16))), stackSizeMb: 4 };
}
