import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { searchStatements, type SearchFilter } from '../../electron/backend/catalog/search-service.ts';
import type { SearchResult } from '../../shared/api/methods/catalog.ts';
import { CATALOG_KINDS } from '../../shared/domain/list-kinds.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

process.env['REGISTRY_TODAY'] = '2025-06-30';

/**
 * Issue 8: a search narrowed to one agency took seconds where the same search over everything
 * took milliseconds. SQLite had passed `rowid IN (agency's rows)` to FTS5 as a rowid = constraint
 * and ran the MATCH once per row of the agency. These tests check the query plan of every
 * statement search builds (searchStatements: the SQL it runs, not a copy), and that narrowing
 * changes nothing but which rows are kept.
 */

let backend: Backend;
/** The agency with the most rows (in the sample data it holds the catalog and all four lists). */
let unitId: number;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  unitId = backend.context.db.prepare(`SELECT unit_id FROM catalog_fts_owners GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`).pluck().get() as number;
});

afterAll(() => backend.close());

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

const FTS_TABLE = /\bcatalog_fts_(trigram|chars)\b/;
/** How SQLite prints a virtual table scan: `INDEX idxNum:idxStr`, FTS5's idxStr naming its constraints (M = MATCH, = rowid equal, < > rowid range). */
const FTS_SCAN = /^SCAN (catalog_fts_trigram|catalog_fts_chars) VIRTUAL TABLE INDEX \d+:(\S*)$/;
const LOOP = /^(SCAN|SEARCH) /;

/**
 * What is wrong with a plan, in words; empty when every FTS table is read by its MATCH, gets no
 * rowid = constraint (which makes FTS5 run the MATCH once per rowid handed to it, from an IN list
 * or an outer loop over catalog_fts_owners or the other index), and is the outermost loop of its
 * level, and the index that should lead is scanned.
 */
function planProblems(rows: readonly PlanRow[], leading: string): string[] {
  const problems: string[] = [];
  for (const row of rows.filter((r) => FTS_TABLE.test(r.detail))) {
    const scan = FTS_SCAN.exec(row.detail);
    if (!scan) {
      problems.push(`not a MATCH scan: ${row.detail}`);
      continue;
    }
    const idxStr = scan[2] ?? '';
    if (!idxStr.includes('M')) problems.push(`read without its MATCH: ${row.detail}`);
    if (idxStr.includes('=')) problems.push(`MATCH run once per rowid (rowid = constraint): ${row.detail}`);
    const outermost = rows.find((r) => r.parent === row.parent && LOOP.test(r.detail));
    if (outermost !== row) problems.push(`nested inside a loop over another table (${outermost?.detail}): ${row.detail}`);
  }
  if (!rows.some((r) => r.detail.startsWith(`SCAN ${leading} VIRTUAL TABLE INDEX`))) problems.push(`${leading} is not scanned`);
  return problems;
}

function explain(sql: string, params: Record<string, unknown>): PlanRow[] {
  return backend.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as PlanRow[];
}

// One- and two-character terms lead with the per-character index; 3+ with the trigram index,
// with the per-character index as a second condition when short terms come along.
const PLAN_QUERIES: [string, string][] = [
  ['证', 'catalog_fts_chars'],
  ['许可', 'catalog_fts_chars'],
  ['许可 食品', 'catalog_fts_chars'],
  ['许可证', 'catalog_fts_trigram'],
  ['落实情况的检查', 'catalog_fts_trigram'],
  ['许可证 食', 'catalog_fts_trigram'],
];

function filters(): SearchFilter[] {
  const out: SearchFilter[] = [];
  for (const unit of [null, unitId]) for (const kind of [null, 'inspection_items', 'no_penalty'] as const) out.push({ unitId: unit, kind });
  return out;
}

/** Every statement, for every query and filter, whose plan has a problem, with the plan. */
function badPlans(): string[] {
  const out: string[] = [];
  for (const [q, leading] of PLAN_QUERIES) {
    for (const filter of filters()) {
      const statements = searchStatements(q, filter);
      if (!statements) throw new Error(`no statements for ${q}`);
      for (const [name, { sql, params }] of Object.entries(statements)) {
        const rows = explain(sql, params);
        const problems = planProblems(rows, leading);
        // Unscored listing in catalog order must come straight from FTS5's rowid order, not a sort of every match.
        if (name.startsWith('inOrder.') && rows.some((r) => r.detail.includes('FOR ORDER BY'))) problems.push('sorts every match');
        if (problems.length > 0) out.push(`${JSON.stringify(q)} ${JSON.stringify(filter)} ${name}: ${problems.join('; ')}\n${rows.map((r) => `  ${r.id}/${r.parent} ${r.detail}`).join('\n')}`);
      }
    }
  }
  return out;
}

describe('query plans', () => {
  it('reads the index by its MATCH and filters its rows, for every statement and every filter', () => {
    expect(badPlans()).toEqual([]);
  });

  it('flags the plan that issue 8 had', () => {
    const rows = explain(`SELECT count(*) FROM catalog_fts_chars WHERE catalog_fts_chars MATCH '"证"' AND rowid IN (SELECT doc_id FROM catalog_fts_owners WHERE unit_id = @unitId)`, { unitId });
    expect(planProblems(rows, 'catalog_fts_chars')).toEqual([expect.stringContaining('MATCH run once per rowid')]);
  });
});

describe('a search narrowed to an agency or a kind', () => {
  const LIMIT = 1000;
  const search = (q: string, filter: Partial<SearchFilter> = {}) => callOk<SearchResult>(backend, 'search.query', { q, limit: LIMIT, ...filter });
  const keys = (r: SearchResult['hits']) => r.map((h) => `${h.kind}:${h.id}`);

  // 1, 2, 3 and 7 characters, and a 3+ term with a short one (both indexes).
  it.each(['证', '营', '许可', '安全', '许可证', '落实情况的检查', '许可证 食'])('%j: the whole search restricted to it, same rows in the same order', async (q) => {
    const all = await search(q);
    // All matches are in all.hits, so restricting them is the full answer for any filter.
    expect(all.total).toBeGreaterThan(0);
    expect(all.total).toBeLessThanOrEqual(LIMIT);
    if (!all.groups) throw new Error('groups expected below the grouping limit');
    const units = [...new Set(all.groups.map((g) => g.unitId))];
    expect(units).toContain(unitId);
    for (const unit of units) {
      const expected = keys(all.hits.filter((h) => h.unitId === unit));
      const narrowed = await search(q, { unitId: unit });
      expect(keys(narrowed.hits), `${q} unit ${unit}`).toEqual(expected);
      expect(narrowed.total).toBe(expected.length);
    }
    for (const { unitId: unit, kind } of all.groups) {
      const expected = keys(all.hits.filter((h) => h.unitId === unit && h.kind === kind));
      const narrowed = await search(q, { unitId: unit, kind });
      expect(keys(narrowed.hits), `${q} unit ${unit} ${kind}`).toEqual(expected);
      expect(narrowed.total).toBe(expected.length);
    }
    for (const kind of CATALOG_KINDS) {
      const expected = keys(all.hits.filter((h) => h.kind === kind));
      const narrowed = await search(q, { kind });
      expect(keys(narrowed.hits), `${q} ${kind}`).toEqual(expected);
      expect(narrowed.total).toBe(expected.length);
    }
  });
});

describe('query plans once SQLite has statistics', () => {
  it('still reads the index by its MATCH after ANALYZE', () => {
    backend.context.db.exec('ANALYZE');
    expect(badPlans()).toEqual([]);
  });
});
