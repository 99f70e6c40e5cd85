import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { dataPaths } from '../../electron/backend/data-dir.ts';
import { loadMigrations } from '../../electron/backend/db/migrations.ts';
import { openDatabase } from '../../electron/backend/db/open-database.ts';
import type { InspectionItemRow, ListItemRow, SearchResult } from '../../shared/api/methods/catalog.ts';
import type { CatalogKind } from '../../shared/domain/list-kinds.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';
import { MIGRATIONS_DIR, REPO_ROOT, tempDir } from '../helpers/paths.ts';

process.env['REGISTRY_TODAY'] = '2025-06-30';

/** Every catalog row as plain text fields, read straight from the tables: the truth search must agree with. */
interface Doc {
  key: string;
  kind: CatalogKind;
  unitId: number;
  fields: (string | null)[];
}

let backend: Backend;
let docs: Doc[];

function loadDocs(b: Backend): Doc[] {
  const db = b.context.db;
  const items = db.prepare(`SELECT * FROM inspection_items`).all() as Record<string, string | number | null>[];
  const lists = db.prepare(`SELECT * FROM penalty_list_items`).all() as Record<string, string | number | null>[];
  const text = (r: Record<string, string | number | null>, cols: string[]) => cols.map((c) => (r[c] === null ? null : String(r[c])));
  return [
    ...items.map((r) => ({
      key: `inspection_items:${r['id']}`,
      kind: 'inspection_items' as const,
      unitId: Number(r['unit_id']),
      fields: text(r, ['name', 'item_code', 'category', 'basis', 'subject', 'undertaking_body', 'target', 'content', 'method', 'frequency', 'notes']),
    })),
    ...lists.map((r) => ({
      key: `${r['list_kind']}:${r['id']}`,
      kind: r['list_kind'] as CatalogKind,
      unitId: Number(r['unit_id']),
      fields: text(r, ['violation', 'matter', 'violation_basis', 'penalty_basis', 'conditions', 'discretion', 'notes']),
    })),
  ];
}

/** A row matches when every space-separated term is a substring of one of its fields. */
function bruteForce(query: string): Doc[] {
  const terms = query
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
  return docs.filter((d) => terms.every((t) => d.fields.some((f) => f !== null && f.toLowerCase().includes(t))));
}

async function search(q: string, extra: Record<string, unknown> = {}): Promise<SearchResult> {
  return callOk<SearchResult>(backend, 'search.query', { q, limit: 1000, ...extra });
}

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  docs = loadDocs(backend);
});

afterAll(() => backend.close());

describe('full-text search on the sample data', () => {
  // 1-, 2- and 3+-character queries, Chinese, codes, punctuation, and several terms.
  it.each(['证', '罚', '，', '许可', '检查', '台账', '安全生产', '食品经营许可证', '扬尘污染防治措施', '第三十条', 'SC-JC', 'sc-jc-01', '食品 许可', '农药 台账 未按规定', '（一）'])(
    'finds exactly the rows containing %j',
    async (q) => {
      const expected = bruteForce(q);
      const result = await search(q);
      expect(result.total).toBe(expected.length);
      const expectedKeys = new Set(expected.map((d) => d.key));
      const hitKeys = result.hits.map((h) => `${h.kind}:${h.id}`);
      for (const key of hitKeys) expect(expectedKeys.has(key)).toBe(true);
      expect(hitKeys.length).toBe(Math.min(1000, expected.length));
      expect(result.truncated).toBe(expected.length > 1000);
    },
  );

  it('uses the trigram index for 3+ characters and the per-character index below that', async () => {
    expect((await search('许可证')).terms).toEqual([{ text: '许可证', index: 'trigram' }]);
    expect((await search('许可')).terms).toEqual([{ text: '许可', index: 'chars' }]);
    expect((await search('证')).terms).toEqual([{ text: '证', index: 'chars' }]);
  });

  it('groups matches by agency and kind, the groups adding up to the total', async () => {
    const q = '许可';
    const result = await search(q, { limit: 5 });
    expect(result.hits).toHaveLength(5);
    expect(result.truncated).toBe(true);
    if (!result.groups) throw new Error('groups expected below the grouping limit');
    expect(result.groups.reduce((s, g) => s + g.count, 0)).toBe(result.total);
    const expected = new Map<string, number>();
    for (const d of bruteForce(q)) expected.set(`${d.unitId}/${d.kind}`, (expected.get(`${d.unitId}/${d.kind}`) ?? 0) + 1);
    expect(new Map(result.groups.map((g) => [`${g.unitId}/${g.kind}`, g.count]))).toEqual(expected);
    expect(result.groups.every((g) => g.unitName.length > 0)).toBe(true);
  });

  it('narrows to one agency and one kind', async () => {
    const all = await search('许可');
    if (!all.groups) throw new Error('groups expected below the grouping limit');
    const group = all.groups.find((g) => g.kind !== 'inspection_items' && g.count > 1) ?? all.groups[0];
    if (!group) throw new Error('no group');
    const narrowed = await search('许可', { unitId: group.unitId, kind: group.kind });
    expect(narrowed.total).toBe(group.count);
    expect(narrowed.hits.every((h) => h.unitId === group.unitId && h.kind === group.kind)).toBe(true);
    expect(narrowed.groups).toEqual(all.groups);
  });

  it('ranks a match in the headline above a match elsewhere', async () => {
    const result = await search('营业执照');
    const firstBodyOnly = result.hits.findIndex((h) => h.title.ranges.length === 0);
    const lastTitle = result.hits.map((h) => h.title.ranges.length > 0).lastIndexOf(true);
    if (firstBodyOnly >= 0 && lastTitle >= 0) expect(lastTitle).toBeLessThan(firstBodyOnly);
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('returns highlight ranges that cover the terms, as plain text', async () => {
    const result = await search('食品 许可');
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) {
      for (const s of [hit.title, ...hit.fields.map((f) => f.snippet)]) {
        // Adjacent occurrences are merged into one range: each range is made of the terms only.
        for (const [a, b] of s.ranges) expect(s.text.slice(a, b)).toMatch(/^(食品|许可)+$/);
      }
      const covered = [hit.title, ...hit.fields.map((f) => f.snippet)].map((s) => s.ranges.map(([a, b]) => s.text.slice(a, b)).join('|')).join('|');
      expect(covered).toContain('食品');
      expect(covered).toContain('许可');
    }
  });

  it('answers an empty query with nothing and a control-character query with a notice', async () => {
    expect((await search('   ')).total).toBe(0);
    const r = await search('\u200b');
    expect(r.total).toBe(0);
    expect(r.notice).toContain('没有可检索的文字');
  });
});

describe('the index follows every change, including undo', () => {
  let unitId: number;

  beforeAll(() => {
    unitId = backend.context.db.prepare(`SELECT id FROM units WHERE keeps_inspection_lists = 1 ORDER BY id LIMIT 1`).pluck().get() as number;
  });

  const item = (name: string, content: string | null = null) => ({
    unitId,
    itemCode: null,
    name,
    category: '一般检查事项',
    basis: null,
    subject: null,
    undertakingBody: null,
    target: null,
    content,
    method: null,
    frequency: null,
    notes: null,
  });

  it('finds a new item by 1, 2 and 3+ characters, and not across a line break', async () => {
    const { id } = await callOk<{ id: number }>(backend, 'catalog.create', item('对鼋鼍养殖场的检查', '查看台账报告\n检查现场'));
    for (const q of ['鼋', '鼋鼍', '鼋鼍养殖']) {
      expect((await search(q)).hits.map((h) => h.id)).toEqual([id]);
    }
    // "告检" spans a line break in the text: it is not a substring, and must not match.
    expect((await search('告检')).hits.filter((h) => h.id === id)).toEqual([]);
    expect((await search('告')).hits.some((h) => h.id === id && h.kind === 'inspection_items')).toBe(true);
  });

  it('reindexes an edit, and undoing the edit brings the old text back', async () => {
    const { id } = await callOk<{ id: number }>(backend, 'catalog.create', item('对甄别鼹鼠洞的检查'));
    const current = await callOk<InspectionItemRow>(backend, 'catalog.get', { id });
    const { operationId } = await callOk<{ operationId: number }>(backend, 'catalog.update', { ...item('对甄别鼷鼠洞的检查'), id: current.id });
    expect((await search('鼹')).total).toBe(0);
    expect((await search('鼷鼠')).hits.map((h) => h.id)).toEqual([id]);
    await callOk(backend, 'history.undo', { operationId });
    expect((await search('鼷')).total).toBe(0);
    expect((await search('鼹鼠洞')).hits.map((h) => h.id)).toEqual([id]);
  });

  it('drops a deleted list entry from the index; undoing the delete makes it searchable again', async () => {
    const row = backend.context.db.prepare(`SELECT id, violation FROM penalty_list_items WHERE violation LIKE '%扬尘污染防治%' ORDER BY id LIMIT 1`).get() as { id: number; violation: string };
    const before = await search('扬尘污染防治');
    expect(before.hits.some((h) => h.id === row.id && h.kind !== 'inspection_items')).toBe(true);
    const { operationId } = await callOk<{ operationId: number }>(backend, 'lists.delete', { id: row.id });
    const during = await search('扬尘污染防治');
    expect(during.total).toBe(before.total - 1);
    expect(during.hits.some((h) => h.id === row.id && h.kind !== 'inspection_items')).toBe(false);
    await callOk(backend, 'history.undo', { operationId });
    const after = await search('扬尘污染防治');
    expect(after.total).toBe(before.total);
    expect(after.hits.some((h) => h.id === row.id)).toBe(true);
    const restored = await callOk<ListItemRow>(backend, 'lists.get', { id: row.id });
    expect(restored.violation).toBe(row.violation);
    // and by a one-character query, through the other index
    expect((await search('尘')).hits.some((h) => h.id === row.id && h.kind !== 'inspection_items')).toBe(true);
  });

  it('keeps text from the data as text: markup is returned verbatim, never interpreted', async () => {
    const name = '<img src=x onerror=alert(1)>对鳜鱼的检查';
    const { id } = await callOk<{ id: number }>(backend, 'catalog.create', item(name));
    const hit = (await search('鳜鱼')).hits.find((h) => h.id === id);
    expect(hit?.title.text).toBe(name);
    expect(hit?.title.ranges).toEqual([[name.indexOf('鳜鱼'), name.indexOf('鳜鱼') + 2]]);
  });
});

describe('migration 0002 on a registry that already holds data', () => {
  it('indexes the rows that were there before the upgrade', async () => {
    const dataDir = tempDir();
    const file = dataPaths(dataDir).databasePath;
    const v1 = await openDatabase(file, { backupDir: path.join(dataDir, 'backups'), migrations: loadMigrations(MIGRATIONS_DIR).slice(0, 1) });
    const unit = Number(v1.db.prepare(`INSERT INTO units (name, kind, keeps_inspection_lists) VALUES ('沅江市水利局', '市直单位', 1)`).run().lastInsertRowid);
    v1.db.prepare(`INSERT INTO inspection_items (unit_id, name, category, content) VALUES (?, '对河道采砂的检查', '重点检查事项', '核查采砂许可证')`).run(unit);
    v1.db.prepare(`INSERT INTO penalty_list_items (unit_id, list_kind, violation) VALUES (?, 'no_penalty', '未按规定设置河道标志的')`).run(unit);
    v1.db.close();
    const upgraded = await createBackend({ dataDir, appRoot: REPO_ROOT, host: 'cli', checkOutputs: true });
    try {
      for (const [q, kind] of [
        ['采砂', 'inspection_items'],
        ['砂', 'inspection_items'],
        ['采砂许可证', 'inspection_items'],
        ['河道标志', 'no_penalty'],
        ['标', 'no_penalty'],
      ] as const) {
        const r = await callOk<SearchResult>(upgraded, 'search.query', { q });
        expect(r.hits.map((h) => h.kind)).toEqual([kind]);
      }
    } finally {
      upgraded.close();
    }
  });
});

describe('a catalog past the limits for per-agency counts and scoring', () => {
  let big: Backend;

  beforeAll(async () => {
    big = await freshBackend();
    await callOk(big, 'system.generateSampleData', { seed: 2023 });
    const db = big.context.db;
    const base = db.prepare(`SELECT max(id) FROM inspection_items`).pluck().get() as number;
    const copy = db.prepare(
      `INSERT INTO inspection_items (unit_id, name, category, basis, content, sort_order)
       SELECT unit_id, name || '（' || @round || '）', category, basis, content, sort_order + @round * 10000 FROM inspection_items WHERE id <= @base`,
    );
    db.transaction(() => {
      for (let round = 1; round <= 12; round += 1) copy.run({ round, base });
    })();
  }, 120_000);

  afterAll(() => big.close());

  const bruteCount = (term: string, unitId: number | null) =>
    big.context.db
      .prepare(
        `SELECT (SELECT count(*) FROM inspection_items WHERE (@unitId IS NULL OR unit_id = @unitId) AND instr(concat_ws(char(10), name, item_code, category, basis, subject, undertaking_body, target, content, method, frequency, notes), @term) > 0)
              + (SELECT count(*) FROM penalty_list_items WHERE (@unitId IS NULL OR unit_id = @unitId) AND instr(concat_ws(char(10), violation, matter, violation_basis, penalty_basis, conditions, discretion, notes), @term) > 0)`,
      )
      .pluck()
      .get({ term, unitId }) as number;

  it('still counts every match exactly, gives no per-agency counts, and puts headline matches first', async () => {
    const r = await callOk<SearchResult>(big, 'search.query', { q: '检查', limit: 50 });
    expect(r.total).toBeGreaterThan(20_000);
    expect(r.total).toBe(bruteCount('检查', null));
    expect(r.groups).toBeNull();
    expect(r.hits).toHaveLength(50);
    expect(r.hits.every((h) => h.title.ranges.length > 0)).toBe(true);
    expect(r.truncated).toBe(true);
  });

  it('narrows a large result to one agency with an exact count', async () => {
    const unitId = big.context.db.prepare(`SELECT unit_id FROM inspection_items GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as number;
    const r = await callOk<SearchResult>(big, 'search.query', { q: '检查', unitId, limit: 20 });
    expect(r.total).toBe(bruteCount('检查', unitId));
    expect(r.hits.every((h) => h.unitId === unitId)).toBe(true);
    const items = await callOk<SearchResult>(big, 'search.query', { q: '检查', unitId, kind: 'inspection_items', limit: 20 });
    expect(items.hits.every((h) => h.kind === 'inspection_items' && h.unitId === unitId)).toBe(true);
  });
});
