import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { parseBackupName } from '../../electron/backend/backups/backup-names.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { callOk } from '../helpers/backend.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * The commit is atomic across a crash: the command line imports a large roster and is killed with
 * SIGKILL at random points — most of them while its one import transaction is being written, the
 * rest anywhere from start-up to the end (the day's backup, parsing, the backup before the
 * import) — and after every kill the database passes integrity_check and holds either the whole
 * batch or none of it, and every backup under its final name is whole.
 */

const CLI = path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts');
const ROWS = 2000;
/** Runs go on until this many children were killed (a run whose child finished first does not count) … */
const KILLS = 22;
/** … or this many runs were made. */
const MAX_RUNS = 60;
/** Two children at a time: the runs are mostly start-up, and the machine has two cores. */
const LANES = 2;
const TODAY = '2024-06-30';

let template: string;
let roster: string;

/** A roster as an agency sends it: title row, header, IDs as text, dates as date cells, a card each. */
function rosterBytes(rows: number): Buffer {
  const aoa: (string | number)[][] = [['沅江市公安局行政执法人员花名册'], ['序号', '姓名', '性别', '身份证号码', '编制类型', '职务', '执法类别', '执法证号', '发证日期', '有效期至']];
  for (let i = 0; i < rows; i += 1) {
    const birth = new Date(Date.UTC(1970, 0, 1) + (3650 + ((i * 37) % 10950)) * 86_400_000).toISOString().slice(0, 10);
    const seq = (i % 999) + 1;
    const issue = 43647 + (i % 1800); // 2019-07-01 + up to ~5 years, all before TODAY
    aoa.push([
      i + 1,
      `王${'伟芳敏静强磊军洋'[i % 8] ?? '伟'}${'一二三四五六七八九'[i % 9] ?? ''}`,
      seq % 2 === 1 ? '男' : '女',
      composeIdNumber(String(430000 + Math.floor(i / 999)), birth, seq),
      '行政编制',
      '民警',
      '公安',
      `CRASH-${String(i).padStart(6, '0')}`,
      issue,
      issue + 1826,
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), '花名册');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

beforeAll(async () => {
  template = tempDir('registry-crash-template-');
  const backend = await createBackend({ dataDir: template, appRoot: REPO_ROOT, host: 'cli' });
  await callOk(backend, 'units.create', {
    name: '沅江市公安局',
    shortName: '公安局',
    kind: '市直单位',
    keepsInspectionLists: false,
    sortOrder: 0,
    staffingQuota: null,
    contactPerson: '',
    contactPhone: '',
    notes: '',
    aliases: [],
  });
  backend.close();
  roster = path.join(tempDir('registry-crash-roster-'), '沅江市公安局花名册.xlsx');
  fs.writeFileSync(roster, rosterBytes(ROWS));
}, 60_000);

interface RunOutcome {
  run: number;
  killedAt: string;
  killed: boolean;
  committed: boolean;
}

/** Starts the import in a fresh copy of the registry and kills it as `plan` says; resolves when it is gone. */
function importAndKill(run: number, plan: { afterImportBackup: boolean; delayMs: number }): Promise<{ dir: string; killedAt: string; killed: boolean }> {
  const dir = tempDir('registry-crash-');
  fs.copyFileSync(path.join(template, 'registry.sqlite3'), path.join(dir, 'registry.sqlite3'));
  const backups = path.join(dir, 'backups');
  const child = spawn(process.execPath, [CLI, 'import', roster, '--data-dir', dir], { cwd: REPO_ROOT, env: { ...process.env, REGISTRY_TODAY: TODAY, REGISTRY_QUIET: '1' }, stdio: 'ignore' });
  const started = performance.now();
  let killedAt = 'not killed (finished first)';
  let watcher: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  const kill = (where: string) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killedAt = where;
    child.kill('SIGKILL');
  };
  if (plan.afterImportBackup) {
    // The backup before the import is renamed into place just before the import's transaction starts.
    watcher = setInterval(() => {
      let names: string[];
      try {
        names = fs.readdirSync(backups);
      } catch {
        return;
      }
      if (names.some((n) => parseBackupName(n)?.reason === 'before-import')) {
        clearInterval(watcher);
        const seen = performance.now();
        timer = setTimeout(() => kill(`${Math.round(performance.now() - seen)} ms into the import (${Math.round(performance.now() - started)} ms after start)`), plan.delayMs);
      }
    }, 2);
  } else {
    timer = setTimeout(() => kill(`${Math.round(performance.now() - started)} ms after start`), plan.delayMs);
  }
  return new Promise((resolve) => {
    child.on('exit', (_code, signal) => {
      clearInterval(watcher);
      clearTimeout(timer);
      resolve({ dir, killedAt, killed: signal === 'SIGKILL' });
    });
  });
}

/** What a killed import left: a sound file, and the batch whole or absent. */
function verify(run: number, dir: string, killedAt: string): boolean {
  const where = `run ${run}, killed ${killedAt}`;
  // Opened read-write, as the program's next start would: SQLite rolls the write-ahead log forward or back.
  const db = new Database(path.join(dir, 'registry.sqlite3'));
  try {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
    expect(db.pragma('foreign_key_check'), where).toEqual([]);
    const batches = db.prepare(`SELECT count(*) FROM import_batches`).pluck().get() as number;
    const operations = db.prepare(`SELECT count(*) FROM operations WHERE kind = 'import'`).pluck().get() as number;
    const people = db.prepare(`SELECT count(*) FROM personnel`).pluck().get() as number;
    const cards = db.prepare(`SELECT count(*) FROM certificates`).pluck().get() as number;
    const cached = db.prepare(`SELECT count(*) FROM certificate_current`).pluck().get() as number;
    const logged = db.prepare(`SELECT count(*) FROM change_log c JOIN operations o ON o.id = c.operation_id WHERE o.kind = 'import'`).pluck().get() as number;
    expect([batches, operations], where).toEqual(batches === 0 ? [0, 0] : [1, 1]);
    expect({ people, cards, cached }, where).toEqual(batches === 0 ? { people: 0, cards: 0, cached: 0 } : { people: ROWS, cards: ROWS, cached: ROWS });
    if (batches === 1) expect(logged, where).toBeGreaterThanOrEqual(ROWS * 3);
    else expect(logged, where).toBe(0);
    // Every backup under its final name is whole; a half-written one can only be a temporary file.
    const backups = path.join(dir, 'backups');
    for (const name of fs.existsSync(backups) ? fs.readdirSync(backups) : []) {
      if (!parseBackupName(name)) {
        expect(name, where).toMatch(/^\..*\.tmp(-journal)?$/);
        continue;
      }
      const copy = new Database(path.join(backups, name), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true }), `${where}: backup ${name}`).toBe('ok');
      copy.close();
    }
    return batches === 1;
  } finally {
    db.close();
  }
}

describe('an import killed with SIGKILL', () => {
  it(`leaves a sound database with the whole batch or none of it (at least ${KILLS} kills)`, { timeout: 240_000 }, async () => {
    const outcomes: RunOutcome[] = [];
    let next = 1;
    const lane = async () => {
      while (outcomes.filter((o) => o.killed).length < KILLS && next <= MAX_RUNS) {
        const run = next;
        next += 1;
        // Three runs in four are killed while the import writes (its transaction takes about a
        // second here), the fourth anywhere from start-up on.
        const plan = run % 4 === 0 ? { afterImportBackup: false, delayMs: Math.random() * 4000 } : { afterImportBackup: true, delayMs: Math.random() * 1200 };
        const { dir, killedAt, killed } = await importAndKill(run, plan);
        outcomes.push({ run, killedAt, killed, committed: verify(run, dir, killedAt) });
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));

    const killed = outcomes.filter((o) => o.killed);
    const summary = `${outcomes.length} runs, ${killed.length} killed (${killed.filter((o) => o.committed).length} found the batch committed whole, ${killed.filter((o) => !o.committed).length} found nothing of it), ${outcomes.length - killed.length} finished first; 0 partial batches, 0 damaged files`;
    console.info(`crash test: ${summary}`);
    expect(killed.length).toBeGreaterThanOrEqual(20);
  });
});
