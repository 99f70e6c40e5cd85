import { MAX_STAGED_FILE_BYTES } from '../../../shared/api/methods/files.ts';
import { IMPORT_EXTENSIONS } from '../../../shared/import/import-kinds.ts';
import type { FileCheck } from '../../../shared/import/check-schema.ts';
import { api, unwrap } from '../../api/client.ts';

/**
 * Files the clerk hands over — picked, a picked folder, or dropped (folders included) — gathered
 * with their folder-relative paths and staged in the data folder (base64 over the API). Only
 * spreadsheet files are taken; Office lock files (~$…) and other documents are counted as ignored.
 */

export interface PickedFile {
  file: File;
  /** "2024报送/公安局名册.xlsx" for a file inside a folder, else the name. */
  relativePath: string;
}

export interface Gathered {
  files: PickedFile[];
  ignored: string[];
}

function isSpreadsheet(name: string): boolean {
  if (name.startsWith('~$') || name.startsWith('.')) return false;
  const dot = name.lastIndexOf('.');
  return dot >= 0 && IMPORT_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

function sortByPath(files: PickedFile[]): PickedFile[] {
  return files.sort((a, b) => a.relativePath.localeCompare(b.relativePath, 'zh-CN'));
}

export function gatherFromInput(list: FileList | null): Gathered {
  const files: PickedFile[] = [];
  const ignored: string[] = [];
  for (const file of Array.from(list ?? [])) {
    const relativePath = file.webkitRelativePath || file.name;
    if (isSpreadsheet(file.name)) files.push({ file, relativePath });
    else ignored.push(relativePath);
  }
  return { files: sortByPath(files), ignored };
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call: call until it returns none.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: Gathered): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    if (isSpreadsheet(entry.name)) out.files.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath: path });
    else out.ignored.push(path);
    return;
  }
  if (entry.isDirectory) {
    if (entry.name.startsWith('.')) return;
    for (const child of await readAllEntries((entry as FileSystemDirectoryEntry).createReader())) await walk(child, path, out);
  }
}

/** Dropped items: files and whole folders (webkitGetAsEntry). */
export async function gatherFromDrop(transfer: DataTransfer): Promise<Gathered> {
  const out: Gathered = { files: [], ignored: [] };
  const entries = Array.from(transfer.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return gatherFromInput(transfer.files);
  for (const entry of entries) await walk(entry, '', out);
  return { files: sortByPath(out.files), ignored: out.ignored };
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export interface StageProgress {
  done: number;
  total: number;
  current: string;
}

/** Stages the files one by one; a file over the size limit is refused with the file's name. */
export async function stageFiles(files: readonly PickedFile[], onProgress: (p: StageProgress) => void): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < files.length; i += 1) {
    const picked = files[i];
    if (!picked) continue;
    onProgress({ done: i, total: files.length, current: picked.relativePath });
    if (picked.file.size > MAX_STAGED_FILE_BYTES) {
      throw new Error(`文件“${picked.relativePath}”大小为 ${(picked.file.size / 1048576).toFixed(1)} MB，超过 50 MB 的上限。请让报送单位拆分后分别报送。`);
    }
    const staged = await unwrap(
      api['files.stage']({
        name: picked.file.name,
        dataBase64: toBase64(await picked.file.arrayBuffer()),
        ...(picked.relativePath !== picked.file.name ? { relativePath: picked.relativePath } : {}),
      }),
    );
    ids.push(staged.fileId);
  }
  onProgress({ done: files.length, total: files.length, current: '' });
  return ids;
}

/** Checks staged files as one job and waits for the result (a few files: the setup's unit list). */
export async function checkStagedFiles(fileIds: string[]): Promise<FileCheck[]> {
  const { jobId } = await unwrap(api['import.check']({ fileIds }));
  for (;;) {
    const status = await unwrap(api['jobs.get']({ jobId }));
    if (status.state === 'done') return (await unwrap(api['import.checkResult']({ jobId }))).files;
    if (status.state !== 'running') throw new Error(status.error?.message ?? '检查失败');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
