import { createBackend, type Backend } from '../../../electron/backend/backend.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { percentile, type Measure } from '../measure.ts';
import { addBulkPersonnel } from './personnel-bulk-data.ts';

/** The sample registry (37 units, 1,060 people) plus generated people up to 100,000 in all. */
async function registryOf100k(): Promise<Backend> {
  const backend = await createBackend({ dataDir: tempDir('bench-personnel-'), appRoot: REPO_ROOT, host: 'cli' });
  const sample = await backend.call('system.generateSampleData', { seed: 2023 });
  if (!sample.ok) throw new Error(sample.error.message);
  addBulkPersonnel(backend.context.db, 100_000 - 1_060, backend.context.today());
  backend.context.db.exec('ANALYZE');
  return backend;
}

/** What a clerk does with the roster: open it, filter, search by each kind of key, sort by columns. */
const QUERIES: { filter: Record<string, unknown>; sort?: { key: string; order: 'asc' | 'desc' } }[] = [
  { filter: {} },
  { filter: { expiringWithinDays: 180 } },
  { filter: { expiringWithinDays: 180, includeExpired: true } },
  { filter: { statuses: ['即将到期', '已过期'] } },
  { filter: { statuses: ['无证'] } },
  { filter: { trainingShort: true } },
  { filter: { unitIds: [3] }, sort: { key: 'name', order: 'asc' } },
  { filter: { unitKind: '乡镇街道' } },
  { filter: { certType: '行政执法监督证' } },
  { filter: { legalReviewersOnly: true } },
  { filter: { search: 'zw' } },
  { filter: { search: '张伟' } },
  { filter: { search: '刘' } },
  { filter: { search: '6796' } },
  { filter: { search: 'HN0981' } },
  { filter: {}, sort: { key: 'name', order: 'asc' } },
  { filter: {}, sort: { key: 'expiryDate', order: 'desc' } },
  { filter: {}, sort: { key: 'status', order: 'asc' } },
  { filter: {}, sort: { key: 'trainingHours', order: 'asc' } },
  { filter: {}, sort: { key: 'idNumber', order: 'asc' } },
];

async function timed(backend: Backend, method: string, input: unknown): Promise<number> {
  const start = performance.now();
  const result = await backend.call(method, input);
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return ms;
}

export const measures: Measure[] = [
  {
    name: 'roster_query_p95_ms',
    description: '名册查询（10 万人：筛选、搜索、排序 20 种，各 5 次，含首屏 60 行）p95',
    unit: 'ms',
    max: 20,
    also: [{ name: 'personnel.roster-query-after-write-100k.p95.ms', description: '同上，但每次查询前先写入一次（名册缓存作废，排序与筛选都重新计算）p95', unit: 'ms' }],
    async run() {
      const backend = await registryOf100k();
      const times: number[] = [];
      for (const q of QUERIES) await timed(backend, 'personnel.query', { ...q, firstRows: 60 });
      for (let round = 0; round < 5; round += 1) {
        for (const q of QUERIES) times.push(await timed(backend, 'personnel.query', { ...q, firstRows: 60 }));
      }
      // The first query after an edit: the roster's caches (roster-cache.ts) are dropped by any write.
      const touch = backend.context.db.prepare(`UPDATE units SET sort_order = sort_order WHERE id = 1`);
      const afterWrite: number[] = [];
      for (let round = 0; round < 2; round += 1) {
        for (const q of QUERIES) {
          touch.run();
          afterWrite.push(await timed(backend, 'personnel.query', { ...q, firstRows: 60 }));
        }
      }
      backend.close();
      return { roster_query_p95_ms: percentile(times, 95), 'personnel.roster-query-after-write-100k.p95.ms': percentile(afterWrite, 95) };
    },
  },
  {
    name: 'personnel.roster-window-100k.p95.ms',
    description: '名册滚动时读取 100 行（10 万人，按姓名排序的任意位置）p95',
    unit: 'ms',
    max: 20,
    async run() {
      const backend = await registryOf100k();
      const all = await backend.call('personnel.query', { filter: {}, sort: { key: 'name', order: 'asc' }, firstRows: 0 });
      if (!all.ok) throw new Error(all.error.message);
      const ids = (all.value as { ids: number[] }).ids;
      const times: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const at = Math.floor((i * 7919) % Math.max(1, ids.length - 100));
        times.push(await timed(backend, 'personnel.rows', { ids: ids.slice(at, at + 100) }));
      }
      backend.close();
      return percentile(times, 95);
    },
  },
  {
    name: 'personnel.renewal-roster-sample.ms',
    description: '换证人员名册（示例数据，180 天内到期，含 Excel 导出）',
    unit: 'ms',
    max: 1000,
    async run() {
      const backend = await createBackend({ dataDir: tempDir('bench-renewal-'), appRoot: REPO_ROOT, host: 'cli' });
      await backend.call('system.generateSampleData', { seed: 2023 });
      const request = { kind: 'renewal', filter: { expiringWithinDays: 180, includeExpired: true } };
      await timed(backend, 'rosters.get', request);
      const ms = (await timed(backend, 'rosters.get', request)) + (await timed(backend, 'rosters.exportXlsx', request));
      backend.close();
      return ms;
    },
  },
];
