import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliFile } from '../../electron/backend/import/cli-report.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { entityXlsx, xfdColumnXlsx } from '../fixtures/import/hostile/hostile-files.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * The command line on a submissions folder holding what a USB stick can hold: a file over the
 * 50 MB cap and one over 2 GiB (sparse files: nothing is written to the disk), hidden files and
 * folders, a link, a named pipe and a socket, a file whose name holds a line break and a terminal
 * escape sequence, and hostile workbooks — beside one good roster. The good roster is imported,
 * every other file gets its own Chinese message or is listed as skipped with its reason, nothing is
 * printed raw to the terminal, and no stack trace appears.
 */

const TODAY = '2024-06-30';
const UNIT = '沅江市司法局';
const GOOD = `${UNIT}名册.csv`;
const ROSTER = `姓名,身份证号,编制类型\n田甜,430102199205052429,行政编制\n`;
const ESC_NAME = '名册\n\x1b[31m红.xlsx';

let dataDir: string;
let folder: string;
let server: net.Server;

function cli(args: string[], dir = dataDir) {
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts'), 'import', ...args, '--data-dir', dir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_TODAY: TODAY },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

async function freshData(): Promise<string> {
  const dir = tempDir('registry-cli-hostile-');
  const backend = await createBackend({ dataDir: dir, appRoot: REPO_ROOT, host: 'cli' });
  const made = await backend.call('units.create', {
    name: UNIT,
    shortName: null,
    kind: '市直单位',
    keepsInspectionLists: false,
    sortOrder: 1,
    staffingQuota: null,
    contactPerson: null,
    contactPhone: null,
    notes: null,
    aliases: [],
  });
  backend.close();
  expect(made.ok).toBe(true);
  return dir;
}

beforeAll(async () => {
  process.env['REGISTRY_TODAY'] = TODAY;
  dataDir = await freshData();
  folder = tempDir('registry-cli-folder-');
  const put = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(folder, name), data);
  put(GOOD, ROSTER);
  put('实体引用.xlsx', entityXlsx());
  put('XFD列.xlsx', xfdColumnXlsx(2000));
  put(ESC_NAME, Buffer.from('%PDF-1.4\n'));
  // Sparse: the size is real, the disk holds nothing.
  fs.closeSync(fs.openSync(path.join(folder, '过大的名册.xlsx'), 'w'));
  fs.truncateSync(path.join(folder, '过大的名册.xlsx'), 51 * 1024 * 1024);
  fs.closeSync(fs.openSync(path.join(folder, '超过2GB.xlsx'), 'w'));
  fs.truncateSync(path.join(folder, '超过2GB.xlsx'), Math.round(2.2 * 1024 * 1024 * 1024));
  put('.隐藏的名册.csv', ROSTER);
  fs.mkdirSync(path.join(folder, '.git'));
  fs.writeFileSync(path.join(folder, '.git', '名册.csv'), ROSTER);
  fs.symlinkSync(path.join(folder, GOOD), path.join(folder, '链接.csv'));
  execFileSync('mkfifo', [path.join(folder, '管道.csv')]);
  server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(folder, '套接字.csv'), resolve));
});

afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a folder with files that cannot be taken', () => {
  let json: { files: CliFile[]; ignored?: string[]; skipped?: { file: string; reason: string }[] };
  let run: ReturnType<typeof cli>;

  beforeAll(() => {
    run = cli([folder, '--dry-run', '--json']);
    json = JSON.parse(run.stdout) as typeof json;
  });

  it('checks every file, each unreadable one with its own message, and exits 2', () => {
    expect(run.status).toBe(2);
    // In the folder's order (by pinyin, as the clerk's file manager sorts Chinese names).
    expect(json.files.map((f) => [f.file, f.status, f.error?.code ?? null])).toEqual([
      ['超过2GB.xlsx', 'unreadable', 'FILE_TOO_LARGE'],
      ['过大的名册.xlsx', 'unreadable', 'FILE_TOO_LARGE'],
      [ESC_NAME, 'unreadable', 'FILE_NOT_SPREADSHEET'],
      ['实体引用.xlsx', 'errors', null],
      [GOOD, 'ready', null],
      ['XFD列.xlsx', 'unreadable', 'FILE_COLUMNS_BEYOND_LIMIT'],
    ]);
    const message = (name: string) => json.files.find((f) => f.file === name)?.error?.message;
    expect(message('超过2GB.xlsx')).toBe('文件“超过2GB.xlsx”大小为 2.2 GB（上限 50 MB），超过导入上限。请让报送单位拆分后分别报送。');
    expect(message('过大的名册.xlsx')).toBe('文件“过大的名册.xlsx”大小为 51.0 MB（上限 50 MB），超过导入上限。请让报送单位拆分后分别报送。');
  });

  it('lists hidden files and folders, links and special files as skipped, with the reason', () => {
    expect(json.skipped).toEqual([
      { file: '.隐藏的名册.csv', reason: '隐藏文件' },
      { file: '.git', reason: '隐藏文件夹' },
      { file: '管道.csv', reason: '特殊文件（命名管道）' },
      { file: '链接.csv', reason: '链接（快捷方式），不跟随' },
      { file: '套接字.csv', reason: '特殊文件（套接字）' },
    ]);
  });

  it('writes control characters in names as escapes, in JSON too', () => {
    expect(run.stdout.includes('\x1b')).toBe(false);
    expect(run.stdout).toContain('"file": "名册\\n\\u001b[31m红.xlsx"');
  });

  it('prints no stack trace', () => {
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |Error:/);
  });
});

describe('the same folder imported, as a table on the terminal', () => {
  it('imports the good roster, lists every other file in Chinese, escapes the name, and exits 2', () => {
    const dir = tempDir('registry-cli-hostile-copy-');
    fs.copyFileSync(path.join(dataDir, 'registry.sqlite3'), path.join(dir, 'registry.sqlite3'));
    const run = cli([folder], dir);
    expect(run.status).toBe(2);
    expect(run.stdout.includes('\x1b')).toBe(false);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(run.stdout).toContain('名册\\n\\x1b[31m红.xlsx');
    expect(run.stdout).toMatch(new RegExp(`${GOOD}\\s+已导入`));
    expect(run.stdout).toContain('文件“超过2GB.xlsx”大小为 2.2 GB（上限 50 MB），超过导入上限。');
    expect(run.stdout).toContain(
      '已跳过 5 个文件或文件夹：.隐藏的名册.csv（隐藏文件）、.git（隐藏文件夹）、管道.csv（特殊文件（命名管道））、链接.csv（链接（快捷方式），不跟随）、套接字.csv（特殊文件（套接字））',
    );
    const db = new Database(path.join(dir, 'registry.sqlite3'), { readonly: true });
    try {
      expect(db.prepare(`SELECT file_name FROM import_batches`).pluck().all()).toEqual([GOOD]);
    } finally {
      db.close();
    }
  });
});

describe('single files that cannot be taken', () => {
  it('a file over the cap given by name: its message, exit 2', () => {
    const run = cli([path.join(folder, '超过2GB.xlsx'), '--dry-run']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('文件“超过2GB.xlsx”大小为 2.2 GB（上限 50 MB），超过导入上限。');
  });

  it('a named pipe given by name is refused, never read (it would wait forever)', () => {
    const run = cli([path.join(folder, '管道.csv'), '--dry-run', '--json']);
    expect(run.status).toBe(2);
    expect((JSON.parse(run.stdout) as { files: CliFile[] }).files[0]?.error).toEqual({
      code: 'FILE_READ_FAILED',
      message: '文件“管道.csv”无法从磁盘读取（这是一个特殊文件（命名管道、设备等），不是普通文件）。请确认文件还在、有读取权限，或先复制到本机再导入。',
    });
  });
});

describe('an unexpected failure while importing one file', () => {
  it('is reported in Chinese for that file, the run goes on to the end, and exits 1', () => {
    const dir = tempDir('registry-cli-busy-');
    fs.copyFileSync(path.join(dataDir, 'registry.sqlite3'), path.join(dir, 'registry.sqlite3'));
    const only = tempDir('registry-cli-busy-folder-');
    fs.writeFileSync(path.join(only, GOOD), ROSTER);
    fs.writeFileSync(path.join(only, '第二个.csv'), Buffer.from('%PDF-1.4\n'));
    // Another program holds the write lock for the whole run (as another import committing would).
    const lock = new Database(path.join(dir, 'registry.sqlite3'));
    lock.exec('BEGIN IMMEDIATE');
    let run: ReturnType<typeof cli>;
    try {
      run = cli([only], dir);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(run.stdout).toContain(`未导入“${GOOD}”：`);
    expect(run.stdout).toContain('文件“第二个.csv”不是电子表格');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at |SqliteError|SQLITE_BUSY: /);
    expect(run.status).toBe(2);
  });
});
