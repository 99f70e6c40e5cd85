import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { listBackups } from '../../electron/backend/backups/backup-service.ts';
import { callOk } from '../helpers/backend.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * `npm run cli -- check | backup | restore` on real files, and the command line's Chinese answers
 * (exit 1, no English stack trace) to another program holding the database, a full disk and a
 * port already in use.
 */

const CLI = path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts');
/** A clean roster (no errors), so the import gets as far as writing. */
const ROSTER = path.join(REPO_ROOT, 'test', 'fixtures', 'import', '气象局名册-GBK.csv');

function cli(args: string[], dataDir: string): { status: number; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, REGISTRY_QUIET: '' } });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

/** What the clerk reads is Chinese, never a stack trace or SQLite's English. */
function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at |SqliteError|Error:|SQLITE_|node:internal/);
}

let template: string;

function copyOfTemplate(): string {
  const dir = tempDir('registry-cli-db-');
  fs.copyFileSync(path.join(template, 'registry.sqlite3'), path.join(dir, 'registry.sqlite3'));
  return dir;
}

beforeAll(async () => {
  template = tempDir('registry-cli-template-');
  const backend = await createBackend({ dataDir: template, appRoot: REPO_ROOT, host: 'cli' });
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  backend.close();
}, 120_000);

describe('check, backup, restore', () => {
  it('check: exit 0 and a Chinese report for a sound database; exit 1 naming the backup to restore for a damaged one', () => {
    const dir = copyOfTemplate();
    const sound = cli(['check'], dir);
    expect(sound.status).toBe(0);
    expect(sound.stdout).toContain('数据库完好');
    expect(cli(['backup'], dir).status).toBe(0);
    const file = path.join(dir, 'registry.sqlite3');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, crypto.randomBytes(65536), 0, 65536, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    const before = fs.readFileSync(file);
    const damaged = cli(['check'], dir);
    expect(damaged.status).toBe(1);
    expect(damaged.stdout).toContain('数据库文件已损坏');
    expect(damaged.stdout).toMatch(/最近一次完好的备份：registry-\d{8}-\d{6}-manual\.sqlite3/);
    expectNoStackTrace(damaged.stdout + damaged.stderr);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Any other command refuses the damaged file, in Chinese.
    const info = cli(['info'], dir);
    expect(info.status).toBe(1);
    expect(info.stderr).toContain('数据库文件已损坏');
    expectNoStackTrace(info.stderr);
    // restore by the name check printed.
    const name = /restore (registry-\S+\.sqlite3)/.exec(damaged.stdout)?.[1] ?? '';
    const restored = cli(['restore', name], dir);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('已从');
    expect(restored.stdout).toContain('已损坏的数据库文件已移到');
    expect(cli(['check'], dir).status).toBe(0);
  });

  it('backup --out writes a verified copy to a chosen file or folder (a USB stick), recorded in the access log', () => {
    const dir = copyOfTemplate();
    const usb = tempDir('registry-usb-');
    const toFolder = cli(['backup', '--out', usb], dir);
    expect(toFolder.status).toBe(0);
    const [written] = fs.readdirSync(usb);
    expect(written).toMatch(/^registry-\d{8}-\d{6}-manual\.sqlite3$/);
    const toFile = cli(['backup', '--out', path.join(usb, '台账备份.sqlite3')], dir);
    expect(toFile.status).toBe(0);
    for (const f of fs.readdirSync(usb)) {
      const db = new Database(path.join(usb, f), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare(`SELECT count(*) FROM personnel`).pluck().get()).toBe(1060);
      db.close();
    }
    const db = new Database(path.join(dir, 'registry.sqlite3'), { readonly: true });
    expect(db.prepare(`SELECT kind, summary FROM access_log ORDER BY id`).all()).toEqual([
      { kind: 'backup_copy', summary: `命令行备份：${written ?? ''}` },
      { kind: 'backup_copy', summary: '命令行备份：台账备份.sqlite3' },
    ]);
    db.close();
    expect(cli(['backup', '--out', path.join(usb, 'no-such-folder', 'x.sqlite3')], dir).status).toBe(1);
  });

  it('restore refuses a file that is not a registry, and changes nothing', () => {
    const dir = copyOfTemplate();
    const bogus = path.join(tempDir(), 'not-a-backup.sqlite3');
    fs.writeFileSync(bogus, 'hello');
    const run = cli(['restore', bogus], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('不是执法台账的数据库文件');
    expectNoStackTrace(run.stderr);
    expect(listBackups(path.join(dir, 'backups')).filter((b) => b.reason === 'before-restore')).toEqual([]);
  });
});

describe('foreseeable failures, in Chinese with exit 1', () => {
  it('another program holding the database (SQLITE_BUSY)', () => {
    const dir = copyOfTemplate();
    const holder = new Database(path.join(dir, 'registry.sqlite3'));
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    try {
      const run = cli(['import', ROSTER], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('数据库正被另一个程序占用');
      expectNoStackTrace(run.stdout + run.stderr);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    // Nothing was written meanwhile; the stack went to the log.
    const db = new Database(path.join(dir, 'registry.sqlite3'), { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM import_batches`).pluck().get()).toBe(0);
    db.close();
    expect(fs.readFileSync(path.join(dir, 'logs', 'registry.log'), 'utf8')).toContain('database is locked');
  });

  it('a port already in use by the web host', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const renderer = tempDir('renderer-');
      fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'electron', 'web', 'web-main.ts'), '--port', String(port), '--renderer-dir', renderer, '--data-dir', tempDir()], {
        cwd: REPO_ROOT,
        env: { ...process.env, REGISTRY_QUIET: '' },
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`端口 ${port} 已被其他程序占用`);
      expectNoStackTrace(stderr);
    } finally {
      blocker.close();
    }
  });
});

/** A full disk, for real (a tmpfs; mounting needs root). Skipped, saying so, where that is not allowed. */
const mountPoint = tempDir('registry-cli-full-');
const mounted = process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=40m,mode=0700', 'tmpfs', mountPoint]).status === 0;
if (!mounted) console.warn('cli-database: cannot mount a tmpfs here (needs root); the full-disk test is skipped');

describe.skipIf(!mounted)('a full disk (SQLITE_FULL / ENOSPC)', () => {
  afterAll(() => {
    spawnSync('umount', ['-l', mountPoint]);
  });

  it('import and backup stop with a Chinese message, exit 1, and nothing half-written', () => {
    const dir = path.join(mountPoint, 'data');
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(template, 'registry.sqlite3'), path.join(dir, 'registry.sqlite3'));
    // Today's automatic backup first, so the start itself has nothing left to do.
    expect(cli(['info'], dir).status).toBe(0);
    // Another program keeping the database open (its -wal and -shm exist) from before the disk filled.
    const holder = new Database(path.join(dir, 'registry.sqlite3'), { readonly: true });
    holder.prepare('SELECT count(*) FROM units').get();
    const fd = fs.openSync(path.join(mountPoint, 'filler'), 'w');
    try {
      for (const size of [1 << 20, 4096, 1]) {
        try {
          for (;;) fs.writeSync(fd, Buffer.alloc(size, 1));
        } catch {
          // full at this size: try smaller
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    const backupsBefore = fs.readdirSync(path.join(dir, 'backups'));
    const attempt = () => {
      const imported = cli(['import', ROSTER], dir);
      expect(imported.status).toBe(1);
      expect(imported.stdout + imported.stderr).toContain('磁盘空间不足');
      expectNoStackTrace(imported.stdout + imported.stderr);
      const backup = cli(['backup'], dir);
      expect(backup.status).toBe(1);
      expect(backup.stderr).toContain('磁盘空间不足');
      expectNoStackTrace(backup.stderr);
    };
    // With the other program there, it opens, and then cannot stage the file or take the backup an import needs.
    try {
      attempt();
    } finally {
      holder.close();
    }
    // Alone, SQLite cannot even map its shared-memory file on the full disk: it does not open.
    attempt();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual(backupsBefore);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.') || f.includes('.tmp'))).toEqual([]);
    fs.rmSync(path.join(mountPoint, 'filler'));
    const db = new Database(path.join(dir, 'registry.sqlite3'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare(`SELECT count(*) FROM import_batches`).pluck().get()).toBe(0);
    db.close();
  });
});
