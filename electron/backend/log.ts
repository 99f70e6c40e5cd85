import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

/**
 * Append-only text log in the data folder. Stack traces go here, never to the clerk's screen;
 * IT staff read this file when something goes wrong.
 */
export class Log {
  private readonly file: string | null;

  constructor(logDir: string | null) {
    this.file = logDir ? path.join(logDir, 'registry.log') : null;
    if (logDir) fs.mkdirSync(logDir, { recursive: true });
  }

  write(level: 'info' | 'warn' | 'error', message: string, err?: unknown): void {
    const detail = err instanceof Error ? `\n${err.stack ?? err.message}` : err === undefined ? '' : `\n${inspect(err)}`;
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail}\n`;
    if (this.file) {
      try {
        fs.appendFileSync(this.file, line);
      } catch {
        // Logging must never break the operation that logs.
      }
    }
    if (level === 'error' && process.env['REGISTRY_QUIET'] !== '1') process.stderr.write(line);
  }
}
