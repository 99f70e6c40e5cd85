import { createBackend, type Backend } from '../../../electron/backend/backend.ts';
import type { SearchResult } from '../../../shared/api/methods/catalog.ts';
import { CATALOG_KINDS, type CatalogKind } from '../../../shared/domain/list-kinds.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { percentile, type Measure } from '../measure.ts';

/**
 * Search latency over queries of 1 to 7 characters cut from the registry's own text (so every
 * query finds something), measured through the backend's entry point as the page calls it: over
 * the whole registry, and narrowed to one agency (the drop-down) and to one agency and kind (the
 * tags), which once took seconds per query (issue 8).
 */

async function sampleBackend(): Promise<Backend> {
  const backend = await createBackend({ dataDir: tempDir(), appRoot: REPO_ROOT, host: 'cli' });
  const result = await backend.call('system.generateSampleData', { seed: 2023 });
  if (!result.ok) throw new Error(result.error.message);
  return backend;
}

/** Grows the catalog to `target` inspection items by copying the sample's items with a varied name (the FTS triggers index each). */
function growCatalog(backend: Backend, target: number): void {
  const db = backend.context.db;
  const copy = db.prepare(
    `INSERT INTO inspection_items (unit_id, name, category, basis, subject, undertaking_body, target, content, method, frequency, notes, sort_order)
     SELECT unit_id, name || '（' || @round || '）', category, basis, subject, undertaking_body, target, content, method, frequency, notes, sort_order + @round * 10000
       FROM inspection_items WHERE id <= @base LIMIT @limit`,
  );
  const base = db.prepare(`SELECT max(id) FROM inspection_items`).pluck().get() as number;
  db.transaction(() => {
    for (let round = 1; ; round += 1) {
      const have = db.prepare(`SELECT count(*) FROM inspection_items`).pluck().get() as number;
      if (have >= target) break;
      copy.run({ round, base, limit: Math.min(base, target - have) });
    }
  })();
}

/** Substrings of names, violations and contents (of each length in turn), spread evenly over the rows. */
function queries(backend: Backend, count: number, lengths: readonly number[] = [1, 2, 3, 4, 5, 6, 7]): string[] {
  const texts = backend.context.db
    .prepare(
      `SELECT name FROM inspection_items WHERE id % 37 = 0 UNION ALL SELECT violation FROM penalty_list_items WHERE id % 7 = 0 UNION ALL SELECT content FROM inspection_items WHERE id % 41 = 0 AND content IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  const out: string[] = [];
  for (let i = 0; out.length < count; i += 1) {
    const text = [...(texts[i % texts.length] ?? '检查')].filter((c) => !/\s/.test(c));
    const length = lengths[i % lengths.length] ?? 1;
    const start = (i * 13) % Math.max(1, text.length - length);
    out.push(text.slice(start, start + length).join(''));
  }
  return out;
}

type SearchInput = { q: string; unitId?: number; kind?: CatalogKind };

async function searchP95(backend: Backend, inputs: readonly SearchInput[]): Promise<number> {
  return percentile(await searchTimes(backend, inputs), 95);
}

/** The time of each search (after 20 warm-up searches), as the page calls it. */
async function searchTimes(backend: Backend, inputs: readonly SearchInput[]): Promise<number[]> {
  const call = async (input: SearchInput) => {
    const r = await backend.call('search.query', input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as SearchResult;
  };
  for (const input of inputs.slice(0, 20)) await call(input);
  const times: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await call(input);
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Each query narrowed to the agency with the most rows (the slowest case), and again to that
 * agency and one kind, taking in turn each kind the agency holds (catalog and lists).
 */
function filteredInputs(backend: Backend, qs: readonly string[]): SearchInput[] {
  const db = backend.context.db;
  const unitId = db.prepare(`SELECT unit_id FROM catalog_fts_owners GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`).pluck().get() as number;
  const held = new Set(db.prepare(`SELECT DISTINCT kind FROM catalog_fts_owners WHERE unit_id = ?`).pluck().all(unitId) as CatalogKind[]);
  const kinds = CATALOG_KINDS.filter((k) => held.has(k));
  return qs.flatMap((q, i) => [
    { q, unitId },
    { q, unitId, kind: kinds[i % kinds.length] ?? 'inspection_items' },
  ]);
}

export const measures: Measure[] = [
  {
    name: 'catalog.search.sample.p95.ms',
    description: '全文检索 p95（示例数据 2,199 条，1–7 个字的检索词 700 个）',
    unit: 'ms',
    max: 20,
    async run() {
      const backend = await sampleBackend();
      const ms = await searchP95(
        backend,
        queries(backend, 700).map((q) => ({ q })),
      );
      backend.close();
      return ms;
    },
  },
  {
    name: 'search_p95_ms',
    description: '全文检索 p95（20 万条检查事项，1、2、3、7 个字的检索词各 90 个，不筛选及按条目最多的单位、该单位加一类清单筛选各一次，首页 200 条及分组计数）',
    unit: 'ms',
    max: 30,
    also: [
      { name: 'search_all_p95_ms', description: '其中不筛选单位的检索 p95', unit: 'ms' },
      { name: 'search_unit_p95_ms', description: '其中按单位（及清单）筛选的检索 p95', unit: 'ms' },
    ],
    async run() {
      const backend = await sampleBackend();
      growCatalog(backend, 200_000);
      const qs = queries(backend, 360, [1, 2, 3, 7]);
      const all = await searchTimes(
        backend,
        qs.map((q) => ({ q })),
      );
      const unit = await searchTimes(backend, filteredInputs(backend, qs));
      backend.close();
      return { search_p95_ms: percentile([...all, ...unit], 95), search_all_p95_ms: percentile(all, 95), search_unit_p95_ms: percentile(unit, 95) };
    },
  },
  {
    name: 'catalog.index.200k.ms',
    description: '建立 20 万条检查事项的两个全文索引（经触发器逐条写入）',
    unit: 'ms',
    max: 120_000,
    async run() {
      const backend = await sampleBackend();
      const start = performance.now();
      growCatalog(backend, 200_000);
      const ms = performance.now() - start;
      backend.close();
      return ms;
    },
  },
];
