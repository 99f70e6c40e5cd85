import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.ts';
import { REPO_ROOT, tempDir } from '../helpers/paths.ts';

/**
 * `npm run cli -- export audit | export verification | report`: exit 0 done, 1 a clear Chinese
 * error, 2 bad arguments; files appear only complete (written under a temporary name, renamed).
 */

const TODAY = '2026-11-29';
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('registry-reports-cli-');
  process.env['REGISTRY_TODAY'] = TODAY;
  const backend = await createBackend({ dataDir, appRoot: REPO_ROOT, host: 'cli' });
  const result = await backend.call('system.generateSampleData', { seed: 2023 });
  backend.close();
  expect(result.ok).toBe(true);
});

function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts'), ...args, '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_TODAY: TODAY, REGISTRY_QUIET: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

describe('report', () => {
  it('prints the paragraphs, or {"year", "text", "figures"} as JSON', () => {
    const text = cli(['report', '--year', '2023']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('的1032人、28名行政执法监督人员进行了换证统计和上报工作。2023年共发证428人');
    const json = cli(['report', '--year', '2023', '--json']);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { year: number; text: string; figures: Record<string, number> };
    expect(Object.keys(parsed)).toEqual(['year', 'text', 'figures']);
    expect(parsed.year).toBe(2023);
    expect(parsed.text).toBe(text.stdout.trimEnd());
    expect(parsed.figures).toMatchObject({ enforcement: 1032, supervision: 28, issued: 428, agencies: 23, items: 1771, published: 14 });
  });

  it('refuses bad arguments with exit code 2', () => {
    for (const args of [
      ['report', '--year', '23'],
      ['report', '--yaer', '2023'],
      ['report', 'extra'],
    ]) {
      const run = cli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/[年度参数选项]/);
    }
  });
});

describe('export audit', () => {
  it('writes the workbook into place, nothing else beside it', async () => {
    const dir = tempDir('audit-out-');
    const out = path.join(dir, '审核表.xlsx');
    const run = cli(['export', 'audit', '--out', out, '--year', '2026']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('已导出审核表');
    expect(fs.readdirSync(dir)).toEqual(['审核表.xlsx']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '人员明细', '换证名册', '注销公示', '检查事项统计', '四项清单统计', '发布情况', '数据问题']);
  });

  it('exits 2 on bad arguments and 1 with a Chinese message when the folder is missing', () => {
    expect(cli(['export', 'audit']).status).toBe(2);
    expect(cli(['export', 'audit', '--out', 'x.csv']).status).toBe(2);
    expect(cli(['export', 'audit', '--out', 'x.xlsx', '--year', 'abcd']).status).toBe(2);
    expect(cli(['export', 'audit', '--out', 'x.xlsx', '--bogus']).status).toBe(2);
    expect(cli(['export', 'something', '--out', 'x.xlsx']).status).toBe(2);
    const missing = cli(['export', 'audit', '--out', path.join(tempDir('audit-none-'), 'no', 'such', 'x.xlsx')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('文件夹不存在');
  });
});

describe('export verification', () => {
  it('writes one workbook per agency into the folder (creating it)', () => {
    const dir = path.join(tempDir('verification-out-'), '核对表');
    const run = cli(['export', 'verification', '--out', dir]);
    expect(run.status, run.stderr).toBe(0);
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(23);
    expect(files.every((f) => f.endsWith(`_核对表_${TODAY}.xlsx`))).toBe(true);
    expect(run.stdout).toContain('已记入操作记录');
    expect(cli(['export', 'verification', '--out', dir, '--year', '2025']).status).toBe(2);
  });
});
