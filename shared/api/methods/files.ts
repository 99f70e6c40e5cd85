import { z } from 'zod';
import { defineMethods } from '../define.ts';

/**
 * Files cross the API as base64 inside JSON, the same on IPC and HTTP. A file the clerk picks or
 * drops is staged in the data folder and referred to by id afterwards; an export is staged the
 * same way and fetched by the renderer, which saves it (browser download / Electron save dialog).
 */
export const MAX_STAGED_FILE_BYTES = 50 * 1024 * 1024;

const fileIdSchema = z.string().regex(/^[a-f0-9]{32}$/, '文件编号无效');

export const stagedFileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});
export type StagedFile = z.infer<typeof stagedFileSchema>;

export const fileMethods = defineMethods({
  'files.stage': {
    title: '接收文件',
    input: z
      .object({
        name: z.string().trim().min(1).max(255),
        /** Folder-relative path when the clerk dropped a folder ("2024/公安局名册.xlsx"). */
        relativePath: z.string().max(1024).optional(),
        dataBase64: z.string().max(Math.ceil(MAX_STAGED_FILE_BYTES / 3) * 4 + 4, '文件超过 50 MB 的上限'),
      })
      .strict(),
    output: stagedFileSchema,
  },
  'files.get': {
    title: '读取导出文件',
    input: z.object({ fileId: fileIdSchema }).strict(),
    output: z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() }),
  },
});
