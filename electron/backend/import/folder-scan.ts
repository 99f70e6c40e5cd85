import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_EXTENSIONS } from '../../../shared/import/import-kinds.ts';

/**
 * The files of a submissions folder (a USB stick, an OA download folder), sub-folders included.
 * Spreadsheet files are taken by extension; Office's lock files (~$名册.xlsx), hidden files and
 * other documents (a cover letter .docx) are listed as ignored, not read.
 */
export interface FolderScan {
  files: { path: string; relativePath: string }[];
  ignored: string[];
}

export function scanFolder(root: string): FolderScan {
  const files: FolderScan['files'] = [];
  const ignored: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      if (entry.name.startsWith('~$') || !IMPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
        ignored.push(rel);
        continue;
      }
      files.push({ path: full, relativePath: rel });
    }
  };
  walk(root);
  return { files, ignored };
}
