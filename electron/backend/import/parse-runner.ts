import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors.ts';
import { fileError } from '../../../shared/import/file-errors.ts';
import { preferUnpacked } from '../unpacked-path.ts';
import { FileReadError } from './file-read-error.ts';
import { DEFAULT_IMPORT_LIMITS, importLimits } from './import-limits.ts';
import { resourceLimitsOf, sameWorkerLimits, workerLimitsOf, type ParseReply, type ParseRequest, type WorkerLimits } from './parse-protocol.ts';
import type { ParsedWorkbook, ParseInput, ParseProgress } from './parse-workbook.ts';

/**
 * Parses every workbook off the main thread (in Electron, off the main process), in a worker
 * thread whose V8 heap is capped (`resourceLimits`) and whose time per file is capped: a file that
 * needs more memory ends the worker (Node reports ERR_WORKER_OUT_OF_MEMORY), one that takes too
 * long is stopped, and either becomes that file's own FileError (FILE_TOO_COMPLEX, FILE_TOO_SLOW)
 * while the next file gets a fresh worker. One worker is kept warm and reused, file after file
 * (starting one and loading SheetJS costs a few hundred milliseconds, more than reading a small
 * roster); it is stopped after a file above 4 MB to return that file's memory, and terminated to
 * cancel (SheetJS cannot be interrupted otherwise). The worker file is TypeScript run by Node's
 * type stripping under Node 24 (npm start, npm run web, the command line, Vitest), or the bundle
 * beside main.cjs in the Electron build. The messages are in parse-protocol.ts.
 */

export interface ParseRunOptions {
  signal?: AbortSignal;
  onProgress?: ParseProgress;
}

export type ParseMode = 'worker' | 'unavailable';

interface Live {
  worker: Worker;
  limits: WorkerLimits;
}

interface Pending {
  id: number;
  worker: Worker;
  fileName: string;
  limits: WorkerLimits;
  settle: (outcome: { workbook: ParsedWorkbook } | { error: unknown }) => void;
  onProgress: ParseProgress;
}

let live: Live | null = null;
let pending: Pending | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function workerUrl(): URL | null {
  try {
    const url = new URL('./parse-worker.ts', import.meta.url);
    if (fs.existsSync(fileURLToPath(url))) return url;
  } catch {
    // A CommonJS bundle has no import.meta.url: look beside the bundle below.
  }
  // In a bundle (dist/electron/main.cjs) the worker is its own bundle beside it; in an installed
  // app, its unpacked copy beside app.asar.
  if (typeof __dirname === 'string') {
    const bundled = preferUnpacked(path.join(__dirname, 'parse-worker.cjs'));
    if (fs.existsSync(bundled)) return pathToFileURL(bundled);
  }
  return null;
}

/** Whether the parse worker can be started here (it always can, unless the installation lacks its file). */
export function parseMode(): ParseMode {
  return workerUrl() ? 'worker' : 'unavailable';
}

function retire(w: Worker): void {
  if (live?.worker === w) live = null;
  void w.terminate();
}

function startWorker(url: URL, limits: WorkerLimits): Live {
  const w = new Worker(url, { resourceLimits: resourceLimitsOf(limits) });
  w.on('message', (reply: ParseReply) => {
    const p = pending;
    if (!p || p.worker !== w || reply.id !== p.id) return;
    if (reply.type === 'progress') {
      p.onProgress(reply.fraction, reply.message);
      return;
    }
    if (reply.type === 'done') p.settle({ workbook: reply.workbook });
    else if (reply.type === 'file-error') p.settle({ error: new FileReadError(reply.error) });
    else p.settle({ error: new Error(`parse worker failed: ${reply.message}`) });
  });
  w.on('error', (err: Error & { code?: string }) => {
    if (live?.worker === w) live = null;
    const p = pending;
    if (!p || p.worker !== w) return;
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') p.settle({ error: new FileReadError(fileError('FILE_TOO_COMPLEX', p.fileName, `读取线程的内存上限为 ${p.limits.heapMb} MB`)) });
    else p.settle({ error: err });
  });
  w.on('exit', (code) => {
    if (live?.worker === w) live = null;
    const p = pending;
    if (p && p.worker === w) p.settle({ error: new Error(`parse worker exited with code ${code}`) });
  });
  w.unref();
  return { worker: w, limits };
}

const secondsText = (ms: number) => (ms >= 10_000 ? String(Math.round(ms / 1000)) : (ms / 1000).toFixed(1).replace(/\.0$/, ''));

function parseInWorker(url: URL, bytes: Uint8Array, input: ParseInput, options: ParseRunOptions): Promise<ParsedWorkbook> {
  return new Promise<ParsedWorkbook>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new AppError('CANCELLED', '已取消'));
      return;
    }
    const limits = workerLimitsOf(input.limits);
    if (live && !sameWorkerLimits(live.limits, limits)) retire(live.worker);
    live ??= startWorker(url, limits);
    const w = live.worker;
    const id = nextId++;
    const onAbort = () => {
      retire(w);
      settle({ error: new AppError('CANCELLED', '已取消') });
    };
    const settle = (outcome: { workbook: ParsedWorkbook } | { error: unknown }) => {
      if (pending?.id !== id) return;
      pending = null;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (live?.worker === w) w.unref();
      if ('workbook' in outcome) resolve(outcome.workbook);
      else reject(outcome.error);
    };
    pending = { id, worker: w, fileName: input.fileName, limits, settle, onProgress: options.onProgress ?? (() => undefined) };
    const timer = setTimeout(() => {
      retire(w);
      settle({ error: new FileReadError(fileError('FILE_TOO_SLOW', input.fileName, `每个文件 ${secondsText(input.limits.maxParseMs)} 秒`)) });
    }, input.limits.maxParseMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    w.ref();
    // A private copy is handed over (transferred, not cloned), so the caller's buffer stays usable.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const request: ParseRequest = { id, bytes: copy, input };
    w.postMessage(request, [copy.buffer]);
  });
}

/** Above this size the worker is stopped after parsing: its heap (SheetJS's copy of the workbook) is returned to the system at once. */
const RELEASE_WORKER_ABOVE_BYTES = 4 * 1024 * 1024;

/** Parses one file; files are parsed one after another (one worker, two cores: the UI keeps the other). */
export function runParse(bytes: Uint8Array, input: ParseInput, options: ParseRunOptions = {}): Promise<ParsedWorkbook> {
  const full: ParseInput = { ...input, limits: importLimits(input.limits) };
  const run = async () => {
    const url = workerUrl();
    if (!url) throw new AppError('INTERNAL', '找不到读取表格的组件（parse-worker），程序安装可能不完整，请重新安装执法台账。');
    try {
      return await parseInWorker(url, bytes, full, options);
    } finally {
      if (bytes.byteLength > RELEASE_WORKER_ABOVE_BYTES) await stopParseWorker();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Starts the worker and loads SheetJS in it ahead of the first file (the benchmark does so before
 * timing, like a session that has already read a file). Resolves when the worker is ready.
 */
export async function prewarmParseWorker(limits = DEFAULT_IMPORT_LIMITS): Promise<void> {
  // The smallest CSV there is: the worker has loaded the reader (and SheetJS) once it answers.
  const tiny = new TextEncoder().encode('a\n1\n');
  await runParse(tiny, { fileName: 'warm.csv', encoding: 'utf-8', limits });
}

/** Stops the warm worker (tests, shutdown). */
export async function stopParseWorker(): Promise<void> {
  const w = live?.worker;
  live = null;
  if (w) await w.terminate();
}
