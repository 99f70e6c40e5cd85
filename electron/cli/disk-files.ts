import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors.ts';
import type { FileCheck } from '../../shared/import/check-schema.ts';
import { fileError, type FileError } from '../../shared/import/file-errors.ts';
import type { BackendContext } from '../backend/context.ts';
import { isDiskFullError } from '../backend/fatal-errors.ts';
import { readProblem } from '../backend/files/read-problem.ts';

/**
 * Hands the files the command line was given to the staging area, one by one, so that a file that
 * cannot be taken — over the size cap (a 2 GiB file is never read: Node cannot even hold it in one
 * buffer), gone, unreadable, not a regular file — becomes that file's own Chinese refusal while
 * the rest of the folder is checked and imported as usual.
 */

export type DiskFile = { kind: 'staged'; fileId: string } | { kind: 'refused'; name: string; relativePath: string | null; size: number; error: FileError };

const MB = 1024 * 1024;
const GB = 1024 * MB;

function sizeText(bytes: number): string {
  return bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${(bytes / MB).toFixed(1)} MB`;
}

export function stageFromDisk(ctx: BackendContext, files: readonly { path: string; relativePath: string }[], keepRelativePath: boolean, maxFileBytes: number): DiskFile[] {
  return files.map((f): DiskFile => {
    const name = path.basename(f.path);
    const relativePath = keepRelativePath ? f.relativePath : null;
    const refuse = (error: FileError, size = 0): DiskFile => ({ kind: 'refused', name, relativePath, size, error });
    let stat: fs.Stats;
    try {
      stat = fs.statSync(f.path);
    } catch (err) {
      return refuse(fileError('FILE_READ_FAILED', name, readProblem(err)));
    }
    if (!stat.isFile()) return refuse(fileError('FILE_READ_FAILED', name, stat.isDirectory() ? '这是一个文件夹' : '这是一个特殊文件（命名管道、设备等），不是普通文件'));
    if (stat.size > maxFileBytes) return refuse(fileError('FILE_TOO_LARGE', name, `大小为 ${sizeText(stat.size)}（上限 ${(maxFileBytes / MB).toFixed(0)} MB）`), stat.size);
    try {
      return { kind: 'staged', fileId: ctx.files.put(name, fs.readFileSync(f.path), relativePath).fileId };
    } catch (err) {
      // The file grew past the cap after it was measured, or the disk failed while reading.
      if (err instanceof AppError && err.code === 'FILE_TOO_LARGE') return refuse(fileError('FILE_TOO_LARGE', name, '超过 50 MB'), stat.size);
      // Our own disk full is no fault of the file: the command stops with its Chinese message (exit 1).
      if (isDiskFullError(err)) throw err;
      return refuse(fileError('FILE_READ_FAILED', name, readProblem(err)), stat.size);
    }
  });
}

/** A refused file as the list of checked files shows it: unreadable, with its message. */
export function refusedCheck(file: Extract<DiskFile, { kind: 'refused' }>): FileCheck {
  return {
    checkId: '',
    file: file.name,
    relativePath: file.relativePath,
    size: file.size,
    sha256: '',
    format: null,
    encoding: null,
    status: 'unreadable',
    error: file.error,
    sheets: [],
    previousImports: [],
    committed: null,
    unitsToAdd: [],
    pendingChanges: 0,
  };
}
