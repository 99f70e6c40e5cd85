import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { latestVersion, loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase } from '../../electron/backend/db/open-database.ts';
import { DatabaseDamagedError } from '../../electron/backend/db/integrity.ts';
import type { BackupEntry, DatabaseStatus } from '../../shared/api/methods/database.ts';
import { callErr, callOk } from '../helpers/backend.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * A damaged database is never written to: real files with real damage (bytes overwritten, a file
 * cut to nothing, a file from a newer version), opened by a real backend.
 */

const LATEST = latestVersion(loadMigrations(MIGRATIONS_DIR));
/** The sample registry (1,060 people), closed: each test copies it into its own data folder. */
let template: string;
let templateUnits: number;

/** units.create's input for a plain municipal unit. */
const unit = (name: string) => ({ name, shortName: '', kind: '市直单位', keepsInspectionLists: false, sortOrder: 0, staffingQuota: null, contactPerson: '', contactPhone: '', notes: '', aliases: [] });

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const open = (dataDir: string) => createBackend({ dataDir, appRoot: REPO_ROOT, host: 'cli', checkOutputs: true });

/** A data folder holding a copy of the sample registry (and its backups, when asked). */
function dataDirWithCopy(options: { backups?: boolean } = {}): { dataDir: string; file: string } {
  const dataDir = tempDir('registry-safety-');
  fs.copyFileSync(path.join(template, 'registry.sqlite3'), path.join(dataDir, 'registry.sqlite3'));
  if (options.backups) fs.cpSync(path.join(template, 'backups'), path.join(dataDir, 'backups'), { recursive: true });
  return { dataDir, file: path.join(dataDir, 'registry.sqlite3') };
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, offset);
  fs.closeSync(fd);
}

/** No SQLite wording (English, technical) ever reaches the clerk. */
function expectClerkText(message: string | null | undefined): void {
  expect(message).toBeTruthy();
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).not.toMatch(/SQLITE_|malformed|btree|page \d|database disk|integrity_check\(|not a database/i);
}

beforeAll(async () => {
  template = tempDir('registry-safety-template-');
  const backend = await open(template);
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  // The backup's last change, which must stay undoable after a restore.
  await callOk(backend, 'units.create', unit('备份前最后新增的单位'));
  templateUnits = (await callOk<{ units: unknown[] }>(backend, 'units.list', {})).units.length;
  await callOk(backend, 'backups.create', {});
  backend.close();
}, 120_000);

/** Every way a damaged backend must refuse to write, and the file must stay as it was. */
async function expectReadOnly(backend: Backend): Promise<void> {
  const status = await callOk<DatabaseStatus>(backend, 'database.status', {});
  expect(status.readOnly).toBe(true);
  expectClerkText(status.message);
  expect((await callErr(backend, 'units.create', unit('测试新增单位'))).code).toBe('DATABASE_DAMAGED');
  expect((await callErr(backend, 'settings.update', { bureauName: '另一个司法局' })).code).toBe('DATABASE_DAMAGED');
  expect((await callErr(backend, 'backups.create', {})).message).toContain('只读');
  expectClerkText((await callErr(backend, 'personnel.revealIdNumber', { id: 1 })).message);
}

describe('a damaged database file', () => {
  const damages: Array<[string, (file: string) => void]> = [
    ['64 KiB of random bytes in the middle', (f) => overwrite(f, Math.floor(fs.statSync(f).size / 2 / 4096) * 4096, crypto.randomBytes(65536))],
    ['64 KiB of random bytes at a quarter', (f) => overwrite(f, Math.floor(fs.statSync(f).size / 4 / 4096) * 4096, crypto.randomBytes(65536))],
    ['64 KiB of zeros in the middle', (f) => overwrite(f, Math.floor(fs.statSync(f).size / 2 / 4096) * 4096, Buffer.alloc(65536))],
    ['64 KiB of random bytes near the end', (f) => overwrite(f, fs.statSync(f).size - 65536 - 8192, crypto.randomBytes(65536))],
    ['64 KiB of random bytes at the start (the header)', (f) => overwrite(f, 0, crypto.randomBytes(65536))],
    ['its last half cut off', (f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2 / 4096) * 4096)],
  ];

  it.each(damages)('with %s does not start writable, and is left byte for byte as it was', async (_label, damage) => {
    const { dataDir, file } = dataDirWithCopy();
    damage(file);
    const before = sha256(file);
    const backend = await open(dataDir);
    try {
      expect(backend.context.database.writable).toBe(false);
      expect(['damaged', 'unreadable']).toContain(backend.context.database.health.state);
      await expectReadOnly(backend);
    } finally {
      backend.close();
    }
    expect(sha256(file)).toBe(before);
    // A damaged database is never taken as the day's backup (it would push good ones out).
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    // openDatabase itself refuses it, with the state and SQLite's findings for the log.
    const error = await openDatabase(file, { backupDir: path.join(dataDir, 'backups'), migrations: loadMigrations(MIGRATIONS_DIR) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as DatabaseDamagedError).health.details.length).toBeGreaterThan(0);
    expect(sha256(file)).toBe(before);
  });

  it('is refused when empty (0 bytes): never taken for a new registry, and left empty', async () => {
    const dataDir = tempDir('registry-safety-');
    const file = path.join(dataDir, 'registry.sqlite3');
    fs.writeFileSync(file, '');
    const backend = await open(dataDir);
    try {
      const status = await callOk<DatabaseStatus>(backend, 'database.status', {});
      expect(status).toMatchObject({ state: 'empty', readOnly: true });
      expect(status.message).toContain('0 字节');
      expect(status.message).toContain('不会把它当作新的空白台账');
      await expectReadOnly(backend);
      // The page behind the notice still draws (an empty stand-in answers reads).
      expect((await callOk<{ isEmpty: boolean }>(backend, 'system.info', {})).isEmpty).toBe(true);
    } finally {
      backend.close();
    }
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('registry'))).toEqual(['registry.sqlite3']);
  });

  it('is a new registry only when the file is truly absent', async () => {
    const dataDir = tempDir('registry-safety-');
    const backend = await open(dataDir);
    expect(backend.context.database.writable).toBe(true);
    expect((await callOk<DatabaseStatus>(backend, 'database.status', {})).state).toBe('ok');
    backend.close();
    expect(fs.statSync(path.join(dataDir, 'registry.sqlite3')).size).toBeGreaterThan(0);
  });

  it('offers the newest good backup, which restores the registry; the damaged file is kept aside unchanged', async () => {
    const { dataDir, file } = dataDirWithCopy({ backups: true });
    overwrite(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096, crypto.randomBytes(65536));
    const damaged = sha256(file);
    // An older backup that is itself damaged is skipped in favour of the newest good one.
    const [good] = fs.readdirSync(path.join(dataDir, 'backups'));
    const brokenBackup = path.join(dataDir, 'backups', 'registry-20990101-000000-daily.sqlite3');
    fs.copyFileSync(file, brokenBackup);
    const backend = await open(dataDir);
    try {
      const status = await callOk<DatabaseStatus>(backend, 'database.status', {});
      expect(status.newestGoodBackup?.name).toBe(good);
      const restored = await callOk<{ safetyBackup: string | null; damagedCopy: string | null; message: string }>(backend, 'backups.restore', { name: good });
      expect(restored.safetyBackup).toBeNull();
      expect(restored.damagedCopy).toMatch(/^registry-damaged-\d{8}-\d{6}\.sqlite3$/);
      expectClerkText(restored.message);
      expect(sha256(path.join(dataDir, restored.damagedCopy ?? ''))).toBe(damaged);
      expect(await callOk<DatabaseStatus>(backend, 'database.status', {})).toMatchObject({ state: 'ok', readOnly: false, message: null });
      expect((await callOk<{ units: unknown[] }>(backend, 'units.list', {})).units).toHaveLength(templateUnits);
      await callOk(backend, 'units.create', unit('恢复后新增的单位'));
      expect((await callOk<{ ok: boolean }>(backend, 'database.check', {})).ok).toBe(true);
    } finally {
      backend.close();
    }
  });
});

describe('a database from a newer version of the program', () => {
  it('is refused before anything is switched or written: the file stays byte-identical, nothing is created beside it', async () => {
    const dataDir = tempDir('registry-safety-');
    const file = path.join(dataDir, 'registry.sqlite3');
    const first = await open(dataDir);
    first.close();
    const raw = new Database(file);
    // As a newer program would leave it: another journal mode too, so a switch to WAL would show.
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${LATEST + 3}`);
    raw.close();
    const before = sha256(file);
    const listing = fs.readdirSync(dataDir).sort();
    const error = await open(dataDir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATABASE_NEWER' });
    expectClerkText((error as Error).message);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing);
  });
});

describe('restore', () => {
  it('backs the current database up first, keeps the backup’s own history (undo works), and records who restored', async () => {
    const { dataDir } = dataDirWithCopy({ backups: true });
    const backend = await open(dataDir);
    try {
      const [backup] = (await callOk<{ backups: BackupEntry[] }>(backend, 'backups.list', {})).backups.filter((b) => b.reason === 'manual');
      expect(backup).toBeDefined();
      await callOk(backend, 'settings.update', { operatorName: '王伟' });
      const created = await callOk<{ id: number }>(backend, 'units.create', unit('备份之后新增的单位'));
      const restored = await callOk<{ safetyBackup: string }>(backend, 'backups.restore', { name: backup?.name ?? '' });
      // The unit made after the backup is gone …
      expect((await callOk<{ units: { id: number }[] }>(backend, 'units.list', {})).units.map((u) => u.id)).not.toContain(created.id);
      // … and kept in the safety backup taken just before.
      const safety = new Database(path.join(dataDir, 'backups', restored.safetyBackup), { readonly: true });
      expect(safety.prepare(`SELECT count(*) FROM units WHERE name = '备份之后新增的单位'`).pluck().get()).toBe(1);
      safety.close();
      // The restored registry's history is its own, whole: its last operation can still be undone.
      const history = await callOk<{ operations: { id: number; summary: string }[] }>(backend, 'history.recent', { limit: 5 });
      expect(history.operations[0]?.summary).toContain('备份前最后新增的单位');
      await callOk(backend, 'history.undo', { operationId: history.operations[0]?.id ?? 0 });
      expect((await callOk<{ units: unknown[] }>(backend, 'units.list', {})).units).toHaveLength(templateUnits - 1);
      const access = await callOk<{ entries: { kind: string; operator: string; summary: string }[] }>(backend, 'history.access', {});
      expect(access.entries[0]).toMatchObject({ kind: 'restore', operator: '未署名' });
    } finally {
      backend.close();
    }
  });

  it('refuses a file that is not a sound registry of this or an older version, and changes nothing', async () => {
    const { dataDir } = dataDirWithCopy({ backups: true });
    const backend = await open(dataDir);
    const stage = async (name: string, bytes: Buffer) => (await callOk<{ fileId: string }>(backend, 'files.stage', { name, dataBase64: bytes.toString('base64') })).fileId;
    try {
      await callOk(backend, 'units.create', unit('恢复失败后仍在的单位'));
      const otherDir = tempDir();
      const foreign = new Database(path.join(otherDir, 'other.sqlite3'));
      foreign.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
      foreign.pragma('user_version = 1');
      foreign.close();
      const newer = path.join(otherDir, 'newer.sqlite3');
      fs.copyFileSync(path.join(template, 'registry.sqlite3'), newer);
      const raw = new Database(newer);
      raw.pragma(`user_version = ${LATEST + 1}`);
      raw.close();
      const broken = Buffer.from(fs.readFileSync(path.join(template, 'registry.sqlite3')));
      crypto.randomBytes(65536).copy(broken, Math.floor(broken.length / 2 / 4096) * 4096);
      const cases: Array<[string, Buffer, RegExp]> = [
        ['名册.xlsx', Buffer.from('PK\u0003\u0004 not a database'), /不是执法台账的数据库文件/],
        ['空文件.sqlite3', Buffer.alloc(0), /空文件/],
        ['其他数据库.sqlite3', fs.readFileSync(path.join(otherDir, 'other.sqlite3')), /不是执法台账的数据库/],
        ['新版本.sqlite3', fs.readFileSync(newer), /更新版本/],
        ['损坏的备份.sqlite3', broken, /完整性检查|损坏/],
      ];
      for (const [name, bytes, expected] of cases) {
        const error = await callErr(backend, 'backups.restore', { fileId: await stage(name, bytes) });
        expect(error.message, name).toMatch(expected);
        expectClerkText(error.message);
      }
      expect((await callOk<{ units: { name: string }[] }>(backend, 'units.list', {})).units.map((u) => u.name)).toContain('恢复失败后仍在的单位');
      expect((await callOk<{ backups: BackupEntry[] }>(backend, 'backups.list', {})).backups.map((b) => b.reason)).not.toContain('before-restore');
      expect(backend.context.database.writable).toBe(true);
    } finally {
      backend.close();
    }
  });

  it('accepts a backup picked from elsewhere (a USB stick) and an older version, which it upgrades', async () => {
    const { dataDir } = dataDirWithCopy();
    const backend = await open(dataDir);
    try {
      // A registry at version 1 with one unit, as an old backup would be.
      const oldDir = tempDir();
      const old = await openDatabase(path.join(oldDir, 'old.sqlite3'), { backupDir: oldDir, migrations: loadMigrations(MIGRATIONS_DIR).slice(0, 1) });
      old.db.prepare(`INSERT INTO units (name, kind) VALUES ('旧备份中的单位', '市直单位')`).run();
      old.db.pragma('journal_mode = DELETE');
      old.db.close();
      const { fileId } = await callOk<{ fileId: string }>(backend, 'files.stage', { name: '旧备份.sqlite3', dataBase64: fs.readFileSync(path.join(oldDir, 'old.sqlite3')).toString('base64') });
      const restored = await callOk<{ message: string }>(backend, 'backups.restore', { fileId });
      expect(restored.message).toContain('已升级');
      expect(backend.context.schemaVersion).toBe(LATEST);
      expect((await callOk<{ units: { name: string }[] }>(backend, 'units.list', {})).units.map((u) => u.name)).toEqual(['旧备份中的单位']);
      // The staged copy of the picked file is not kept.
      expect(fs.readdirSync(path.join(dataDir, 'staging')).filter((f) => !f.startsWith('.'))).toEqual([]);
    } finally {
      backend.close();
    }
  });
});
