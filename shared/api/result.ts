import type { ErrorCode } from './errors.ts';

/** One problem with one field of a call's input. `path` is dotted, e.g. `rows.3.name`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * What the clerk sees when a call fails. `code` is stable (tests and the UI branch on it);
 * `message` is Chinese and written for the clerk, never a stack trace.
 */
export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/**
 * Every call returns a Result rather than throwing: Electron's `ipcMain.handle` only carries an
 * error's message across the bridge, and the HTTP transport carries JSON, so errors travel as data.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}
