import type { FileCheck, SheetCheck } from '../../../shared/import/check-schema.ts';
import { IMPORT_KIND_LABELS, type FileStatus, type RowStatus } from '../../../shared/import/import-kinds.ts';

/** Colours and words the 导入 page uses for statuses, in one place. */

export const FILE_STATUS_COLORS: Readonly<Record<FileStatus, string>> = {
  unreadable: 'red',
  errors: 'volcano',
  ready: 'green',
  nothing: 'default',
  committed: 'blue',
};

export const ROW_STATUS_COLORS: Readonly<Record<RowStatus, string>> = {
  add: 'green',
  change: 'blue',
  unchanged: 'default',
  transfer: 'purple',
  duplicate: 'default',
  error: 'red',
  excluded: 'default',
};

export function kindLabel(sheet: SheetCheck): string {
  return sheet.kind === 'skipped' ? '未导入' : IMPORT_KIND_LABELS[sheet.kind];
}

export function sumCounts(file: FileCheck, key: keyof SheetCheck['counts']): number {
  return file.sheets.reduce((n, s) => n + s.counts[key], 0);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / 1048576).toFixed(1)} MB`;
}
