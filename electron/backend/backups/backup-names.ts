import { BACKUP_REASONS, type BackupReason } from '../../../shared/api/methods/database.ts';
import { isIsoDate } from '../../../shared/domain/dates.ts';

/**
 * Backup file names carry when and why the copy was taken, in the PC's local time (the clerk's
 * day): registry-20260102-153000-before-import.sqlite3, with -2, -3 … when two fall in one second.
 * The name is the only record of both; nothing else needs to be read to list or prune backups.
 */

export interface ParsedBackupName {
  name: string;
  /** Local "YYYYMMDD-HHMMSS". */
  stamp: string;
  reason: BackupReason;
}

const NAME = /^registry-(\d{8}-\d{6})-([a-z-]+?)(?:-(\d{1,3}))?\.sqlite3$/;
/** Before this version: registry-v3-before-upgrade-20260102-030405.sqlite3, stamped in UTC. */
const LEGACY_NAME = /^registry-v\d+-before-upgrade-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite3$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function localStamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

export function backupFileName(reason: BackupReason, date: Date, attempt = 1): string {
  return `registry-${localStamp(date)}-${reason}${attempt > 1 ? `-${attempt}` : ''}.sqlite3`;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (m) {
    const reason = m[2] as BackupReason;
    const stamp = m[1] ?? '';
    if (!(BACKUP_REASONS as readonly string[]).includes(reason) || !isIsoDate(stampDay(stamp))) return null;
    return { name, stamp, reason };
  }
  const legacy = LEGACY_NAME.exec(name);
  if (legacy) {
    const [, y, mo, d, h, mi, s] = legacy.map(Number);
    const local = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s));
    return { name, stamp: localStamp(local), reason: 'before-upgrade' };
  }
  return null;
}

/** "20260102-153000" → "2026-01-02 15:30:00". */
export function stampText(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)} ${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}`;
}

/** "20260102-153000" → "2026-01-02". */
export function stampDay(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
}
