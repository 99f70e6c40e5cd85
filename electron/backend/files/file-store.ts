import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { MAX_STAGED_FILE_BYTES, type StagedFile } from '../../../shared/api/methods/files.ts';
import { ensurePrivateDir } from './private-paths.ts';
import { sweepTemporaryFiles, writeFileAtomic } from './write-file-atomic.ts';

/**
 * `upload`: a file the clerk handed in, kept until its import is committed or discarded.
 * `export`: a file the app made for the clerk (an export, an error workbook, a backup to
 * download), deleted as soon as it has been handed over once.
 */
export type StagedPurpose = 'upload' | 'export';

export interface StagedFileInfo extends StagedFile {
  relativePath: string | null;
  path: string;
  createdAt: string;
  /** Missing in files staged by an older version: treated as an upload. */
  purpose?: StagedPurpose;
}

/** How much one running program (one web-host launch, one desktop window) may hold in staging at once. */
export interface StagingLimits {
  maxFiles: number;
  maxTotalBytes: number;
}

export const SESSION_STAGING_LIMITS: StagingLimits = { maxFiles: 300, maxTotalBytes: 1024 * 1024 * 1024 };

const ID_PATTERN = /^[a-f0-9]{32}$/;
/** Nothing stays in staging longer than a day: agency files and exports hold personal data. */
const STALE_AFTER_MS = 24 * 3600 * 1000;
/** A temporary file older than this is a crash's leftover, not a write in progress. */
const TEMP_STALE_AFTER_MS = 3600 * 1000;

const MIME_BY_EXT: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.csv': 'text/csv',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
};

/**
 * Files the clerk hands in (uploads) and files the app hands out (exports), kept in the data
 * folder's staging area under random ids, so no API call ever takes a path on the clerk's disk.
 */
export class FileStore {
  private readonly dir: string;
  private readonly limits: StagingLimits | null;

  /** `limits`: null for the command line, whose folder imports stage every file of the folder. */
  constructor(dir: string, limits: StagingLimits | null = null) {
    this.dir = dir;
    this.limits = limits;
    ensurePrivateDir(dir);
  }

  /** Removes staged files older than a day and temporary files a crash left (at start, then hourly). */
  sweep(now = Date.now()): void {
    sweepTemporaryFiles(this.dir, TEMP_STALE_AFTER_MS, now);
    for (const entry of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, entry);
      try {
        if (now - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
      } catch {
        // A file another process removed meanwhile is fine.
      }
    }
  }

  /** Deletes a staged file (its import is done, or it was handed over); an unknown id is fine. */
  remove(fileId: string): void {
    if (!ID_PATTERN.test(fileId)) return;
    fs.rmSync(path.join(this.dir, `${fileId}.json`), { force: true });
    fs.rmSync(path.join(this.dir, `${fileId}.bin`), { force: true });
  }

  /** Files and bytes staged now. */
  usage(): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    for (const entry of fs.readdirSync(this.dir)) {
      if (!entry.endsWith('.bin') || entry.startsWith('.')) continue;
      try {
        bytes += fs.statSync(path.join(this.dir, entry)).size;
        files += 1;
      } catch {
        // Removed meanwhile.
      }
    }
    return { files, bytes };
  }

  private checkRoom(name: string, size: number): void {
    if (!this.limits) return;
    const { files, bytes } = this.usage();
    if (files + 1 > this.limits.maxFiles || bytes + size > this.limits.maxTotalBytes) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `暂存区已满，不能再接收文件“${name}”：最多同时暂存 ${this.limits.maxFiles} 个文件、共 ${Math.round(this.limits.maxTotalBytes / 1048576)} MB（现有 ${files} 个、${(bytes / 1048576).toFixed(1)} MB）。请先导入或清空导入页面上的文件列表，再添加文件。`,
      );
    }
  }

  put(name: string, bytes: Uint8Array, relativePath: string | null = null, purpose: StagedPurpose = 'upload'): StagedFileInfo {
    if (bytes.byteLength > MAX_STAGED_FILE_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `文件“${name}”大小为 ${(bytes.byteLength / 1048576).toFixed(1)} MB，超过 50 MB 的上限`);
    }
    this.checkRoom(name, bytes.byteLength);
    const fileId = crypto.randomBytes(16).toString('hex');
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const info: StagedFileInfo = {
      fileId,
      name: path.basename(name),
      size: bytes.byteLength,
      sha256,
      relativePath,
      path: path.join(this.dir, `${fileId}.bin`),
      createdAt: new Date().toISOString(),
      purpose,
    };
    // The bytes first, the description last: info() finds a file only once both are complete.
    try {
      writeFileAtomic(info.path, bytes);
      writeFileAtomic(path.join(this.dir, `${fileId}.json`), JSON.stringify(info));
    } catch (err) {
      this.remove(fileId);
      throw err;
    }
    return info;
  }

  /** A file the app made, staged for the clerk to save; it is deleted once handed over. */
  putExport(name: string, bytes: Uint8Array): StagedFileInfo {
    return this.put(name, bytes, null, 'export');
  }

  putBase64(name: string, dataBase64: string, relativePath: string | null = null): StagedFileInfo {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new AppError('INVALID_INPUT', `文件“${name}”的内容编码无效`);
    return this.put(name, Buffer.from(dataBase64, 'base64'), relativePath);
  }

  info(fileId: string): StagedFileInfo {
    if (!ID_PATTERN.test(fileId)) throw new AppError('INVALID_INPUT', '文件编号无效');
    const metaPath = path.join(this.dir, `${fileId}.json`);
    if (!fs.existsSync(metaPath)) throw new AppError('NOT_FOUND', '文件已过期或不存在，请重新选择文件');
    return JSON.parse(fs.readFileSync(metaPath, 'utf8')) as StagedFileInfo;
  }

  read(fileId: string): Buffer {
    return fs.readFileSync(this.info(fileId).path);
  }

  /** Hands a staged file over (files.get): an export is deleted at once, an upload stays for its import. */
  handOver(fileId: string): { info: StagedFileInfo; bytes: Buffer } {
    const info = this.info(fileId);
    const bytes = fs.readFileSync(info.path);
    if (info.purpose === 'export') this.remove(fileId);
    return { info, bytes };
  }

  mimeOf(name: string): string {
    return MIME_BY_EXT[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
  }
}
