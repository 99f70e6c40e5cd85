import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupName, stampText } from '../../electron/backend/backups/backup-names.ts';
import { backupsToKeep, RETENTION } from '../../electron/backend/backups/retention.ts';
import { addDays, toDayNumber } from '../../shared/domain/dates.ts';

/** A backup taken at 02:00 (plus `n` seconds) on an ISO day. */
function backupOn(day: string, n = 0, reason = 'daily') {
  const name = `registry-${day.replace(/-/g, '')}-02${String(Math.floor(n / 60)).padStart(2, '0')}${String(n % 60).padStart(2, '0')}-${reason}.sqlite3`;
  const parsed = parseBackupName(name);
  if (!parsed) throw new Error(name);
  return parsed;
}

describe('backup names', () => {
  it('carry the local time and the reason, and read back', () => {
    const date = new Date(2026, 0, 2, 15, 30, 5);
    expect(backupFileName('before-import', date)).toBe('registry-20260102-153005-before-import.sqlite3');
    expect(backupFileName('manual', date, 3)).toBe('registry-20260102-153005-manual-3.sqlite3');
    expect(parseBackupName('registry-20260102-153005-before-import.sqlite3')).toEqual({ name: 'registry-20260102-153005-before-import.sqlite3', stamp: '20260102-153005', reason: 'before-import' });
    expect(parseBackupName('registry-20260102-153005-manual-3.sqlite3')?.reason).toBe('manual');
    expect(stampText('20260102-153005')).toBe('2026-01-02 15:30:05');
  });

  it('read the names of earlier versions (UTC) and ignore anything else', () => {
    expect(parseBackupName('registry-v3-before-upgrade-20260102-030405.sqlite3')?.reason).toBe('before-upgrade');
    for (const other of ['registry.sqlite3', 'registry-20261399-000000-daily.sqlite3', 'registry-20260102-153005-whatever.sqlite3', 'notes.txt', '../registry-20260102-153005-daily.sqlite3']) {
      expect(parseBackupName(other), other).toBeNull();
    }
  });
});

describe('retention', () => {
  const today = '2026-12-02';

  it('keeps the newest 10 whatever their age', () => {
    const burst = Array.from({ length: 25 }, (_, i) => backupOn(today, i, 'before-import'));
    const keep = backupsToKeep(burst, today);
    expect([...keep].sort()).toEqual(
      burst
        .slice(15)
        .map((b) => b.name)
        .sort(),
    );
  });

  it('keeps the newest of each of the last 30 days and of each of the last 12 months, and nothing older', () => {
    // One backup a day, twice a day, for two years.
    const all = [];
    for (let d = 0; d < 730; d += 1) {
      const day = addDays(today, -d);
      all.push(backupOn(day, 0), backupOn(day, 90));
    }
    const keep = backupsToKeep(all, today);
    const days = [...keep].map((name) => name.slice(9, 17));
    // Beyond the newest 10 (both of each of the last 5 days), each kept backup is its day's newest.
    const newest10 = new Set(all.slice(0, 10).map((b) => b.name));
    expect([...keep].filter((name) => !newest10.has(name)).every((name) => name.includes('-020130-'))).toBe(true);
    // The last 30 days, each once.
    for (let d = 0; d < RETENTION.dailyDays; d += 1) expect(days).toContain(addDays(today, -d).replace(/-/g, ''));
    // One per month for 12 months: the newest of a month is its last day (or today, this month).
    const monthsKept = new Set(days.map((d) => d.slice(0, 6)));
    expect(monthsKept.size).toBe(RETENTION.monthlyMonths);
    expect(monthsKept.has('202601')).toBe(true);
    expect(monthsKept.has('202512')).toBe(false);
    // Nothing older than a year: January's is its last day.
    expect(Math.min(...days.map((d) => toDayNumber(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`)))).toBe(toDayNumber('2026-01-31'));
    // 30 days, the 5 other backups among the newest 10, and January … October's last days.
    expect(keep.size).toBe(30 + 5 + 10);
  });

  it('keeps an old backup when it is all there is', () => {
    const old = [backupOn('2019-05-01')];
    expect([...backupsToKeep(old, today)]).toEqual([old[0]?.name]);
  });
});
