import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import type { FileCheck } from '../../shared/import/check-schema.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

/**
 * A file that fails while the files are checked is that file's own error, in Chinese; the other
 * files of the same check are checked as usual (the check job no longer fails as a whole).
 */

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
});

afterAll(async () => {
  backend?.close();
  await stopParseWorker();
});

describe('one file of several cannot be read', () => {
  it('a staged file removed from the disk before the check: its own message, the next file checked', async () => {
    const stage = async (name: string, text: string) => (await callOk<{ fileId: string }>(backend, 'files.stage', { name, dataBase64: Buffer.from(text).toString('base64') })).fileId;
    const gone = await stage('已删除.csv', '姓名,身份证号\n王伟,430981198503150011\n');
    const kept = await stage('名册.csv', '姓名,身份证号\n王伟,430981198503150011\n');
    fs.rmSync(path.join(backend.context.paths.stagingDir, `${gone}.bin`));
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [gone, kept] });
    expect((await backend.context.jobs.wait(jobId)).state).toBe('done');
    const files = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files;
    expect(files.map((f) => [f.file, f.status, f.error?.code ?? null])).toEqual([
      ['已删除.csv', 'unreadable', 'FILE_READ_FAILED'],
      ['名册.csv', 'errors', null],
    ]);
    expect(files[0]?.error?.message).toBe('文件“已删除.csv”无法从磁盘读取（文件已不存在）。请确认文件还在、有读取权限，或先复制到本机再导入。');
  });
});
