import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliFile } from '../../electron/backend/import/cli-report.ts';
import { expectedTotals, SUBMISSIONS, type Submission } from '../fixtures/import/county-fixtures.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * A county's folder of 23 agency submissions through `npm run cli -- import DIR --add-units --json`
 * on an EMPTY data folder: no unit list, no settings. Nothing is refused because the unit list is
 * empty — every unit the files name is added with them — and only the files with truly wrong rows
 * are set aside. What the registry must hold is computed from the fixtures' definitions.
 */

const TODAY = '2025-06-30';
const COUNTY = path.join(REPO_ROOT, 'test', 'fixtures', 'import-real', 'county');

function cli(args: string[], dataDir: string): { status: number; files: CliFile[]; stdout: string } {
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts'), 'import', COUNTY, ...args, '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_TODAY: TODAY, REGISTRY_QUIET: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const json = args.includes('--json') ? (JSON.parse(child.stdout || '{"files":[]}') as { files: CliFile[] }) : { files: [] };
  return { status: child.status ?? -1, files: json.files, stdout: child.stdout };
}

function query<T>(dataDir: string, sql: string): T[] {
  const db = new Database(path.join(dataDir, 'registry.sqlite3'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const ready = SUBMISSIONS.filter((s) => s.checked === 'ready');
const withErrors = SUBMISSIONS.filter((s) => s.checked === 'errors');
/** The units a set of submissions puts people, items or entries in. */
const unitsOf = (list: readonly Submission[]) => new Set(list.flatMap((s) => [...s.people.map((p) => p.unit), ...s.items.map((i) => i.unit), ...s.entries.map((e) => e.unit)]));
const agenciesOf = (list: readonly Submission[]) => new Set(list.flatMap((s) => [...s.items.map((i) => i.unit), ...s.entries.map((e) => e.unit)]));

describe('a county’s 23 submissions on an empty registry, from the command line', () => {
  let dryRun: { status: number; files: CliFile[] };

  beforeAll(() => {
    dryRun = cli(['--dry-run', '--json'], tempDir('registry-county-dry-'));
  });

  it('checks every file; rows whose only problem is a unit to add count as importable, each sheet naming its units to add', () => {
    expect(dryRun.files.map((f) => f.file).sort()).toEqual(SUBMISSIONS.map((s) => s.path).sort());
    expect(dryRun.status).toBe(1);
    for (const s of SUBMISSIONS) {
      const file = dryRun.files.find((f) => f.file === s.path);
      expect(file?.status, s.path).toBe(s.checked);
      for (const sheet of file?.sheets ?? []) {
        if (sheet.kind === 'skipped') continue;
        // The empty registry knows no unit: every sheet needs one added, its own or its rows'.
        expect(sheet.unitsToAdd.length, `${s.path} ${sheet.sheet}`).toBeGreaterThan(0);
        if (s.checked === 'ready') expect(sheet.counts.importable, `${s.path} ${sheet.sheet}`).toBe(sheet.counts.read - sheet.rows.filter((r) => r.status === 'duplicate').length);
      }
    }
    const town = dryRun.files.find((f) => f.file === '乡镇街道执法人员汇总表.xlsx')?.sheets?.[0];
    expect(town?.agency).toBeNull();
    expect(town?.unitsToAdd).toEqual([
      { name: '琼湖街道', kind: '乡镇街道' },
      { name: '胭脂湖街道', kind: '乡镇街道' },
      { name: '庆云山街道', kind: '乡镇街道' },
    ]);
    const culture = dryRun.files.find((f) => f.file === '文旅广体局名册.xls')?.sheets?.[0];
    expect(culture?.agency).toEqual({ unitId: null, name: '沅江市文化旅游广电体育局', source: 'fill_in' });
    expect(culture?.unitsToAdd).toEqual([{ name: '沅江市文化旅游广电体育局', kind: '市直单位' }]);
  });

  it('without --add-units, sets every such file aside, names the units and exits 1, writing nothing', () => {
    const dataDir = tempDir('registry-county-refused-');
    const run = cli(['--json'], dataDir);
    expect(run.status).toBe(1);
    expect(run.files.filter((f) => f.committed)).toEqual([]);
    const culture = run.files.find((f) => f.file === '文旅广体局名册.xls');
    expect(culture?.notCommitted).toBe(
      '文件“文旅广体局名册.xls”要导入，须先新增单位名单中没有的单位：沅江市文化旅游广电体育局（市直单位）。请确认后再导入。（加上 --add-units 即一并新增这些单位并导入）',
    );
    expect(query<{ n: number }>(dataDir, `SELECT count(*) AS n FROM units`)).toEqual([{ n: 0 }]);
  });

  it('with --add-units, imports every clean file with the units it names, sets the files with errors aside, and holds exactly the files’ totals', () => {
    const dataDir = tempDir('registry-county-');
    const run = cli(['--add-units', '--json'], dataDir);
    expect(run.status).toBe(1);
    expect(
      run.files
        .filter((f) => f.committed)
        .map((f) => f.file)
        .sort(),
    ).toEqual(ready.map((s) => s.path).sort());
    expect(
      run.files
        .filter((f) => !f.committed)
        .map((f) => [f.file, f.status])
        .sort(),
    ).toEqual(withErrors.map((s) => [s.path, 'errors']).sort());

    // One unit per agency, however the files wrote its name: no twin (公安局 beside 沅江市公安局).
    const units = query<{ name: string; kind: string; keeps: number }>(dataDir, `SELECT name, kind, keeps_inspection_lists AS keeps FROM units ORDER BY name`);
    expect(units).toHaveLength(unitsOf(ready).size);
    for (const a of units) for (const b of units) if (a !== b) expect(a.name.endsWith(b.name), `${a.name} / ${b.name}`).toBe(false);
    expect(
      units
        .filter((u) => u.kind === '乡镇街道')
        .map((u) => u.name)
        .sort(),
    ).toEqual(['庆云山街道', '琼湖街道', '胭脂湖街道'].sort());
    expect(units.filter((u) => u.keeps === 1)).toHaveLength(agenciesOf(ready).size);

    const totals = expectedTotals([], ready);
    const [personnel] = query<{ enforcement: number; supervision: number; certs: number }>(
      dataDir,
      `SELECT count(*) FILTER (WHERE personnel_kind = '执法人员') AS enforcement, count(*) FILTER (WHERE personnel_kind = '监督人员') AS supervision,
              (SELECT count(*) FROM certificates) AS certs FROM personnel`,
    );
    expect(personnel).toEqual({ enforcement: totals.personnel.enforcement, supervision: totals.personnel.supervision, certs: totals.certificates.length });
    const [items] = query<{ general: number; key: number }>(
      dataDir,
      `SELECT count(*) FILTER (WHERE category = '一般检查事项') AS general, count(*) FILTER (WHERE category = '重点检查事项') AS key FROM inspection_items`,
    );
    expect(items).toEqual({ general: totals.inspectionItems.general, key: totals.inspectionItems.key });
    const lists = Object.fromEntries(query<{ kind: string; n: number }>(dataDir, `SELECT list_kind AS kind, count(*) AS n FROM penalty_list_items GROUP BY 1`).map((r) => [r.kind, r.n]));
    expect(lists).toEqual(Object.fromEntries(Object.entries(totals.lists).filter(([, n]) => n > 0)));
    // Each file is one batch, and the units it added went in with it.
    const batches = query<{ n: number }>(dataDir, `SELECT count(*) AS n FROM import_batches`);
    expect(batches).toEqual([{ n: ready.length }]);
  });
});
