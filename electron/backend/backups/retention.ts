import { toDayNumber } from '../../../shared/domain/dates.ts';
import { stampDay, type ParsedBackupName } from './backup-names.ts';

/**
 * Which backups to keep: the newest 10, plus the newest of each of the last 30 days, plus the
 * newest of each of the last 12 months. Everything else in the backups folder that the program
 * named is deleted after each new backup; files it did not name are never touched.
 */
export interface RetentionPolicy {
  keepLast: number;
  dailyDays: number;
  monthlyMonths: number;
}

export const RETENTION: RetentionPolicy = { keepLast: 10, dailyDays: 30, monthlyMonths: 12 };

function monthIndex(isoDay: string): number {
  return Number(isoDay.slice(0, 4)) * 12 + Number(isoDay.slice(5, 7)) - 1;
}

/** The names to keep, given every backup and the local date today (YYYY-MM-DD). */
export function backupsToKeep(backups: readonly ParsedBackupName[], today: string, policy: RetentionPolicy = RETENTION): Set<string> {
  // Newest first; the name breaks ties (…-2 after the first of that second).
  const sorted = [...backups].sort((a, b) => (a.stamp === b.stamp ? b.name.localeCompare(a.name) : b.stamp.localeCompare(a.stamp)));
  const keep = new Set(sorted.slice(0, policy.keepLast).map((b) => b.name));
  const todayNumber = toDayNumber(today);
  const thisMonth = monthIndex(today);
  const days = new Set<string>();
  const months = new Set<number>();
  for (const backup of sorted) {
    const day = stampDay(backup.stamp);
    if (todayNumber - toDayNumber(day) < policy.dailyDays && !days.has(day)) {
      days.add(day);
      keep.add(backup.name);
    }
    const month = monthIndex(day);
    if (thisMonth - month < policy.monthlyMonths && !months.has(month)) {
      months.add(month);
      keep.add(backup.name);
    }
  }
  return keep;
}
