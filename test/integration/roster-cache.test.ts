import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { cachedRosterIds } from '../../electron/backend/personnel/roster-cache.ts';
import { queryRosterIds, rosterRulesOf, type RosterRules } from '../../electron/backend/personnel/roster-query.ts';
import { rosterFilterSchema, type RosterFilter, type RosterFilterInput, type RosterSort } from '../../shared/api/methods/personnel.ts';
import { CERT_TYPES } from '../../shared/domain/certificate-vocabulary.ts';
import { ROSTER_SORT_KEYS, SORT_ORDERS } from '../../shared/domain/roster-query.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

process.env['REGISTRY_TODAY'] = '2025-06-30';

/**
 * personnel.query answers from roster-cache.ts: each sort's order of everyone, walked for a
 * filter's people, or SQLite's sort of a small set. Every answer must be the one the plain sorted
 * query (queryRosterIds) gives, for every filter, every sort and both ways, and stay so after the
 * registry changes, through this connection or another one.
 */

let backend: Backend;
let rules: RosterRules;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  rules = rosterRulesOf(backend.context.today(), backend.context.settings());
});
afterAll(() => backend.close());

/** Every filter of the roster, alone and combined. */
const FILTERS: RosterFilterInput[] = [
  {},
  { search: 'zw' },
  { search: 'zhang' },
  { search: '张' },
  { search: '刘' },
  { search: '0981' },
  { search: 'HN' },
  { search: '司法局' },
  { search: '%' },
  { unitIds: [3] },
  { unitIds: [3, 5, 8] },
  { unitKind: '乡镇街道' },
  { personnelKind: '监督人员' },
  { staffingTypes: ['事业编制', '行政编制'] },
  { statuses: ['即将到期', '已过期'] },
  { statuses: ['无证'] },
  { statuses: ['有效', '暂扣'] },
  { certType: '行政执法证' },
  { certType: '行政执法监督证' },
  { expiringWithinDays: 180 },
  { expiringWithinDays: 90, includeExpired: true },
  { trainingShort: true },
  { legalReviewersOnly: true },
  { expiryFrom: '2025-08-01', expiryTo: '2026-08-31' },
  { trainingHoursMin: 20, trainingHoursBelow: 40 },
  { certFlow: { kind: 'issued', year: 2024 } },
  { certFlow: { kind: 'renewed', year: 2024 } },
  { unitKind: '市直单位', trainingShort: true, search: '张' },
  { certType: '行政执法监督证', statuses: ['有效'] },
];

const SORTS: RosterSort[] = ROSTER_SORT_KEYS.flatMap((key) => SORT_ORDERS.map((order) => ({ key, order })));

const parse = (f: RosterFilterInput): RosterFilter => rosterFilterSchema.parse(f);

function expectSame(filter: RosterFilter, sort: RosterSort, options?: { smallSet: number }): number {
  const db = backend.context.db;
  const expected = queryRosterIds(db, filter, sort, rules);
  expect(cachedRosterIds(db, filter, sort, rules, options), `${JSON.stringify(filter)} ${sort.key} ${sort.order}`).toEqual(expected);
  return expected.length;
}

describe('the cached roster answers what the sorted query answers', () => {
  it('the filters find people at all (the comparisons below are not of empty lists)', () => {
    const empty = FILTERS.filter((f) => queryRosterIds(backend.context.db, parse(f), { key: 'unit', order: 'asc' }, rules).length === 0);
    expect(empty.map((f) => JSON.stringify(f))).toEqual([JSON.stringify({ search: '%' })]);
  });

  it('every filter by every sort, sorted by SQLite (small sets) and walked from each order (large ones)', () => {
    for (const sort of SORTS) {
      for (const f of FILTERS) expectSame(parse(f), sort, { smallSet: Number.MAX_SAFE_INTEGER });
      // Everyone, for each card type: this builds the sort's orders the walks below use.
      for (const certType of [null, ...CERT_TYPES]) expectSame(parse({ certType }), sort, { smallSet: 0 });
      for (const f of FILTERS) expectSame(parse(f), sort, { smallSet: 0 });
    }
  });

  it('the same answers for the rules of another day and another warning window', () => {
    const later: RosterRules = { ...rules, today: '2026-03-01', warningDays: 30 };
    for (const sort of [{ key: 'status', order: 'asc' } as const, { key: 'expiryDate', order: 'desc' } as const, { key: 'trainingHours', order: 'asc' } as const]) {
      for (const f of [{}, { statuses: ['即将到期'] }, { trainingShort: true }] satisfies RosterFilterInput[]) {
        const filter = parse(f);
        cachedRosterIds(backend.context.db, filter, sort, rules, { smallSet: 0 });
        const expected = queryRosterIds(backend.context.db, filter, sort, later);
        expect(cachedRosterIds(backend.context.db, filter, sort, later, { smallSet: 0 })).toEqual(expected);
      }
    }
  });
});

describe('the cache follows the registry', () => {
  const byHours: RosterSort = { key: 'trainingHours', order: 'desc' };

  it('a write through the backend: the next answer is the new roster', async () => {
    const db = backend.context.db;
    const everyone = parse({});
    const short = parse({ trainingShort: true });
    const before = cachedRosterIds(db, everyone, byHours, rules, { smallSet: 0 });
    const shortBefore = cachedRosterIds(db, short, byHours, rules, { smallSet: 0 });
    const last = shortBefore.at(-1);
    if (last === undefined) throw new Error('nobody is short of training hours');
    await callOk(backend, 'training.add', { personIds: [last], trainingDate: rules.today, course: '执法业务培训', hours: 200, organiser: null, notes: null });
    const after = cachedRosterIds(db, everyone, byHours, rules, { smallSet: 0 });
    expect(after).toEqual(queryRosterIds(db, everyone, byHours, rules));
    expect(after[0]).toBe(last);
    expect(after).not.toEqual(before);
    const shortAfter = cachedRosterIds(db, short, byHours, rules, { smallSet: 0 });
    expect(shortAfter).toEqual(queryRosterIds(db, short, byHours, rules));
    expect(shortAfter).not.toContain(last);
  });

  it('a write by another connection to the same file: the next answer is the new roster', () => {
    const db = backend.context.db;
    const byName: RosterSort = { key: 'name', order: 'asc' };
    const filter = parse({ search: 'zz' });
    expect(cachedRosterIds(db, filter, byName, rules, { smallSet: 0 })).toEqual(queryRosterIds(db, filter, byName, rules));
    const other = new Database(db.name);
    try {
      const id = other.prepare(`SELECT id FROM personnel ORDER BY id DESC LIMIT 1`).pluck().get() as number;
      other.prepare(`UPDATE personnel SET name_initials = 'zz' WHERE id = ?`).run(id);
      const after = cachedRosterIds(db, filter, byName, rules, { smallSet: 0 });
      expect(after).toEqual(queryRosterIds(db, filter, byName, rules));
      expect(after).toContain(id);
    } finally {
      other.close();
    }
  });
});
