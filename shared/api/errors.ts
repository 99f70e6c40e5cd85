import type { ApiError, FieldIssue } from './result.ts';

/** Stable error codes. Add codes here; never rename one (tests and stored logs refer to them). */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  /** The very same file (same SHA-256) was imported before; the clerk may confirm a second import. */
  'ALREADY_IMPORTED',
  /** A file names units the unit list lacks; it is imported once the clerk accepts adding them. */
  'UNITS_TO_ADD',
  'RULE_VIOLATION',
  'CONSTRAINT',
  'DATABASE_NEWER',
  'DATABASE_ERROR',
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
  'UNSUPPORTED',
  'CANCELLED',
  'FORBIDDEN',
  'INTERNAL',
  /** The database file is damaged, empty or unreadable: opened read-only (or not at all), nothing written. */
  'DATABASE_DAMAGED',
  /** Web host: the call did not carry this launch's access token. */
  'UNAUTHORIZED',
  /** Operators exist and nobody is signed in (at start, after 锁定 or the idle time). */
  'LOCKED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A failure the service layer expects and can explain to the clerk. Thrown inside the backend,
 * turned into an ApiError by the dispatcher; anything else becomes INTERNAL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toApiError(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}
