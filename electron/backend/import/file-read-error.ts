import type { FileError } from '../../../shared/import/file-errors.ts';

/** A whole file could not be read: carries the clerk's message (shared/import/file-errors.ts). */
export class FileReadError extends Error {
  readonly fileError: FileError;

  constructor(error: FileError) {
    super(error.message);
    this.name = 'FileReadError';
    this.fileError = error;
  }
}
