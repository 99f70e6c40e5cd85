import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { Dashboard } from '../../shared/api/methods/reports.ts';
import type { Overview } from '../../shared/api/methods/overview.ts';
import { CERT_STATUS_CATEGORIES, IN_FORCE_STATUSES, rosterStatusLink } from '../../shared/domain/certificate-status.ts';
import { viewFromQuery } from '../../renderer/pages/personnel/roster-params.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

/**
 * The overview's charts and warnings: every bar and every warning counts what the list it links to
 * shows, and the status groups agree with the overview's figures.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
let data: Dashboard;
const total = async (query: string) => (await callOk<{ total: number }>(backend, 'personnel.query', { filter: viewFromQuery(new URLSearchParams(query)).filter, firstRows: 0 })).total;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  // One auxiliary with a card in force: a card holder who may not hold one (imported legacy data).
  const db = backend.context.db;
  const holder = db.prepare(`SELECT person_id FROM certificate_current WHERE state = '有效' AND cert_type = '行政执法证' LIMIT 1`).pluck().get() as number;
  db.prepare(`UPDATE personnel SET staffing_type = '聘用辅助人员' WHERE id = ?`).run(holder);
  data = await callOk<Dashboard>(backend, 'dashboard.get', {});
});
afterAll(() => backend.close());

describe('the dashboard’s figures', () => {
  it('groups every unit’s people by status, adding up to the overview', async () => {
    const overview = await callOk<Overview>(backend, 'overview.get', {});
    const sum = (key: (typeof CERT_STATUS_CATEGORIES)[number]['key']) => data.units.reduce((n, u) => n + u.categories[key], 0);
    expect(data.units).toHaveLength(37);
    expect(data.units.reduce((n, u) => n + u.people, 0)).toBe(overview.personnel.total);
    expect(sum('valid') + sum('expiring')).toBe(overview.certificates.inForce);
    expect(sum('expired')).toBe(overview.certificates.expired);
    expect(sum('none')).toBe(overview.certificates.noCertificate);
    // A bar's segment opens the roster of that unit and status: the same number.
    const police = data.units.find((u) => u.name === '沅江市公安局')!;
    for (const c of CERT_STATUS_CATEGORIES) {
      expect(await total(`units=${police.unitId}&status=${c.statuses.join(',')}`), c.label).toBe(police.categories[c.key]);
    }
  });

  it('counts expiries per month for 24 months and training hours in bands, as the roster filters them', async () => {
    expect(data.expiries).toHaveLength(24);
    expect(data.expiries[0]).toMatchObject({ month: '2026-11', from: TODAY, to: '2026-11-30' });
    expect(data.expiries[23]?.month).toBe('2028-10');
    for (const m of data.expiries.filter((_m, i) => i % 5 === 0)) expect(await total(`expFrom=${m.from}&expTo=${m.to}`), m.month).toBe(m.count);
    expect(data.training.bands.map((b) => b.label)).toEqual(['未参训', '不足20', '20–40', '40–60', '达到60']);
    for (const b of data.training.bands) expect(await total(`hmin=${b.min}${b.below === null ? '' : `&hbelow=${b.below}`}`), b.label).toBe(b.count);
  });

  it('lists the agencies’ catalogs and publication status', () => {
    expect(data.agencies).toHaveLength(23);
    expect(data.agencies.reduce((n, a) => n + a.counts.items, 0)).toBe(1771);
    expect(data.publications).toMatchObject({ published: 14 });
    expect(data.publications.published + data.publications.expired + data.publications.unpublished).toBe(23);
  });

  it('warns of data problems, each count the size of the list it links to', async () => {
    const check = (name: string) => data.quality.checks.find((c) => c.check === name)!;
    expect(check('may_not_hold').count).toBe(1);
    expect(check('submission_stale').count).toBe(23);
    expect(check('staffing_unconfirmed').count).toBe(0);
    expect(check('legal_review_short').count).toBeGreaterThanOrEqual(3);
    expect(data.quality.staleBefore).toBe('2025-11-29');
    // (A check that found nothing is shown without a link: 编制类型待确认 links to a staffing type the vocabulary gains with the importer's work.)
    for (const c of data.quality.checks.filter((x) => x.count > 0 && x.link?.startsWith('/personnel?'))) {
      expect(await total(c.link!.split('?')[1]!), c.label).toBe(c.count);
    }
    // A later “last submission” date changes nothing here: there were no submissions at all.
    const later = await callOk<Dashboard>(backend, 'dashboard.get', { staleBefore: '2020-01-01' });
    expect(later.quality.checks.find((c) => c.check === 'submission_stale')?.count).toBe(23);
  });

  it('counts everyone on the overview in the roster’s status groups, each figure its roster’s count', async () => {
    const overview = await callOk<Overview>(backend, 'overview.get', {});
    const { categories } = overview.certificates;
    expect(CERT_STATUS_CATEGORIES.reduce((n, c) => n + categories[c.key], 0)).toBe(overview.personnel.total);
    expect(categories.none).toBeGreaterThan(0);
    expect(categories.valid + categories.expiring).toBe(overview.certificates.inForce);
    for (const c of CERT_STATUS_CATEGORIES) expect(await total(rosterStatusLink(c.statuses).split('?')[1]!), c.label).toBe(categories[c.key]);
    expect(await total(rosterStatusLink(IN_FORCE_STATUSES).split('?')[1]!)).toBe(overview.certificates.inForce);
    // The cards issued each year are counted in people, as the roster's flow filter lists them.
    for (const y of overview.certificates.issuedByYear) expect(await total(`flow=issued:${y.year}`), String(y.year)).toBe(y.count);
    expect(await total('kind=执法人员')).toBe(overview.personnel.enforcement);
    expect(await total('kind=监督人员')).toBe(overview.personnel.supervision);
    expect(await total('reviewers=1')).toBe(overview.personnel.legalReviewers);
    expect(overview.publications.published + overview.publications.unpublished + overview.publications.expired).toBe(overview.publications.agencies);
    expect(overview.publications.published).toBe(data.publications.published);
  });
});

describe('the 待办 panel', () => {
  const item = (d: Dashboard, key: string) => d.todo.items.find((i) => i.key === key)!;

  it('counts what each link lists: cards to renew, training short, agencies unpublished or expired', async () => {
    expect(data.todo.items.map((i) => i.key)).toEqual(['cert_expiring', 'training_short', 'unpublished', 'publication_expired', 'submission_stale']);
    const expiring = item(data, 'cert_expiring');
    expect(expiring.count).toBeGreaterThan(0);
    expect(expiring.label).toContain('180 天内到期');
    expect(await total(expiring.link!.split('?')[1]!)).toBe(expiring.count);
    expect(expiring.count).toBe(data.units.reduce((n, u) => n + u.categories.expiring, 0));
    const training = item(data, 'training_short');
    expect(training.label).toContain('60 学时');
    expect(training.count).toBeGreaterThan(0);
    expect(await total('training=short')).toBe(training.count);
    // Under 60 h are the bands below the requirement, nothing else.
    expect(training.count).toBe(data.training.bands.filter((b) => b.below !== null).reduce((n, b) => n + b.count, 0));
    expect(item(data, 'unpublished').count).toBe(data.publications.unpublished);
    expect(item(data, 'publication_expired').count).toBe(data.publications.expired);
    expect(item(data, 'unpublished').link).toBe(`/catalog/publications?status=${encodeURIComponent('未发布')}`);
  });

  it('moves a person out of the training shortfall once the hours are registered', async () => {
    const before = item(data, 'training_short').count;
    const ids = (await callOk<{ ids: number[] }>(backend, 'personnel.query', { filter: viewFromQuery(new URLSearchParams('training=short')).filter, firstRows: 0 })).ids;
    await callOk(backend, 'training.add', { personIds: [ids[0]], trainingDate: TODAY, hours: 60, course: '执法业务培训', organiser: null, notes: null });
    const after = await callOk<Dashboard>(backend, 'dashboard.get', {});
    expect(item(after, 'training_short').count).toBe(before - 1);
  });

  it('lists the agencies whose last submission is older than the chosen day', async () => {
    const stale = item(data, 'submission_stale');
    expect(stale.count).toBe(23);
    expect(data.todo.staleAgencies).toHaveLength(23);
    expect(data.todo.staleBefore).toBe('2025-11-29');
    // One agency sends its files on 2026-06-01 (an import batch, as the import commit writes it).
    const db = backend.context.db;
    const agency = data.agencies[0]!;
    const op = db.prepare(`INSERT INTO operations (kind, summary, at) VALUES ('import', '导入名册', '2026-06-01T09:00:00.000Z')`).run().lastInsertRowid;
    db.prepare(`INSERT INTO import_batches (operation_id, file_name, sha256, unit_id, kind, committed_at) VALUES (?, '名册.xlsx', ?, ?, 'personnel', '2026-06-01T09:00:00.000Z')`).run(
      op,
      'a'.repeat(64),
      agency.unitId,
    );
    const recent = await callOk<Dashboard>(backend, 'dashboard.get', { staleBefore: '2026-01-01' });
    expect(item(recent, 'submission_stale').count).toBe(22);
    expect(recent.todo.staleAgencies.map((a) => a.unitId)).not.toContain(agency.unitId);
    expect(item(recent, 'submission_stale').count).toBe(recent.quality.checks.find((c) => c.check === 'submission_stale')?.count);
    const later = await callOk<Dashboard>(backend, 'dashboard.get', { staleBefore: '2026-06-02' });
    expect(item(later, 'submission_stale').count).toBe(23);
    expect(later.todo.staleAgencies.find((a) => a.unitId === agency.unitId)?.last).toBe('2026-06-01');
  });
});
