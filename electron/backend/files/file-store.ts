import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { MAX_STAGED_FILE_BYTES, type StagedFile } from '../../../shared/api/methods/files.ts';

export interface StagedFileInfo extends StagedFile {
  relativePath: string | null;
  path: string;
  createdAt: string;
}

const ID_PATTERN = /^[a-f0-9]{32}$/;
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

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

  constructor(dir: string) {
    this.dir = dir;
    fs.mkdirSync(dir, { recursive: true });
  }

  /** Removes staged files older than a week (called at start). */
  sweep(now = Date.now()): void {
    for (const entry of fs.readdirSync(this.dir)) {
      const file = path.join(this.dir, entry);
      try {
        if (now - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
      } catch {
        // A file another process removed meanwhile is fine.
      }
    }
  }

  put(name: string, bytes: Uint8Array, relativePath: string | null = null): StagedFileInfo {
    if (bytes.byteLength > MAX_STAGED_FILE_BYTES) {
      throw new AppError('FILE_TOO_LARGE', `文件“${name}”大小为 ${(bytes.byteLength / 1048576).toFixed(1)} MB，超过 50 MB 的上限`);
    }
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
    };
    fs.writeFileSync(info.path, bytes);
    fs.writeFileSync(path.join(this.dir, `${fileId}.json`), JSON.stringify(info));
    return info;
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

  mimeOf(name: string): string {
    return MIME_BY_EXT[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
  }
}
