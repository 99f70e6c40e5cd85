import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { rosterIdsQuery, rosterMembersQuery, type RosterRules } from '../../electron/backend/personnel/roster-query.ts';
import { rosterFilterSchema, type RosterFilterInput } from '../../shared/api/methods/personnel.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

process.env['REGISTRY_TODAY'] = '2025-06-30';

/**
 * Issue 13: the roster query at 100,000 people. A filter that keeps a few people must find them
 * through an index (personnel_unit, certificate_current_expiry, the name / initials / ID indexes)
 * and fetch them by key; reading every person and testing each is what made a filtered roster as
 * slow as the whole one. These tests read the plan of the SQL the roster runs (rosterIdsQuery,
 * not a copy), on a registry without ANALYZE statistics, as a clerk's is.
 */

let backend: Backend;
let rules: RosterRules;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  const settings = backend.context.settings();
  rules = { today: backend.context.today(), warningDays: settings.expiryWarningDays, trainingRequiredHours: settings.annualTrainingHours, searchSynonyms: settings.searchSynonyms };
});

afterAll(() => backend.close());

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

function plan(filter: RosterFilterInput): PlanRow[] {
  const { sql, params } = rosterIdsQuery(rosterFilterSchema.parse(filter), { key: 'unit', order: 'asc' }, rules);
  return backend.context.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as PlanRow[];
}

/** The plan of the query that finds a filter's people for the roster's cache (roster-cache.ts). */
function membersPlan(filter: RosterFilterInput): PlanRow[] {
  const query = rosterMembersQuery(rosterFilterSchema.parse(filter), rules);
  if (!query) throw new Error(`${JSON.stringify(filter)} keeps everyone`);
  return backend.context.db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params) as PlanRow[];
}

const show = (rows: readonly PlanRow[]) => rows.map((r) => `  ${r.id}/${r.parent} ${r.detail}`).join('\n');

/** A table read from end to end: `SCAN x` without an index, or through an index it does not search. */
const FULL_SCAN = /^SCAN (p|personnel|certificates|cs|certificate_current|cc)\b(?! USING COVERING INDEX)/;

/** The selective filters: each must lead with an index search and never scan a table whole. */
const SELECTIVE: [string, RosterFilterInput][] = [
  ['one unit', { unitIds: [3] }],
  ['several units', { unitIds: [3, 5, 8] }],
  ['expiring within 180 days', { expiringWithinDays: 180 }],
  ['expiring within 90 days, expired included', { expiringWithinDays: 90, includeExpired: true }],
  ['expiring in a month (the overview’s bars)', { expiryFrom: '2025-08-01', expiryTo: '2025-08-31' }],
  ['status 即将到期 / 已过期', { statuses: ['即将到期', '已过期'] }],
  ['status 已过期', { statuses: ['已过期'] }],
  ['unit kind', { unitKind: '乡镇街道' }],
];

/**
 * The search box: a part of a name, an ID number or any card number cannot seek an index, so the
 * search reads those columns once (pinyin initials are a prefix and seek theirs), and the people
 * it finds are then fetched by key: personnel is never the loop that tests everyone.
 */
const SEARCHES: [string, RosterFilterInput][] = [
  ['search by pinyin initials', { search: 'zw' }],
  ['search by name', { search: '张伟' }],
  ['search by ID digits', { search: '6796' }],
  ['search by card number', { search: 'HN0981' }],
  ['one unit and a search', { unitIds: [3], search: '刘' }],
];

/**
 * Filters that keep a large share of everyone (a third of the staff work in towns; most people
 * are below the training hours early in the year; 无证 and 有效 are decided per person from the
 * card shown), where reading every person once in rowid order is the cheapest plan there is.
 * They must still read personnel once, as the outer loop, and no other table whole.
 */
const BROAD: [string, RosterFilterInput][] = [
  ['no filter', {}],
  ['personnel kind', { personnelKind: '监督人员' }],
  ['staffing type', { staffingTypes: ['事业编制'] }],
  ['status 无证', { statuses: ['无证'] }],
  ['status 有效', { statuses: ['有效'] }],
  ['card type', { certType: '行政执法监督证' }],
  ['training short', { trainingShort: true }],
  ['training hours band', { trainingHoursMin: 20, trainingHoursBelow: 40 }],
  ['legal reviewers', { legalReviewersOnly: true }],
  ['issued this year', { certFlow: { kind: 'issued', year: 2025 } }],
];

describe('roster query plans', () => {
  it.each(SELECTIVE)('%s: found through an index, no table read whole', (_label, filter) => {
    const rows = plan(filter);
    const scans = rows.filter((r) => FULL_SCAN.test(r.detail));
    expect(
      scans.map((r) => r.detail),
      show(rows),
    ).toEqual([]);
    expect(
      rows.some((r) => /^SEARCH (p|personnel) USING (INTEGER PRIMARY KEY|INDEX|COVERING INDEX)/.test(r.detail)),
      show(rows),
    ).toBe(true);
  });

  it.each(SEARCHES)('%s: the people found fetched by key', (_label, filter) => {
    const rows = plan(filter);
    const outer = rows.filter((r) => r.parent === 0 && /^(SCAN|SEARCH) /.test(r.detail));
    expect(outer[0]?.detail, show(rows)).toMatch(/^SEARCH p USING (INTEGER PRIMARY KEY|INDEX \S+) \(.*rowid=\?\)$/);
    expect(
      outer.filter((r) => r.detail.startsWith('SCAN ')).map((r) => r.detail),
      show(rows),
    ).toEqual([]);
  });

  it.each(BROAD)('%s: personnel read once as the outer loop, nothing else whole', (_label, filter) => {
    const rows = plan(filter);
    const scans = rows.filter((r) => /^SCAN (?!json_each)/.test(r.detail));
    expect(
      scans.map((r) => r.detail),
      show(rows),
    ).toEqual([expect.stringMatching(/^SCAN p\b/)]);
  });

  it('flags the plan a unit-kind filter had before (every person read and tested)', () => {
    const { sql, params } = rosterIdsQuery(rosterFilterSchema.parse({}), { key: 'unit', order: 'asc' }, rules);
    const before = sql.replace('ORDER BY', `WHERE u.kind = '乡镇街道' ORDER BY`);
    const rows = backend.context.db.prepare(`EXPLAIN QUERY PLAN ${before}`).all(params) as PlanRow[];
    expect(rows.filter((r) => FULL_SCAN.test(r.detail)).map((r) => r.detail)).toEqual([expect.stringMatching(/^SCAN p\b/)]);
  });
});

describe('plans of the filter alone (the roster cache’s query)', () => {
  it.each(SELECTIVE)('%s: found through an index, no table read whole', (_label, filter) => {
    const rows = membersPlan(filter);
    expect(
      rows.filter((r) => FULL_SCAN.test(r.detail)).map((r) => r.detail),
      show(rows),
    ).toEqual([]);
  });

  it.each(SEARCHES)('%s: the search reads indexes only, card numbers through certificates_number_person', (_label, filter) => {
    const rows = membersPlan(filter);
    expect(
      rows.filter((r) => /^SCAN (?!json_each|units\b|unit_aliases\b)/.test(r.detail) && !/USING COVERING INDEX/.test(r.detail)).map((r) => r.detail),
      show(rows),
    ).toEqual([]);
    if (/[0-9A-Za-z]/.test(filter.search ?? '')) expect(show(rows)).toMatch(/SCAN cs USING COVERING INDEX certificates_number_person/);
  });

  it.each(BROAD.filter(([, f]) => Object.keys(f).length > 0))('%s: one table read once, nothing else whole', (_label, filter) => {
    const rows = membersPlan(filter);
    expect(
      rows.filter((r) => /^SCAN (?!json_each)/.test(r.detail)).map((r) => r.detail),
      show(rows),
    ).toEqual([expect.stringMatching(/^SCAN (p|cc)\b/)]);
  });

  it('no filter: nothing to find, everyone is taken in the sort’s order', () => {
    expect(rosterMembersQuery(rosterFilterSchema.parse({}), rules)).toBeNull();
  });
});
