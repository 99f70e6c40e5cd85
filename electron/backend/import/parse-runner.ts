import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors.ts';
import { preferUnpacked } from '../unpacked-path.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';
import { FileReadError, parseWorkbook, type ParsedWorkbook, type ParseInput, type ParseProgress } from './parse-workbook.ts';

/**
 * Parses a workbook off the main thread. One worker is kept warm and reused, file after file;
 * cancelling terminates it (SheetJS cannot be interrupted otherwise) and the next file starts a
 * fresh one. The worker file is TypeScript run by Node's type stripping, which works under Node 24
 * (npm start, npm run web, the command line) and under Vitest. Where it cannot be loaded — the
 * bundled Electron main process has no separate worker file — parsing runs in-process with the
 * same progress reports, and cancel takes effect between steps.
 */

export interface ParseRunOptions {
  signal?: AbortSignal;
  onProgress?: ParseProgress;
}

export type ParseMode = 'worker' | 'in-process';

interface Pending {
  resolve: (wb: ParsedWorkbook) => void;
  reject: (err: unknown) => void;
  onProgress: ParseProgress;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let queue: Promise<unknown> = Promise.resolve();

function workerUrl(): URL | null {
  try {
    const url = new URL('./parse-worker.ts', import.meta.url);
    if (fs.existsSync(fileURLToPath(url))) return url;
  } catch {
    // A CommonJS bundle has no import.meta.url: look beside the bundle below.
  }
  // In a bundle (dist/electron/main.cjs) the worker is its own bundle beside it, when the build makes one;
  // in an installed app, its unpacked copy beside app.asar.
  if (typeof __dirname === 'string') {
    const bundled = preferUnpacked(path.join(__dirname, 'parse-worker.cjs'));
    if (fs.existsSync(bundled)) return pathToFileURL(bundled);
  }
  return null;
}

/** Which way files are parsed here (the UI and the command line say so when it is in-process). */
export function parseMode(): ParseMode {
  if (process.env['REGISTRY_IMPORT_IN_PROCESS'] === '1') return 'in-process';
  return workerUrl() ? 'worker' : 'in-process';
}

function failAll(err: unknown): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function startWorker(url: URL): Worker {
  const w = new Worker(url);
  w.on('message', (reply: ParseReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') {
      p.onProgress(reply.fraction, reply.message);
      return;
    }
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.type === 'done') p.resolve(reply.workbook);
    else if (reply.type === 'file-error') p.reject(new FileReadError({ code: reply.code as FileReadError['fileError']['code'], message: reply.message }));
    else p.reject(new Error(`parse worker failed: ${reply.message}`));
  });
  w.on('error', (err) => {
    if (worker === w) worker = null;
    failAll(err);
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
  });
  w.unref();
  return w;
}

function parseInWorker(url: URL, bytes: Uint8Array, input: ParseInput, options: ParseRunOptions): Promise<ParsedWorkbook> {
  return new Promise<ParsedWorkbook>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new AppError('CANCELLED', '已取消'));
      return;
    }
    worker ??= startWorker(url);
    const w = worker;
    const id = nextId++;
    const onAbort = () => {
      pending.delete(id);
      if (worker === w) worker = null;
      void w.terminate();
      failAll(new AppError('CANCELLED', '已取消'));
      reject(new AppError('CANCELLED', '已取消'));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(id, {
      resolve: (wb) => {
        options.signal?.removeEventListener('abort', onAbort);
        resolve(wb);
      },
      reject: (err) => {
        options.signal?.removeEventListener('abort', onAbort);
        reject(err);
      },
      onProgress: options.onProgress ?? (() => undefined),
    });
    w.ref();
    // A private copy is handed over (transferred, not cloned), so the caller's buffer stays usable.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const request: ParseRequest = { id, bytes: copy, input };
    w.postMessage(request, [copy.buffer]);
  });
}

async function parseHere(bytes: Uint8Array, input: ParseInput, options: ParseRunOptions): Promise<ParsedWorkbook> {
  const check = () => {
    if (options.signal?.aborted) throw new AppError('CANCELLED', '已取消');
  };
  check();
  const result = await parseWorkbook(bytes, input, (fraction, message) => {
    options.onProgress?.(fraction, message);
  });
  check();
  return result;
}

/** Parses one file; files are parsed one after another (one worker, two cores: the UI keeps the other). */
/** Above this size the worker is stopped after parsing: its heap (SheetJS's copy of the workbook) is returned to the system at once. */
const RELEASE_WORKER_ABOVE_BYTES = 4 * 1024 * 1024;
/**
 * Files up to this size (a roster of a few thousand rows) parse in well under a tenth of a second;
 * handing them to the worker and copying the rows back costs more than it saves.
 */
const IN_PROCESS_BELOW_BYTES = 512 * 1024;

export function runParse(bytes: Uint8Array, input: ParseInput, options: ParseRunOptions = {}): Promise<ParsedWorkbook> {
  const url = parseMode() === 'worker' ? workerUrl() : null;
  const run = async () => {
    if (!url || bytes.byteLength <= IN_PROCESS_BELOW_BYTES) return parseHere(bytes, input, options);
    try {
      return await parseInWorker(url, bytes, input, options);
    } finally {
      if (bytes.byteLength > RELEASE_WORKER_ABOVE_BYTES) await stopParseWorker();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Starts the worker and loads SheetJS in it ahead of the first large file (the benchmark does so
 * before timing, like a session that has already read a file). Resolves when the worker is ready.
 */
export async function prewarmParseWorker(): Promise<void> {
  const url = parseMode() === 'worker' ? workerUrl() : null;
  if (!url) return;
  // The smallest CSV there is: it loads SheetJS and exercises the read path.
  const tiny = new TextEncoder().encode('a\n1\n');
  await parseInWorker(url, tiny, { fileName: 'warm.csv', encoding: 'utf-8', limits: { maxFileBytes: 1024, maxRows: 10, maxUncompressedBytes: 1024, maxCompressionRatio: 10 } }, {});
}

/** Stops the warm worker (tests, shutdown). */
export async function stopParseWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
