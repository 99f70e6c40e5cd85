import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { ensurePrivateDir } from './files/private-paths.ts';
import { PRIVATE_FILE_MODE } from './files/write-file-atomic.ts';

export interface LogLimits {
  /** registry.log is renamed to registry.log.1 when the next line would take it past this size. */
  maxBytes: number;
  /** How many rotated files (registry.log.1 … .N) are kept; older ones are deleted. */
  keep: number;
}

/** At most 2 MiB × (1 + 4) = 10 MiB of log, however long the program runs. */
export const DEFAULT_LOG_LIMITS: LogLimits = { maxBytes: 2 * 1024 * 1024, keep: 4 };

export interface LogOptions {
  limits?: LogLimits;
  /**
   * Also print errors on stderr (the web host's and Electron's console, for IT staff). Off for the
   * command line, which tells the clerk in Chinese what went wrong and where the log is.
   */
  echoErrors?: boolean;
}

/** One line never exceeds this: a huge inspected object must not rotate the whole history away. */
const MAX_LINE_BYTES = 64 * 1024;

function clip(line: string): string {
  if (Buffer.byteLength(line) <= MAX_LINE_BYTES) return line;
  return `${Buffer.from(line)
    .subarray(0, MAX_LINE_BYTES - 32)
    .toString('utf8')} …（已截断）\n`;
}

/**
 * Append-only text log in the data folder. Stack traces go here, never to the clerk's screen;
 * IT staff read this file when something goes wrong.
 *
 * It rotates (registry.log → .1 → .2 …, a few files of a few MiB), so it can never fill the disk,
 * and a line that cannot be written whole (disk full) is cut back out, so the file never ends in
 * half a line. Writing the log never throws.
 */
export class Log {
  private readonly file: string | null;
  private readonly limits: LogLimits;
  private readonly echoErrors: boolean;

  constructor(logDir: string | null, options: LogOptions = {}) {
    this.file = logDir ? path.join(logDir, 'registry.log') : null;
    this.limits = options.limits ?? DEFAULT_LOG_LIMITS;
    this.echoErrors = options.echoErrors ?? true;
    if (logDir) ensurePrivateDir(logDir);
  }

  write(level: 'info' | 'warn' | 'error', message: string, err?: unknown): void {
    const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : err === undefined ? '' : `\n${inspect(err)}`;
    const line = clip(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail}\n`);
    if (this.file) {
      try {
        this.append(this.file, line);
      } catch {
        // Logging must never break the operation that logs (a full disk included).
      }
    }
    if (level === 'error' && this.echoErrors && process.env['REGISTRY_QUIET'] !== '1') process.stderr.write(line);
  }

  private append(file: string, line: string): void {
    const bytes = Buffer.from(line, 'utf8');
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      // Not there yet.
    }
    if (size > 0 && size + bytes.length > this.limits.maxBytes) this.rotate(file);
    const fd = fs.openSync(file, 'a', PRIVATE_FILE_MODE);
    try {
      size = fs.fstatSync(fd).size;
      let written = 0;
      try {
        while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
      } catch (err) {
        // Half a line is worse than none: put the file back to where it was.
        if (written > 0) fs.ftruncateSync(fd, size);
        throw err;
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  private rotate(file: string): void {
    fs.rmSync(`${file}.${this.limits.keep}`, { force: true });
    for (let n = this.limits.keep - 1; n >= 1; n -= 1) {
      if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    }
    if (this.limits.keep >= 1) fs.renameSync(file, `${file}.1`);
    else fs.rmSync(file, { force: true });
  }
}
