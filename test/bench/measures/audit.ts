import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createBackend } from '../../../electron/backend/backend.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { median, type Measure } from '../measure.ts';
import { addBulkPersonnel } from './personnel-bulk-data.ts';

/**
 * The audit workbook (审核表) at 100,000 people: its time and the peak memory of the process that
 * writes it (the streaming writer's promise: about 300 MiB). The registry is the sample data plus
 * generated people, made first; the export then runs in a fresh process (audit-export-child.ts),
 * as `npm run cli -- export audit` would, so its memory is measured alone.
 */

interface ExportRun {
  ms: number;
  rss: number;
  bytes: number;
}

let cached: { databasePath: string; today: string } | null = null;

async function registryOf100k(): Promise<{ databasePath: string; today: string }> {
  if (cached) return cached;
  const backend = await createBackend({ dataDir: tempDir('bench-audit-'), appRoot: REPO_ROOT, host: 'cli' });
  const sample = await backend.call('system.generateSampleData', { seed: 2023 });
  if (!sample.ok) throw new Error(sample.error.message);
  addBulkPersonnel(backend.context.db, 100_000 - 1_060, backend.context.today());
  backend.context.db.exec('ANALYZE');
  backend.context.db.pragma('wal_checkpoint(TRUNCATE)');
  cached = { databasePath: backend.context.paths.databasePath, today: backend.context.today() };
  backend.close();
  return cached;
}

async function exportOnce(what: 'audit' | 'verification' | 'public-list'): Promise<ExportRun> {
  const { databasePath, today } = await registryOf100k();
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'test', 'bench', 'audit-export-child.ts'), what, databasePath, today], {
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_QUIET: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = /@@AUDIT (.+)/.exec(child.stdout ?? '')?.[1];
  if (!line) throw new Error(`export failed: ${child.stderr}`);
  return JSON.parse(line) as ExportRun;
}

/** Three exports, each in a fresh process: the median time and the median peak memory. */
async function medianExport(what: 'audit' | 'verification' | 'public-list', runs = 3): Promise<{ ms: number; rss: number }> {
  const done: ExportRun[] = [];
  for (let i = 0; i < runs; i += 1) done.push(await exportOnce(what));
  return { ms: median(done.map((r) => r.ms)), rss: median(done.map((r) => r.rss)) };
}

export const measures: Measure[] = [
  {
    name: 'audit_100k_s',
    description: '审核表（10 万人，8 张工作表，流式写入文件）用时，三次中位数',
    unit: 's',
    max: 3,
    also: [{ name: 'audit_100k_rss_mib', description: '审核表（10 万人）写入进程的内存峰值，三次中位数', unit: 'MiB', max: 300 }],
    async run() {
      const { ms, rss } = await medianExport('audit');
      return { audit_100k_s: ms / 1000, audit_100k_rss_mib: rss };
    },
  },
  {
    name: 'export_100k_s',
    description: '执法人员公示名单 Excel（10 万人中的持证人员，rosters.exportXlsx）用时，三次中位数',
    unit: 's',
    max: 3,
    also: [{ name: 'export_100k_rss_mib', description: '导出公示名单的进程内存峰值（含打开台账），三次中位数', unit: 'MiB', max: 300 }],
    async run() {
      const { ms, rss } = await medianExport('public-list');
      return { export_100k_s: ms / 1000, export_100k_rss_mib: rss };
    },
  },
  {
    name: 'audit.verification-23-agencies-100k.ms',
    description: '23 个执法单位的核对表（10 万人中执法单位的人员、目录和清单）用时',
    unit: 'ms',
    async run() {
      return (await exportOnce('verification')).ms;
    },
  },
];
