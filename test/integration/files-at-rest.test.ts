import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.ts';
import { FileStore } from '../../electron/backend/files/file-store.ts';
import { sweepTemporaryFiles, writeFileAtomic } from '../../electron/backend/files/write-file-atomic.ts';
import { Log } from '../../electron/backend/log.ts';
import { callErr, callOk } from '../helpers/backend.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * What the program leaves on disk: owner-only files, nothing half-written (also on a full disk),
 * a log that cannot grow without bound, and no agency file or export kept after it served.
 */

const POSIX = process.platform !== 'win32';
const open = (dataDir: string) => createBackend({ dataDir, appRoot: REPO_ROOT, host: 'web', checkOutputs: true });

/** Every file and folder under `dir` with its permission bits. */
function modes(dir: string): Array<[string, number, 'dir' | 'file']> {
  const out: Array<[string, number, 'dir' | 'file']> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out.push([path.relative(dir, full), fs.statSync(full).mode & 0o777, entry.isDirectory() ? 'dir' : 'file']);
  }
  return out;
}

describe('data at rest', () => {
  it.skipIf(!POSIX)('keeps the data folder 0700 and every file in it 0600, also ones an older version left wider', async () => {
    const dataDir = tempDir('registry-modes-');
    fs.chmodSync(dataDir, 0o755);
    fs.mkdirSync(path.join(dataDir, 'logs'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'logs', 'registry.log'), 'old line\n', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'logs', 'registry.log'), 0o644);
    const backend = await open(dataDir);
    try {
      await callOk(backend, 'system.generateSampleData', { seed: 2023 });
      await callOk(backend, 'backups.create', {});
      const staged = await callOk<{ fileId: string }>(backend, 'files.stage', { name: '名册.xlsx', dataBase64: Buffer.from('x').toString('base64') });
      expect(staged.fileId).toMatch(/^[a-f0-9]{32}$/);
      await callOk(backend, 'rosters.exportXlsx', { kind: 'renewal', filter: { expiringWithinDays: 180 } });
      backend.context.log.write('info', 'a line');
      const all = modes(dataDir);
      expect(all.length).toBeGreaterThan(5);
      for (const [name, mode, kind] of all) expect([name, mode.toString(8)]).toEqual([name, kind === 'dir' ? '700' : '600']);
      expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    } finally {
      backend.close();
    }
  });

  it('deletes an export once handed over, an agency file once its import is discarded, and anything staged after a day', async () => {
    const dataDir = tempDir('registry-staging-');
    const backend = await open(dataDir);
    const staging = path.join(dataDir, 'staging');
    try {
      await callOk(backend, 'system.generateSampleData', { seed: 2023 });
      const exported = await callOk<{ fileId: string }>(backend, 'rosters.exportXlsx', { kind: 'renewal', filter: { expiringWithinDays: 180 }, fullIdNumbers: true });
      expect(fs.existsSync(path.join(staging, `${exported.fileId}.bin`))).toBe(true);
      await callOk(backend, 'files.get', { fileId: exported.fileId });
      // A roster with full ID numbers is not kept by the program.
      expect(fs.readdirSync(staging)).toEqual([]);

      const bytes = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'import', '公安局-执法人员花名册.xlsx'));
      const { fileId } = await callOk<{ fileId: string }>(backend, 'files.stage', { name: '公安局-执法人员花名册.xlsx', dataBase64: bytes.toString('base64') });
      const { jobId } = await callOk<{ jobId: string }>(backend, 'import.check', { fileIds: [fileId] });
      await backend.context.jobs.wait(jobId);
      const [file] = (await callOk<{ files: { checkId: string }[] }>(backend, 'import.checkResult', { jobId })).files;
      await callOk(backend, 'import.discard', { checkIds: [file?.checkId] });
      expect(fs.readdirSync(staging)).toEqual([]);

      const old = new FileStore(staging).put('旧文件.xlsx', Buffer.from('x'));
      const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
      for (const f of fs.readdirSync(staging)) fs.utimesSync(path.join(staging, f), dayAgo, dayAgo);
      backend.context.files.sweep();
      expect(fs.existsSync(old.path)).toBe(false);
    } finally {
      backend.close();
    }
  });

  it('caps what one running program may stage, with a clear message', () => {
    const store = new FileStore(tempDir('registry-cap-'), { maxFiles: 3, maxTotalBytes: 1000 });
    for (let i = 0; i < 3; i += 1) store.put(`第${i}个.xlsx`, Buffer.alloc(100));
    expect(() => store.put('第4个.xlsx', Buffer.alloc(100))).toThrow(/暂存区已满.*最多同时暂存 3 个文件/);
    const bySizeDir = tempDir('registry-cap-');
    const bySize = new FileStore(bySizeDir, { maxFiles: 100, maxTotalBytes: 1000 });
    bySize.put('大.xlsx', Buffer.alloc(900));
    expect(() => bySize.put('又一个.xlsx', Buffer.alloc(200))).toThrow(/暂存区已满/);
    // Once a file has served (imported, discarded, handed over), there is room again.
    const big =
      fs
        .readdirSync(bySizeDir)
        .find((f) => f.endsWith('.json'))
        ?.replace('.json', '') ?? '';
    bySize.remove(big);
    expect(bySize.put('又一个.xlsx', Buffer.alloc(200)).size).toBe(200);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole, and on failure leaves the old one and no temporary file', () => {
    const dir = tempDir('registry-atomic-');
    const file = path.join(dir, 'export.xlsx');
    writeFileAtomic(file, 'first');
    writeFileAtomic(file, 'second');
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(fs.readdirSync(dir)).toEqual(['export.xlsx']);
    // The target is a folder: the rename fails after the data was written.
    const folder = path.join(dir, 'a-folder');
    fs.mkdirSync(path.join(folder, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(folder, 'x')).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['a-folder', 'export.xlsx']);
  });

  it('sweeps temporary files a crash left, but only old ones', () => {
    const dir = tempDir('registry-atomic-');
    fs.writeFileSync(path.join(dir, '.registry-x.sqlite3.abc.tmp'), 'x');
    fs.writeFileSync(path.join(dir, '.registry-x.sqlite3.abc.tmp-journal'), 'x');
    fs.writeFileSync(path.join(dir, '.export.xlsx.def.tmp'), 'x');
    fs.writeFileSync(path.join(dir, 'keep.tmp'), 'x');
    const hourAgo = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(path.join(dir, '.registry-x.sqlite3.abc.tmp'), hourAgo, hourAgo);
    fs.utimesSync(path.join(dir, '.registry-x.sqlite3.abc.tmp-journal'), hourAgo, hourAgo);
    expect(sweepTemporaryFiles(dir, 3600_000)).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['.export.xlsx.def.tmp', 'keep.tmp']);
  });
});

describe('the log', () => {
  it('rotates: a few files of bounded size, however much is written', () => {
    const dir = tempDir('registry-log-');
    const log = new Log(dir, { limits: { maxBytes: 4096, keep: 3 }, echoErrors: false });
    for (let i = 0; i < 2000; i += 1) log.write('info', `line ${i} ${'x'.repeat(50)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['registry.log', 'registry.log.1', 'registry.log.2', 'registry.log.3']);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
      expect(text.endsWith('\n')).toBe(true);
    }
    expect(fs.readFileSync(path.join(dir, 'registry.log'), 'utf8')).toContain('line 1999');
  });

  it('clips a single huge entry instead of letting it flush the history', () => {
    const dir = tempDir('registry-log-');
    const log = new Log(dir, { echoErrors: false });
    log.write('error', 'huge', new Error('x'.repeat(5 * 1024 * 1024)));
    expect(fs.statSync(path.join(dir, 'registry.log')).size).toBeLessThanOrEqual(64 * 1024);
  });
});

/**
 * A full disk, for real: a small tmpfs (mounting needs root, as on the build machine and in CI).
 * Where mounting is not allowed, these tests are skipped, saying why.
 */
const mountPoint = tempDir('registry-fulldisk-');
const mounted = process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m,mode=0700', 'tmpfs', mountPoint]).status === 0;
if (!mounted) console.warn('files-at-rest: cannot mount a tmpfs here (needs root); the full-disk tests are skipped');

describe.skipIf(!mounted)('on a full disk (a 48 MiB tmpfs, filled up)', () => {
  let backend: Backend;
  const dataDir = path.join(mountPoint, 'data');
  const filler = path.join(mountPoint, 'filler.bin');

  /** Fills the file system to the last byte (ENOSPC). */
  function fillDisk(): void {
    const fd = fs.openSync(filler, 'a');
    const chunk = Buffer.alloc(1024 * 1024, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch {
      for (const size of [65536, 4096, 512, 1]) {
        try {
          for (;;) fs.writeSync(fd, chunk, 0, size);
        } catch {
          // next smaller
        }
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  beforeAll(async () => {
    backend = await open(dataDir);
    await callOk(backend, 'system.generateSampleData', { seed: 2023 });
    fillDisk();
  }, 120_000);

  afterAll(() => {
    backend?.close();
    spawnSync('umount', ['-l', mountPoint]);
  });

  /** Files whose names say they were left half-way. */
  const leftovers = () => modes(dataDir).filter(([name]) => /(^|\/)\.|\.tmp/.test(name));

  it('a backup fails with a Chinese message and leaves no half file', async () => {
    const error = await callErr(backend, 'backups.create', {});
    expect(error.message).toContain('磁盘空间不足');
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('an export fails with a Chinese message and leaves no half file', async () => {
    const error = await callErr(backend, 'rosters.exportXlsx', { kind: 'renewal', filter: { expiringWithinDays: 3650 } });
    expect(error.message).toContain('磁盘空间不足');
    expect(fs.readdirSync(path.join(dataDir, 'staging'))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('a change is refused whole and the database stays sound', async () => {
    // SQLite reuses the write-ahead log's space, so small changes may still fit: write until one does not.
    const ids = backend.context.db.prepare(`SELECT id FROM personnel`).pluck().all() as number[];
    let refused: { code: string; message: string } | null = null;
    let course = '';
    for (let round = 0; round < 200 && !refused; round += 1) {
      course = `满盘测试第${round}次${'课'.repeat(80)}`;
      const result = await backend.call('training.add', { personIds: ids, trainingDate: '2024-03-01', course, hours: 8, organiser: '', notes: '备'.repeat(200) });
      if (!result.ok) refused = result.error;
    }
    expect(refused?.message).toContain('磁盘空间不足');
    // All or nothing: the refused change left no row.
    expect(backend.context.db.prepare(`SELECT count(*) FROM training_records WHERE course = ?`).pluck().get(course)).toBe(0);
    expect(backend.context.db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('the log neither throws nor ends in half a line', () => {
    const log = path.join(dataDir, 'logs', 'registry.log');
    const before = fs.existsSync(log) ? fs.readFileSync(log) : Buffer.alloc(0);
    for (let i = 0; i < 50; i += 1) backend.context.log.write('info', `a line that does not fit ${'x'.repeat(2000)}`);
    const after = fs.existsSync(log) ? fs.readFileSync(log) : Buffer.alloc(0);
    expect(after.length === 0 || after.at(-1) === 0x0a).toBe(true);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
  });

  it('once space is freed, everything works again and nothing was damaged', async () => {
    fs.rmSync(filler);
    expect((await callOk<{ ok: boolean }>(backend, 'database.check', {})).ok).toBe(true);
    await callOk(backend, 'backups.create', {});
    const db = new Database(path.join(dataDir, 'registry.sqlite3'), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  });
});
