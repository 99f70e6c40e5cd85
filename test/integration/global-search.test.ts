import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { SearchResult } from '../../shared/api/methods/catalog.ts';
import type { GlobalSearchHit, GlobalSearchResult } from '../../shared/api/methods/search.ts';
import { namePinyin } from '../../electron/backend/personnel/name-initials.ts';
import { DEFAULT_SEARCH_SYNONYMS } from '../../shared/domain/search-synonyms.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

process.env['REGISTRY_TODAY'] = '2026-11-29';

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
});
afterAll(() => backend.close());

const db = () => backend.context.db;
const search = (q: string, limit = 20) => callOk<GlobalSearchResult>(backend, 'search.global', { q, limit });
const group = (r: GlobalSearchResult, kind: GlobalSearchResult['groups'][number]['kind']) => r.groups.find((g) => g.kind === kind);
const ids = (hits: readonly GlobalSearchHit[] | undefined, kind: GlobalSearchHit['kind']) => (hits ?? []).filter((h) => h.kind === kind).map((h) => h.id);

interface PersonRow {
  id: number;
  name: string;
  id_number: string;
}

/** A sample person whose name no one else has, so a search by it has one right answer. */
function uniquePerson(offset = 0): PersonRow {
  const row = db()
    .prepare(`SELECT id, name, id_number FROM personnel WHERE name IN (SELECT name FROM personnel GROUP BY name HAVING count(*) = 1) AND length(name) = 3 ORDER BY id LIMIT 1 OFFSET ?`)
    .get(offset) as PersonRow | undefined;
  if (!row) throw new Error('the sample data has no person with a unique three-character name');
  return row;
}

describe('people in the global search', () => {
  it('are found by full pinyin, run together or spaced, and by initials', async () => {
    const person = uniquePerson();
    const full = namePinyin(person.name);
    expect(full).toMatch(/^[a-z]{4,}$/);
    for (const q of [full, full.toUpperCase(), namePinyin(person.name[0] ?? '') + ' ' + namePinyin(person.name.slice(1))]) {
      const people = group(await search(q), 'people');
      expect(ids(people?.hits, 'person'), q).toContain(person.id);
    }
    // What the full pinyin finds is exactly the people whose stored pinyin starts with it.
    const expected = db().prepare(`SELECT count(*) FROM personnel p JOIN name_pinyin n ON n.name = p.name WHERE n.pinyin LIKE ? || '%'`).pluck().get(full) as number;
    const initials = db().prepare(`SELECT name_initials FROM personnel WHERE id = ?`).pluck().get(person.id) as string;
    expect(group(await search(full), 'people')?.total).toBeGreaterThanOrEqual(expected);
    expect(ids(group(await search(initials), 'people')?.hits, 'person').length).toBeGreaterThan(0);
  });

  it('has the pinyin of every sample name stored, as the roster finds it too', async () => {
    const missing = db().prepare(`SELECT count(*) FROM personnel WHERE name NOT IN (SELECT name FROM name_pinyin)`).pluck().get() as number;
    expect(missing).toBe(0);
    const person = uniquePerson(3);
    const roster = await callOk<{ ids: number[] }>(backend, 'personnel.query', { filter: { search: namePinyin(person.name) }, firstRows: 0 });
    expect(roster.ids).toContain(person.id);
  });

  it('follow a rename through the write path: the new name is found by its pinyin', async () => {
    const person = uniquePerson(5);
    const detail = await callOk<{ person: Record<string, unknown> }>(backend, 'personnel.get', { id: person.id });
    const p = detail.person;
    const values = {
      unitId: p['unitId'],
      personnelKind: p['personnelKind'],
      name: '欧阳娜娜',
      sex: p['sex'],
      idNumber: null,
      post: p['post'] ?? null,
      staffingType: p['staffingType'],
      enforcementCategory: p['enforcementCategory'] ?? null,
      enforcementScope: p['enforcementScope'] ?? null,
      isLegalReviewer: p['isLegalReviewer'],
      phone: p['phone'] ?? null,
      notes: p['notes'] ?? null,
    };
    await callOk(backend, 'personnel.update', { id: person.id, values });
    expect(ids(group(await search('ouyang nana'), 'people')?.hits, 'person')).toEqual([person.id]);
  });

  it('are found by a fragment of the ID number, shown masked', async () => {
    const person = uniquePerson(7);
    const fragment = person.id_number.slice(-8);
    const people = group(await search(fragment), 'people');
    expect(ids(people?.hits, 'person')).toContain(person.id);
    for (const hit of people?.hits ?? []) {
      if (hit.kind === 'person') expect(hit.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
  });

  it('are found by a certificate number', async () => {
    const card = db().prepare(`SELECT person_id, cert_number FROM certificate_current WHERE cert_number IS NOT NULL ORDER BY person_id LIMIT 1 OFFSET 40`).get() as {
      person_id: number;
      cert_number: string;
    };
    const people = group(await search(card.cert_number), 'people');
    expect(ids(people?.hits, 'person')).toEqual([card.person_id]);
    const hit = people?.hits[0];
    expect(hit?.kind === 'person' ? hit.certNumber : null).toBe(card.cert_number);
  });
});

describe('synonyms', () => {
  it('find a unit by its abbreviation (市监局 → 市场监督管理局, 文旅局 → 文旅广体局)', async () => {
    const market = db().prepare(`SELECT id FROM units WHERE name LIKE '%市场监督管理局'`).pluck().get() as number;
    expect(ids(group(await search('市监局'), 'units')?.hits, 'unit')).toEqual([market]);
    const culture = db().prepare(`SELECT unit_id FROM unit_aliases WHERE alias = '文旅广体局'`).pluck().get() as number;
    expect(ids(group(await search('文旅局'), 'units')?.hits, 'unit')).toEqual([culture]);
  });

  it('find catalog entries by an abbreviation (危化品 → 危险化学品), in the global box and the catalog search alike', async () => {
    const full = await callOk<SearchResult>(backend, 'search.query', { q: '危险化学品' });
    expect(full.total).toBeGreaterThan(0);
    const literal = db().prepare(`SELECT count(*) FROM catalog_fts_trigram WHERE catalog_fts_trigram MATCH '"危化品"'`).pluck().get() as number;
    const short = await callOk<SearchResult>(backend, 'search.query', { q: '危化品' });
    // Either spelling finds the records of both: neither more nor fewer.
    expect(short.total).toBeGreaterThanOrEqual(full.total);
    expect(short.total).toBeLessThanOrEqual(full.total + literal);
    expect(short.hits.some((h) => h.title.text.includes('危险化学品') || h.fields.some((f) => f.snippet.text.includes('危险化学品')))).toBe(true);
    const global = await search('危化品');
    const catalogTotal = (group(global, 'inspection_items')?.total ?? 0) + (group(global, 'list_items')?.total ?? 0);
    expect(catalogTotal).toBe(short.total);
  });

  it("find a unit's people on the roster by its abbreviation", async () => {
    const market = db().prepare(`SELECT id FROM units WHERE name LIKE '%市场监督管理局'`).pluck().get() as number;
    const staff = db().prepare(`SELECT count(*) FROM personnel WHERE unit_id = ?`).pluck().get(market) as number;
    const roster = await callOk<{ total: number }>(backend, 'personnel.query', { filter: { search: '市监局' }, firstRows: 0 });
    expect(roster.total).toBe(staff);
  });

  it('are the list kept in 设置: a removed entry no longer applies, an added one does', async () => {
    const without = DEFAULT_SEARCH_SYNONYMS.filter((s) => s.short !== '市监局');
    await callOk(backend, 'settings.update', { searchSynonyms: [...without, { short: '林业', full: '森林资源' }] });
    try {
      expect(group(await search('市监局'), 'units')).toBeUndefined();
      const forest = await callOk<SearchResult>(backend, 'search.query', { q: '森林资源' });
      const viaSynonym = await callOk<SearchResult>(backend, 'search.query', { q: '林业' });
      expect(viaSynonym.total).toBeGreaterThanOrEqual(forest.total);
    } finally {
      await callOk(backend, 'settings.update', { searchSynonyms: [...DEFAULT_SEARCH_SYNONYMS] });
    }
    expect(ids(group(await search('市监局'), 'units')?.hits, 'unit')).toHaveLength(1);
  });

  it('refuses a synonym entry that is blank, spaced or equal to itself', async () => {
    for (const bad of [
      { short: '', full: '应急管理局' },
      { short: '应急 局', full: '应急管理局' },
      { short: '应急局', full: '应急局' },
    ]) {
      const err = await callErr(backend, 'settings.update', { searchSynonyms: [bad] });
      expect(err.code).toBe('INVALID_INPUT');
    }
  });
});

describe('the global search result', () => {
  it('is grouped by kind in a fixed order, each group with its total and at most `limit` hits', async () => {
    const r = await search('沅江市', 3);
    const kinds = r.groups.map((g) => g.kind);
    expect(kinds).toEqual(['people', 'units', 'inspection_items', 'list_items'].filter((k) => kinds.includes(k as (typeof kinds)[number])));
    const units = group(r, 'units');
    const unitCount = db()
      .prepare(`SELECT count(*) FROM units WHERE name LIKE '%沅江市%' OR short_name LIKE '%沅江市%' OR id IN (SELECT unit_id FROM unit_aliases WHERE alias LIKE '%沅江市%')`)
      .pluck()
      .get() as number;
    expect(units?.total).toBe(unitCount);
    for (const g of r.groups) {
      expect(g.hits.length).toBeLessThanOrEqual(3);
      expect(g.total).toBeGreaterThanOrEqual(g.hits.length);
      const expectedKind = { people: 'person', units: 'unit', inspection_items: 'catalog', list_items: 'catalog' }[g.kind];
      for (const h of g.hits) expect(h.kind).toBe(expectedKind);
    }
  });

  it('puts the person with exactly the name typed first', async () => {
    const name = db().prepare(`SELECT name FROM personnel WHERE length(name) = 2 GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1`).pluck().get() as string;
    const longer = db().prepare(`SELECT count(*) FROM personnel WHERE name LIKE ? || '_%'`).pluck().get(name) as number;
    const people = group(await search(name), 'people');
    expect(people?.total).toBe(1 + longer);
    const first = people?.hits[0];
    expect(first?.kind === 'person' ? first.name : null).toBe(name);
  });

  it('is empty for an empty or blank query, and refuses a query over 100 characters', async () => {
    expect((await search('')).groups).toEqual([]);
    expect((await search('  　 ')).groups).toEqual([]);
    expect((await search('zzzzzzzzqqq')).groups).toEqual([]);
    const err = await callErr(backend, 'search.global', { q: '检'.repeat(101) });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('不能超过100个字');
    expect((await callErr(backend, 'search.global', { q: '检查', limit: 21 })).code).toBe('INVALID_INPUT');
  });
});
