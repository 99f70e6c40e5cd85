import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { backupFileName, parseBackupName } from '../../electron/backend/backups/backup-names.ts';
import { createBackup, listBackups } from '../../electron/backend/backups/backup-service.ts';
import { backupsToKeep } from '../../electron/backend/backups/retention.ts';
import { stopParseWorker } from '../../electron/backend/import/parse-runner.ts';
import type { BackupEntry } from '../../shared/api/methods/database.ts';
import type { FileCheck } from '../../shared/import/check-schema.ts';
import { isoDateOf, addDays } from '../../shared/domain/dates.ts';
import { callErr, callOk } from '../helpers/backend.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/** Backups through the online backup API, verified, pruned; taken at start, before imports and on demand. */

let dataDir: string;
let backend: Backend;

const open = (dir: string) => createBackend({ dataDir: dir, appRoot: REPO_ROOT, host: 'cli', checkOutputs: true });
const backupsIn = (dir: string) => listBackups(path.join(dir, 'backups'));
const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dataDir = tempDir('registry-backups-');
  backend = await open(dataDir);
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
}, 120_000);

afterAll(async () => {
  backend.close();
  await stopParseWorker();
});

describe('a backup', () => {
  it('is a verified, self-contained, owner-only copy taken from the open database', async () => {
    const entry = await callOk<BackupEntry>(backend, 'backups.create', {});
    expect(entry.reason).toBe('manual');
    const file = path.join(dataDir, 'backups', entry.name);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare(`SELECT count(*) FROM personnel`).pluck().get()).toBe(backend.context.db.prepare(`SELECT count(*) FROM personnel`).pluck().get());
    db.close();
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // One file, nothing half-written or beside it.
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.startsWith('.') || f.endsWith('-wal') || f.endsWith('-journal'))).toEqual([]);
    expect((await callOk<{ backups: BackupEntry[] }>(backend, 'backups.list', {})).backups[0]).toEqual(entry);
  });

  it('is taken once a day when the program starts on an existing registry', async () => {
    const dir = tempDir('registry-backups-daily-');
    const first = await open(dir);
    await callOk(first, 'units.list', {});
    first.close();
    // A new registry has nothing to protect yet.
    expect(backupsIn(dir)).toEqual([]);
    for (let start = 0; start < 3; start += 1) (await open(dir)).close();
    const daily = backupsIn(dir).filter((b) => b.reason === 'daily');
    expect(daily).toHaveLength(1);
    expect(daily[0]?.takenAt.slice(0, 10)).toBe(isoDateOf(new Date()));
  });

  it('is taken before every import commit, holding the registry as it was', async () => {
    const people = backend.context.db.prepare(`SELECT count(*) FROM personnel`).pluck().get() as number;
    const bytes = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'import', '公安局-执法人员花名册.xlsx'));
    const { fileId } = await callOk<{ fileId: string }>(backend, 'files.stage', { name: '公安局-执法人员花名册.xlsx', dataBase64: bytes.toString('base64') });
    const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId] });
    expect((await backend.context.jobs.wait(jobId)).state).toBe('done');
    const [file] = (await callOk<{ files: FileCheck[] }>(backend, 'import.checkResult', { jobId })).files;
    const before = backupsIn(dataDir).filter((b) => b.reason === 'before-import').length;
    const result = await callOk<{ added: number }>(backend, 'import.commit', { checkId: file?.checkId, skipErrorRows: true });
    expect(result.added).toBeGreaterThan(0);
    const taken = backupsIn(dataDir).filter((b) => b.reason === 'before-import');
    expect(taken).toHaveLength(before + 1);
    expect(count(path.join(dataDir, 'backups', taken[0]?.name ?? ''), `SELECT count(*) FROM personnel`)).toBe(people);
    // The agency's file is not kept once imported.
    expect(fs.existsSync(path.join(dataDir, 'staging', `${fileId}.bin`))).toBe(false);
  });

  it('is refused while the database cannot be copied soundly, and nothing is imported then', async () => {
    // A read-only registry (damaged) refuses to back up, so an import cannot start without its backup.
    const dir = tempDir('registry-backups-');
    fs.writeFileSync(path.join(dir, 'registry.sqlite3'), '');
    const damaged = await open(dir);
    try {
      expect((await callErr(damaged, 'backups.create', {})).message).toContain('只读');
      expect((await callErr(damaged, 'backups.download', {})).message).toContain('只读');
    } finally {
      damaged.close();
    }
  });

  it('can be downloaded once (the browser host’s “back up to a chosen folder”), which is recorded', async () => {
    const { fileId, name, size } = await callOk<{ fileId: string; name: string; size: number }>(backend, 'backups.download', {});
    expect(parseBackupName(name)?.reason).toBe('manual');
    const file = await callOk<{ name: string; dataBase64: string }>(backend, 'files.get', { fileId });
    const copy = path.join(tempDir(), 'downloaded.sqlite3');
    fs.writeFileSync(copy, Buffer.from(file.dataBase64, 'base64'));
    expect(fs.statSync(copy).size).toBe(size);
    expect(count(copy, `SELECT count(*) FROM units`)).toBe(backend.context.db.prepare(`SELECT count(*) FROM units`).pluck().get());
    // Handed over once, then gone from the data folder.
    expect((await callErr(backend, 'files.get', { fileId })).code).toBe('NOT_FOUND');
    const access = await callOk<{ entries: { kind: string; summary: string }[] }>(backend, 'history.access', {});
    expect(access.entries[0]).toMatchObject({ kind: 'backup_copy', summary: expect.stringContaining('下载备份') });
  });

  it('answers UNSUPPORTED for the desktop folder picker outside Electron', async () => {
    expect((await callErr(backend, 'desktop.backupToFolder', {})).code).toBe('UNSUPPORTED');
  });
});

describe('retention on disk', () => {
  it('keeps the last 10, one a day for 30 days, one a month for a year, and never touches other files', async () => {
    const dir = tempDir('registry-retention-');
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const db = new Database(path.join(dir, 'small.sqlite3'));
    db.exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1)`);
    // Two years of daily backups, two a day (copies of a small closed file stand in for them).
    const now = new Date();
    const today = isoDateOf(now);
    const names: string[] = [];
    for (let d = 1; d < 730; d += 1) {
      for (const hour of [9, 17]) {
        const [y, m, day] = addDays(today, -d).split('-').map(Number);
        const name = backupFileName('daily', new Date(y ?? 0, (m ?? 1) - 1, day, hour, 0, 0));
        fs.writeFileSync(path.join(backups, name), 'x');
        names.push(name);
      }
    }
    fs.writeFileSync(path.join(backups, 'README.txt'), 'not ours');
    fs.writeFileSync(path.join(backups, 'registry-copy-by-hand.sqlite3'), 'not ours');
    const taken = await createBackup(db, backups, 'manual', { now });
    db.close();
    const left = fs.readdirSync(backups).sort();
    const parsed = [...names, taken.name].map((n) => parseBackupName(n)).filter((p) => p !== null);
    expect(left).toEqual([...backupsToKeep(parsed, today), 'README.txt', 'registry-copy-by-hand.sqlite3'].sort());
    expect(left.length).toBeLessThanOrEqual(10 + 30 + 12 + 2);
    expect(left).toContain(taken.name);
  });
});
