import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_EXTENSIONS } from '../../../shared/import/import-kinds.ts';

/**
 * The files of a submissions folder (a USB stick, an OA download folder), sub-folders included.
 * Spreadsheet files are taken by extension; Office's lock files (~$名册.xlsx) and other documents
 * (a cover letter .docx) are listed as ignored, not read. Hidden files and folders, links (never
 * followed: a link can lead out of the folder, or round in a circle), special files (a named pipe
 * would block the reading forever, a device has no end) and folders that cannot be opened are
 * listed as skipped, each with its reason.
 */
export interface FolderScan {
  files: { path: string; relativePath: string }[];
  ignored: string[];
  skipped: { relativePath: string; reason: string }[];
}

function specialReason(entry: fs.Dirent): string | null {
  if (entry.isSymbolicLink()) return '链接（快捷方式），不跟随';
  if (entry.isFIFO()) return '特殊文件（命名管道）';
  if (entry.isSocket()) return '特殊文件（套接字）';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return '特殊文件（设备）';
  if (!entry.isFile() && !entry.isDirectory()) return '特殊文件';
  return null;
}

function unreadableReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return '无法打开的文件夹（没有权限）';
  return `无法打开的文件夹（${code ?? '读取出错'}）`;
}

export function scanFolder(root: string): FolderScan {
  const files: FolderScan['files'] = [];
  const ignored: string[] = [];
  const skipped: FolderScan['skipped'] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    } catch (err) {
      if (dir === root) throw err;
      skipped.push({ relativePath: path.relative(root, dir).split(path.sep).join('/'), reason: unreadableReason(err) });
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.name.startsWith('.')) {
        skipped.push({ relativePath: rel, reason: entry.isDirectory() ? '隐藏文件夹' : '隐藏文件' });
        continue;
      }
      const special = specialReason(entry);
      if (special) {
        skipped.push({ relativePath: rel, reason: special });
        continue;
      }
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (entry.name.startsWith('~$') || !IMPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        ignored.push(rel);
        continue;
      }
      files.push({ path: full, relativePath: rel });
    }
  };
  walk(root);
  return { files, ignored, skipped };
}
