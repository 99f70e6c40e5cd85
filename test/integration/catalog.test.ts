import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { AgencySummary, CatalogStatistics, DuplicateFlagRow, InspectionItemRow, ListItemRow, PublicationRow } from '../../shared/api/methods/catalog.ts';
import type { ReportedFigures, ReportedFiguresInput } from '../../shared/domain/reported-figures.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

const TODAY = '2025-06-30';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
});

afterAll(() => backend.close());

const stats = (year: number | null = null) => callOk<CatalogStatistics>(backend, 'catalog.statistics', { year });
const row = (s: CatalogStatistics, key: string) => s.report?.rows.find((r) => r.key === key);
const agencyByShortName = async (short: string) => {
  const { agencies } = await callOk<{ agencies: AgencySummary[] }>(backend, 'catalog.agencies', {});
  const found = agencies.find((a) => a.shortName === short);
  if (!found) throw new Error(`no agency ${short}`);
  return found;
};
const countOf = (sql: string, ...params: unknown[]) =>
  backend.context.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;

function newItem(unitId: number, overrides: Record<string, unknown> = {}) {
  return {
    unitId,
    itemCode: null,
    name: '对测试场所消防安全的检查',
    category: '一般检查事项',
    basis: '《中华人民共和国消防法》第五十三条',
    subject: '沅江市消防救援大队',
    undertakingBody: '防火监督科',
    target: '公众聚集场所',
    content: '1.检查消防设施是否完好；\n2.检查疏散通道是否畅通。',
    method: '现场检查',
    frequency: '每年不少于1次',
    notes: null,
    ...overrides,
  };
}

describe('statistics and reconciliation on the sample data', () => {
  it('reconcile with the 2023 report: 1,771 = 1,538 + 233; 220 / 89 / 96 / 23; 23 agencies; 14 published', async () => {
    const s = await stats();
    expect(s.totals).toEqual({ items: 1771, general: 1538, key: 233, no_penalty: 220, lighter_penalty: 89, reduced_penalty: 96, no_coercion: 23 });
    expect(s.agencyCount).toBe(23);
    expect(s.publishedCount).toBe(14);
    expect(s.report?.year).toBe(2023);
    expect(s.report?.consistency).toEqual({ ok: true, text: '1,771 = 1,538 + 233' });
    expect(s.report?.rows.map((r) => [r.key, r.reported, r.registry, r.difference])).toEqual([
      ['agencies', 23, 23, 0],
      ['items', 1771, 1771, 0],
      ['general', 1538, 1538, 0],
      ['key', 233, 233, 0],
      ['no_penalty', 220, 220, 0],
      ['lighter_penalty', 89, 89, 0],
      ['reduced_penalty', 96, 96, 0],
      ['no_coercion', 23, 23, 0],
      ['published', 14, 14, 0],
    ]);
    // The 14 agencies the report names are exactly those published in the registry.
    expect(s.report?.namedButNotPublished).toEqual([]);
    expect(s.report?.publishedButNotNamed).toEqual([]);
    expect(s.report?.unresolved).toEqual([]);
    expect(s.agencies.filter((a) => a.namedInReport).length).toBe(14);
  });

  it('per agency counts add up to the totals, computed independently from the tables', async () => {
    const s = await stats();
    const sum = (k: keyof CatalogStatistics['totals']) => s.agencies.reduce((acc, a) => acc + a.counts[k], 0);
    expect(sum('items')).toBe(countOf(`SELECT count(*) FROM inspection_items`));
    expect(sum('key')).toBe(countOf(`SELECT count(*) FROM inspection_items WHERE category = '重点检查事项'`));
    expect(sum('lighter_penalty')).toBe(countOf(`SELECT count(*) FROM penalty_list_items WHERE list_kind = 'lighter_penalty'`));
    for (const a of s.agencies) expect(a.counts.items).toBe(a.counts.general + a.counts.key);
    const market = s.agencies.find((a) => a.shortName === '市市场监管局');
    expect(market?.counts.items).toBe(countOf(`SELECT count(*) FROM inspection_items i JOIN units u ON u.id = i.unit_id WHERE u.short_name = '市市场监管局'`));
  });
});

describe('inspection items: add, edit, delete, undo', () => {
  it('adds an item; the statistics show the difference from the report instead of hiding it; undo removes it', async () => {
    const xf = await agencyByShortName('市消防救援大队');
    const { id, operationId } = await callOk<{ id: number; operationId: number }>(backend, 'catalog.create', newItem(xf.unitId, { itemCode: 'XF-TEST-1' }));
    const item = await callOk<InspectionItemRow>(backend, 'catalog.get', { id });
    expect(item.content).toBe('1.检查消防设施是否完好；\n2.检查疏散通道是否畅通。');
    expect(item.unitName).toBe('沅江市消防救援大队');
    const { rows, total } = await callOk<{ rows: InspectionItemRow[]; total: number }>(backend, 'catalog.items', { unitId: xf.unitId });
    expect(total).toBe(xf.counts.items + 1);
    expect(rows.at(-1)?.id).toBe(id);

    const s = await stats();
    expect(row(s, 'items')).toMatchObject({ reported: 1771, registry: 1772, difference: 1 });
    expect(row(s, 'general')).toMatchObject({ difference: 1 });
    expect(row(s, 'key')).toMatchObject({ difference: 0 });

    await callOk(backend, 'history.undo', { operationId });
    expect(row(await stats(), 'items')?.difference).toBe(0);
    expect((await callErr(backend, 'catalog.get', { id })).code).toBe('NOT_FOUND');
  });

  it('moves an item from 一般 to 重点 and back by undo', async () => {
    const id = countOf(`SELECT min(id) FROM inspection_items WHERE category = '一般检查事项'`);
    const item = await callOk<InspectionItemRow>(backend, 'catalog.get', { id });
    const { operationId } = await callOk<{ operationId: number }>(backend, 'catalog.update', { ...newItem(item.unitId), ...pickItem(item), category: '重点检查事项', id });
    const s = await stats();
    expect(s.totals.general).toBe(1537);
    expect(s.totals.key).toBe(234);
    expect(s.agencies.find((a) => a.unitId === item.unitId)?.counts.key).toBe(countOf(`SELECT count(*) FROM inspection_items WHERE unit_id = ? AND category = '重点检查事项'`, item.unitId));
    await callOk(backend, 'history.undo', { operationId });
    expect((await stats()).totals.key).toBe(233);
    expect(await callOk<InspectionItemRow>(backend, 'catalog.get', { id })).toEqual(item);
  });

  it('deletes an item into the change log and restores it exactly on undo', async () => {
    const id = countOf(`SELECT max(id) FROM inspection_items`);
    const before = await callOk<InspectionItemRow>(backend, 'catalog.get', { id });
    const { operationId } = await callOk<{ operationId: number }>(backend, 'catalog.delete', { id });
    const log = backend.context.db.prepare(`SELECT table_name, row_id, action, before_json FROM change_log WHERE operation_id = ?`).all(operationId) as {
      table_name: string;
      row_id: number;
      action: string;
      before_json: string;
    }[];
    expect(log.map((l) => [l.table_name, l.row_id, l.action])).toEqual([['inspection_items', id, 'delete']]);
    expect(JSON.parse(log[0]?.before_json ?? '{}')).toMatchObject({ name: before.name, content: before.content });
    const ops = await callOk<{ operations: { id: number; summary: string }[] }>(backend, 'history.recent', { limit: 1 });
    expect(ops.operations[0]?.summary).toContain('删除检查事项');
    await callOk(backend, 'history.undo', { operationId });
    expect(await callOk<InspectionItemRow>(backend, 'catalog.get', { id })).toEqual(before);
  });

  it('refuses, with a specific message, what the clerk must correct', async () => {
    const xf = await agencyByShortName('市消防救援大队');
    const empty = await callErr(backend, 'catalog.create', newItem(xf.unitId, { name: '   ' }));
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.message).toContain('事项名称');
    const badCategory = await callErr(backend, 'catalog.create', newItem(xf.unitId, { category: '一般' }));
    expect(badCategory.message).toContain('检查类别');

    const code = backend.context.db.prepare(`SELECT item_code FROM inspection_items WHERE unit_id = ? AND item_code IS NOT NULL LIMIT 1`).pluck().get(xf.unitId) as string;
    const clash = await callErr(backend, 'catalog.create', newItem(xf.unitId, { itemCode: code }));
    expect(clash.code).toBe('CONFLICT');
    expect(clash.message).toContain(code);

    const town = countOf(`SELECT id FROM units WHERE keeps_inspection_lists = 0 LIMIT 1`);
    const notAgency = await callErr(backend, 'catalog.create', newItem(town));
    expect(notAgency.code).toBe('RULE_VIOLATION');
    expect(notAgency.message).toContain('执法主体');
    expect(countOf(`SELECT count(*) FROM inspection_items`)).toBe(1771);
  });
});

function pickItem(item: InspectionItemRow) {
  const { itemCode, name, category, basis, subject, undertakingBody, target, content, method, frequency, notes } = item;
  return { itemCode, name, category, basis, subject, undertakingBody, target, content, method, frequency, notes };
}

describe('the four lists', () => {
  it('lists one kind of one agency in its own order, keeping line breaks', async () => {
    const sc = await agencyByShortName('市市场监管局');
    const { rows, total } = await callOk<{ rows: ListItemRow[]; total: number }>(backend, 'lists.items', { unitId: sc.unitId, listKind: 'reduced_penalty' });
    expect(total).toBe(sc.counts.reduced_penalty);
    expect(rows.map((r) => r.sortOrder)).toEqual([...rows.map((r) => r.sortOrder)].sort((a, b) => a - b));
    expect(rows.every((r) => r.listKind === 'reduced_penalty' && r.unitId === sc.unitId)).toBe(true);
    expect(rows.some((r) => (r.conditions ?? '').includes('\n'))).toBe(true);
    const all = await callOk<{ total: number }>(backend, 'lists.items', { unitId: null, listKind: 'no_coercion' });
    expect(all.total).toBe(23);
  });

  it('adds an entry with multi-line conditions, moves it to another list, and undoes both', async () => {
    const sf = await agencyByShortName('市司法局');
    const conditions = '同时符合下列情形的：\r\n1.初次违法；\n2.危害后果轻微；\n3.及时改正。';
    const created = await callOk<{ id: number; operationId: number }>(backend, 'lists.create', {
      unitId: sf.unitId,
      listKind: 'no_penalty',
      matter: null,
      violation: '  公证机构未按规定报送年度报告的  ',
      violationBasis: '《公证机构执业管理办法》第三十条',
      penaltyBasis: null,
      conditions,
      discretion: null,
      notes: null,
    });
    const entry = await callOk<ListItemRow>(backend, 'lists.get', { id: created.id });
    expect(entry.violation).toBe('公证机构未按规定报送年度报告的');
    expect(entry.conditions).toBe('同时符合下列情形的：\n1.初次违法；\n2.危害后果轻微；\n3.及时改正。');
    expect((await stats()).totals.no_penalty).toBe(221);

    const moved = await callOk<{ operationId: number }>(backend, 'lists.update', { ...stripRow(entry), listKind: 'lighter_penalty', id: created.id });
    let s = await stats();
    expect([s.totals.no_penalty, s.totals.lighter_penalty]).toEqual([220, 90]);
    expect(row(s, 'lighter_penalty')).toMatchObject({ reported: 89, registry: 90, difference: 1 });

    await callOk(backend, 'history.undo', { operationId: moved.operationId });
    await callOk(backend, 'history.undo', { operationId: created.operationId });
    s = await stats();
    expect([s.totals.no_penalty, s.totals.lighter_penalty]).toEqual([220, 89]);
  });
});

function stripRow(r: ListItemRow) {
  const { unitId, listKind, matter, violation, violationBasis, penaltyBasis, conditions, discretion, notes } = r;
  return { unitId, listKind, matter, violation, violationBasis, penaltyBasis, conditions, discretion, notes };
}

interface PublicationsList {
  today: string;
  warningDays: number;
  agencies: { unitId: number; name: string; publication: { status: string; expiringSoon: boolean; daysLeft: number | null; latest: PublicationRow | null }; documents: PublicationRow[] }[];
}

describe('publication of the catalog and lists', () => {
  it('shows each agency its latest document and status; superseded and expired documents as history', async () => {
    const p = await callOk<PublicationsList>(backend, 'publications.list', {});
    expect(p.today).toBe(TODAY);
    expect(p.agencies).toHaveLength(23);
    expect(p.agencies.filter((a) => a.publication.status === '已发布')).toHaveLength(14);
    const ny = p.agencies.find((a) => a.name === '沅江市农业农村局');
    expect(ny?.documents).toHaveLength(2);
    expect(ny?.publication.latest?.docNumber).toMatch(/〔2023〕/);
    const sc = p.agencies.find((a) => a.name === '沅江市市场监督管理局');
    expect(sc?.publication.status).toBe('已失效');
    expect(p.agencies.filter((a) => a.publication.status === '未发布').every((a) => a.documents.length === 0)).toBe(true);
  });

  it('registers a document expiring soon; statistics then differ from the report, and name the agency', async () => {
    const p = await callOk<PublicationsList>(backend, 'publications.list', {});
    const unpublished = p.agencies.find((a) => a.publication.status === '未发布');
    if (!unpublished) throw new Error('every agency published');
    const created = await callOk<{ id: number; operationId: number }>(backend, 'publications.create', {
      unitId: unpublished.unitId,
      // Typed the way agencies do; stored in the official form.
      docNumber: '沅测发[2025]第01号',
      title: null,
      publishDate: '2022-07-31',
      validFrom: '2022-07-31',
      validTo: '2025-07-30',
      revoked: false,
      notes: null,
    });
    const after = (await callOk<PublicationsList>(backend, 'publications.list', {})).agencies.find((a) => a.unitId === unpublished.unitId);
    expect(after?.publication).toMatchObject({ status: '已发布', expiringSoon: true, daysLeft: 30 });
    expect(after?.publication.latest?.docNumber).toBe('沅测发〔2025〕1号');
    const s = await stats();
    expect(row(s, 'published')).toMatchObject({ reported: 14, registry: 15, difference: 1 });
    expect(s.report?.publishedButNotNamed).toEqual([{ unitId: unpublished.unitId, unitName: unpublished.name }]);

    // Revoked: 已失效 again, and the figures agree once more.
    const doc = after?.publication.latest;
    if (!doc) throw new Error('no document');
    const revoked = await callOk<{ operationId: number }>(backend, 'publications.update', { ...stripPublication(doc), revoked: true, id: doc.id });
    const again = (await callOk<PublicationsList>(backend, 'publications.list', {})).agencies.find((a) => a.unitId === unpublished.unitId);
    expect(again?.publication.status).toBe('已失效');
    expect(row(await stats(), 'published')?.difference).toBe(0);

    await callOk(backend, 'history.undo', { operationId: revoked.operationId });
    const { operationId } = await callOk<{ operationId: number }>(backend, 'publications.delete', { id: created.id });
    expect(operationId).toBeGreaterThan(0);
    expect((await stats()).publishedCount).toBe(14);
  });

  it('refuses an end date before the start date, saying which', async () => {
    const p = await callOk<PublicationsList>(backend, 'publications.list', {});
    const err = await callErr(backend, 'publications.create', {
      unitId: p.agencies[0]?.unitId,
      docNumber: '沅测发〔2025〕2号',
      title: null,
      publishDate: '2025-01-01',
      validFrom: '2025-01-01',
      validTo: '2024-12-31',
      revoked: false,
      notes: null,
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('2024-12-31');
    const badDate = await callErr(backend, 'publications.create', {
      unitId: p.agencies[0]?.unitId,
      docNumber: 'x',
      title: null,
      publishDate: '2025-02-30',
      validFrom: null,
      validTo: null,
      revoked: false,
      notes: null,
    });
    expect(badDate.message).toContain('YYYY-MM-DD');
  });
});

function stripPublication(d: PublicationRow) {
  const { unitId, docNumber, title, publishDate, validFrom, validTo, revoked, notes } = d;
  return { unitId, docNumber, title, publishDate, validFrom, validTo, revoked, notes };
}

describe('reported figures', () => {
  it('start as the 2023 report and can be edited per year and per agency; differences are counted, not hidden', async () => {
    const figures = await callOk<ReportedFigures>(backend, 'catalog.reportedFigures', {});
    expect(figures.years.map((y) => y.year)).toEqual([2023]);
    const ly = await agencyByShortName('市林业局');
    // The 2024 year leaves out the personnel figures, as a year saved before they existed.
    const edited: ReportedFiguresInput = {
      years: [
        { ...figures.years[0]!, perAgency: [{ unitId: ly.unitId, ...ly.counts, items: ly.counts.items + 2, general: ly.counts.general + 2 }] },
        {
          year: 2024,
          source: '2024年报告',
          agencies: 23,
          totals: { items: 1800, general: 1560, key: 240, no_penalty: null, lighter_penalty: null, reduced_penalty: null, no_coercion: null },
          published: null,
          publishedAgencies: ['市不存在局'],
          perAgency: [],
        },
      ],
    };
    await callOk(backend, 'catalog.saveReportedFigures', edited);
    const saved = await callOk<ReportedFigures>(backend, 'catalog.reportedFigures', {});
    expect(saved.years.find((y) => y.year === 2024)?.personnel).toEqual({ municipalUnits: null, townships: null, enforcement: null, supervision: null, legalReviewers: null, issued: null });
    expect(saved.years.find((y) => y.year === 2023)?.personnel).toEqual({ municipalUnits: 25, townships: 12, enforcement: 1032, supervision: 28, legalReviewers: 62, issued: 428 });
    const latest = await stats();
    expect(latest.years).toEqual([2024, 2023]);
    expect(latest.report?.year).toBe(2024);
    expect(row(latest, 'items')).toMatchObject({ reported: 1800, registry: 1771, difference: -29 });
    expect(row(latest, 'no_penalty')).toMatchObject({ reported: null, difference: null });
    expect(latest.report?.unresolved).toEqual(['市不存在局']);

    const y2023 = await stats(2023);
    expect(y2023.report?.agenciesWithDifferences).toBe(1);
    const lyRow = y2023.agencies.find((a) => a.unitId === ly.unitId);
    expect(lyRow?.reported?.items).toBe(ly.counts.items + 2);
    expect(lyRow?.counts.items).toBe(ly.counts.items);

    const unknownUnit = await callErr(backend, 'catalog.saveReportedFigures', {
      years: [{ ...edited.years[1]!, perAgency: [{ unitId: 99999, items: 1, general: null, key: null, no_penalty: null, lighter_penalty: null, reduced_penalty: null, no_coercion: null }] }],
    });
    expect(unknownUnit.message).toContain('99999');
    await callOk(backend, 'catalog.saveReportedFigures', figures);
    expect((await stats()).report?.year).toBe(2023);
  });
});

describe('possible duplicates', () => {
  it('flags the deliberate overlaps in the sample data: two agencies, and 不予处罚 with 从轻 in one agency', async () => {
    const { flags } = await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {});
    expect(flags.filter((f) => f.kind === 'cross_agency')).toHaveLength(3);
    const same = flags.filter((f) => f.kind === 'same_agency');
    expect(same).toHaveLength(2);
    for (const f of same) expect(new Set(f.entries.map((e) => e.listKind))).toEqual(new Set(['no_penalty', 'lighter_penalty']));
    for (const f of flags.filter((x) => x.kind === 'cross_agency')) expect(new Set(f.entries.map((e) => e.unitId)).size).toBe(2);
  });

  it('flags a new entry written differently, and remembers a review until the overlap changes', async () => {
    const entry = backend.context.db.prepare(`SELECT unit_id AS unitId, violation FROM penalty_list_items WHERE list_kind = 'lighter_penalty' AND violation LIKE '%安全警示标志%' LIMIT 1`).get() as {
      unitId: number;
      violation: string;
    };
    const other = await agencyByShortName('市住建局');
    const before = (await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {})).flags;
    const flag = before.find((f) => f.entries.some((e) => e.violation === entry.violation));
    if (!flag) throw new Error('planned duplicate missing');
    await callOk(backend, 'catalog.reviewDuplicate', { key: flag.key, reviewed: true, note: '两单位职责交叉，保留' });
    const reviewed = (await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {})).flags.find((f) => f.key === flag.key);
    expect(reviewed?.review?.note).toBe('两单位职责交叉，保留');

    // A third agency lists the same violation, with other punctuation: the flag covers three and needs review again.
    const created = await callOk<{ id: number; operationId: number }>(backend, 'lists.create', {
      unitId: other.unitId,
      listKind: 'no_penalty',
      matter: null,
      violation: `１．${entry.violation.replace(/的$/, '').replace('、', '，')}。`,
      violationBasis: null,
      penaltyBasis: null,
      conditions: null,
      discretion: null,
      notes: null,
    });
    const after = (await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {})).flags.find((f) => f.entries.some((e) => e.id === created.id));
    expect(after?.entries.map((e) => e.unitId)).toContain(other.unitId);
    expect(new Set(after?.entries.map((e) => e.unitId)).size).toBe(3);
    expect(after?.review).toBeNull();
    await callOk(backend, 'history.undo', { operationId: created.operationId });
    expect((await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {})).flags.find((f) => f.key === flag.key)?.review).not.toBeNull();
    await callOk(backend, 'catalog.reviewDuplicate', { key: flag.key, reviewed: false, note: null });
    expect((await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {})).flags.find((f) => f.key === flag.key)?.review).toBeNull();
  });

  it('records a review in the history like any other change, and undoes it', async () => {
    const flag = (await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {})).flags.find((f) => f.review === null);
    if (!flag) throw new Error('no unreviewed flag');
    await callOk(backend, 'catalog.reviewDuplicate', { key: flag.key, reviewed: true, note: '已与两单位核实' });
    const { operations } = await callOk<{ operations: { id: number; summary: string; changeCount: number }[] }>(backend, 'history.recent', { limit: 1 });
    expect(operations[0]).toMatchObject({ summary: '疑似重复事项标记为“已复核，保留”', changeCount: 1 });
    await callOk(backend, 'history.undo', { operationId: operations[0]?.id });
    expect((await callOk<{ flags: DuplicateFlagRow[] }>(backend, 'catalog.duplicates', {})).flags.find((f) => f.key === flag.key)?.review).toBeNull();
  });
});

describe('search bookkeeping', () => {
  it('maps every item and list entry to its agency and kind after all the changes above', () => {
    const mismatched = countOf(
      `SELECT (SELECT count(*) FROM inspection_items i LEFT JOIN catalog_fts_owners o ON o.doc_id = i.id WHERE o.unit_id IS NOT i.unit_id OR o.kind IS NOT 'inspection_items')
            + (SELECT count(*) FROM penalty_list_items l LEFT JOIN catalog_fts_owners o ON o.doc_id = -l.id WHERE o.unit_id IS NOT l.unit_id OR o.kind IS NOT l.list_kind)
            + (SELECT count(*) FROM catalog_fts_owners) - (SELECT count(*) FROM inspection_items) - (SELECT count(*) FROM penalty_list_items)`,
    );
    expect(mismatched).toBe(0);
  });

  it('accepts exactly the catalog kinds of shared/domain/list-kinds.ts', async () => {
    const { CATALOG_KINDS } = await import('../../shared/domain/list-kinds.ts');
    const db = backend.context.db;
    const attempt = (kind: string) => {
      try {
        db.transaction(() => {
          db.prepare(`INSERT INTO catalog_fts_owners (doc_id, unit_id, kind) VALUES (9999999, 1, ?)`).run(kind);
          throw new Error('rollback');
        })();
      } catch (err) {
        return (err as Error).message === 'rollback';
      }
      return false;
    };
    for (const kind of CATALOG_KINDS) expect(attempt(kind)).toBe(true);
    expect(attempt('personnel')).toBe(false);
  });
});
