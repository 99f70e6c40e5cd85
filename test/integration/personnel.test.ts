import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import type { Overview } from '../../shared/api/methods/overview.ts';
import type { PersonDetail, RosterRow } from '../../shared/api/methods/personnel.ts';
import { CERT_STATUSES, type CertStatus } from '../../shared/domain/certificate-status.ts';
import { composeIdNumber } from '../../shared/domain/id-number.ts';
import { ROSTER_SORT_KEYS } from '../../shared/domain/roster-query.ts';
import { callErr, callOk, freshBackend } from '../helpers/backend.ts';

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

interface QueryResult {
  total: number;
  ids: number[];
  rows: RosterRow[];
  trainingYear: number;
}

let backend: Backend;
let overview: Overview;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
  overview = await callOk<Overview>(backend, 'overview.get', {});
});
afterAll(() => backend.close());

const query = (filter: Record<string, unknown>, sort?: Record<string, unknown>, firstRows = 500) => callOk<QueryResult>(backend, 'personnel.query', { filter, ...(sort ? { sort } : {}), firstRows });

const db = () => backend.context.db;

describe('the roster on the sample data', () => {
  it('lists all 1,060 people, ID numbers masked', async () => {
    const all = await query({});
    expect(all.total).toBe(1060);
    expect(all.ids).toHaveLength(1060);
    expect(all.rows).toHaveLength(500);
    for (const row of all.rows) expect(row.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const json = JSON.stringify(all);
    const someFullNumber = db().prepare(`SELECT id_number FROM personnel LIMIT 1`).pluck().get() as string;
    expect(json).not.toContain(someFullNumber);
  });

  it('agrees with the overview on every certificate status', async () => {
    const counts = {} as Record<CertStatus, number>;
    for (const status of CERT_STATUSES) counts[status] = (await query({ statuses: [status] }, undefined, 0)).total;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1060);
    expect(counts['即将到期']).toBe(overview.certificates.expiringSoon);
    expect(counts['已过期']).toBe(overview.certificates.expired);
    expect(counts['有效'] + counts['即将到期']).toBe(overview.certificates.inForce);
    expect(counts['暂扣'] + counts['吊销']).toBe(overview.certificates.suspendedOrRevoked);
    expect(counts['已注销']).toBe(overview.certificates.cancelled);
    expect(counts['待考试'] + counts['待发证']).toBe(overview.certificates.pending);
    expect(counts['无证']).toBe(overview.certificates.noCertificate);
  });

  it('filters people expiring within N days by the expiry date itself', async () => {
    const soon = await query({ expiringWithinDays: 180 });
    expect(soon.total).toBe(overview.certificates.expiringSoon);
    for (const r of soon.rows) {
      expect(r.status).toBe('即将到期');
      expect(r.expiryDate! >= TODAY && r.expiryDate! <= '2027-05-28').toBe(true);
    }
    const withExpired = await query({ expiringWithinDays: 180, includeExpired: true });
    expect(withExpired.total).toBe(overview.certificates.expiringSoon + overview.certificates.expired);
    const month = await query({ expiringWithinDays: 30 });
    expect(month.total).toBeLessThan(soon.total);
    for (const r of month.rows) expect(r.daysToExpiry).toBeLessThanOrEqual(30);
  });

  it('filters by unit, unit kind, certificate type, training shortfall and no certificate', async () => {
    const police = db().prepare(`SELECT id FROM units WHERE name = '沅江市公安局'`).pluck().get() as number;
    const byUnit = await query({ unitIds: [police] });
    expect(byUnit.total).toBe(db().prepare(`SELECT count(*) FROM personnel WHERE unit_id = ?`).pluck().get(police));
    expect(byUnit.rows.every((r) => r.unitName === '沅江市公安局')).toBe(true);

    const towns = await query({ unitKind: '乡镇街道' }, undefined, 0);
    expect(towns.total).toBe(db().prepare(`SELECT count(*) FROM personnel p JOIN units u ON u.id = p.unit_id WHERE u.kind = '乡镇街道'`).pluck().get());

    const supervision = await query({ certType: '行政执法监督证' });
    expect(supervision.total).toBeGreaterThan(0);
    expect(supervision.rows.every((r) => r.certType === '行政执法监督证' && r.certificateId !== null)).toBe(true);
    expect(supervision.total).toBe(db().prepare(`SELECT count(DISTINCT person_id) FROM certificates WHERE cert_type = '行政执法监督证'`).pluck().get());

    const short = await query({ trainingShort: true });
    expect(short.total).toBeGreaterThan(0);
    for (const r of short.rows) {
      expect(r.trainingHours).toBeLessThan(60);
      expect(r.trainingRequired).toBe(true);
    }
    const expectedShort = db()
      .prepare(
        `SELECT count(*) FROM personnel p
          WHERE p.staffing_type NOT IN ('聘用辅助人员', '工勤')
            AND (SELECT ifnull(sum(hours), 0) FROM training_records t WHERE t.person_id = p.id AND t.training_date LIKE '2026-%') < 60
            AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = p.id AND c.state IN ('已注销', '吊销')
                              AND c.id = (SELECT id FROM certificates c2 WHERE c2.person_id = p.id AND c2.state <> '已换发'
                                            AND c2.cert_type = CASE p.personnel_kind WHEN '监督人员' THEN '行政执法监督证' ELSE '行政执法证' END
                                          ORDER BY CASE WHEN c2.state IN ('待考试', '考试合格', '有效', '暂扣') THEN 0 ELSE 1 END, c2.issue_date DESC, c2.id DESC LIMIT 1))`,
      )
      .pluck()
      .get();
    expect(short.total).toBe(expectedShort);

    const none = await query({ statuses: ['无证'] });
    expect(none.rows.every((r) => r.certificateId === null && r.certNumber === null)).toBe(true);

    const reviewers = await query({ legalReviewersOnly: true }, undefined, 0);
    expect(reviewers.total).toBe(62);
  });

  it('finds people by pinyin initials, name, ID fragment and any of their card numbers', async () => {
    const zw = await query({ search: 'zw' });
    expect(zw.rows.map((r) => r.name)).toContain('张伟');
    expect(zw.rows.every((r) => (db().prepare(`SELECT name_initials FROM personnel WHERE id = ?`).pluck().get(r.id) as string).startsWith('zw'))).toBe(true);

    const zhang = await query({ search: '张伟' });
    expect(zhang.total).toBeGreaterThan(0);
    expect(zhang.rows.every((r) => r.name.includes('张伟'))).toBe(true);

    const person = db().prepare(`SELECT id, id_number FROM personnel WHERE id = 25`).get() as { id: number; id_number: string };
    const byId = await query({ search: person.id_number });
    expect(byId.ids).toEqual([person.id]);
    const byTail = await query({ search: person.id_number.slice(-6) });
    expect(byTail.ids).toContain(person.id);

    // an old card number (replaced by a renewal) still finds its holder
    const old = db().prepare(`SELECT person_id, cert_number FROM certificates WHERE state = '已换发' LIMIT 1`).get() as { person_id: number; cert_number: string };
    const byOldCard = await query({ search: old.cert_number });
    expect(byOldCard.ids).toContain(old.person_id);

    const nobody = await query({ search: '不存在的人' });
    expect(nobody.total).toBe(0);
    const wildcard = await query({ search: '%' });
    expect(wildcard.total).toBe(0);
  });

  it('sorts by any column, both ways', async () => {
    const byExpiry = await query({ certType: '行政执法证' }, { key: 'expiryDate', order: 'asc' });
    const dates = byExpiry.rows.map((r) => r.expiryDate ?? '9999');
    expect(dates).toEqual([...dates].sort());
    const desc = await query({}, { key: 'trainingHours', order: 'desc' });
    const hours = desc.rows.map((r) => r.trainingHours);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    const byStatus = await query({}, { key: 'status', order: 'asc' }, 100);
    expect(byStatus.rows[0]?.status).toBe('已过期');
    // 执法范围 (the last column to get a sort): text order, empty scopes last both ways.
    for (const order of ['asc', 'desc'] as const) {
      const byScope = await query({}, { key: 'scope', order }, 500);
      const scopes = byScope.rows.map((r) => r.enforcementScope);
      const filled = scopes.filter((s): s is string => s !== null);
      expect(filled.length).toBeGreaterThan(1);
      expect(scopes.slice(0, filled.length)).toEqual(filled);
      expect(new Set(filled).size).toBeGreaterThan(1);
      const expected = [...filled].sort();
      expect(filled).toEqual(order === 'asc' ? expected : expected.reverse());
    }
    for (const key of ROSTER_SORT_KEYS) {
      for (const order of ['asc', 'desc']) {
        const r = await query({}, { key, order }, 0);
        expect(r.total).toBe(1060);
        expect(new Set(r.ids).size).toBe(1060);
      }
    }
  });

  it('returns rows for the window the table shows, in the order asked', async () => {
    const all = await query({}, { key: 'name', order: 'asc' }, 0);
    const window = all.ids.slice(300, 320);
    const { rows } = await callOk<{ rows: RosterRow[] }>(backend, 'personnel.rows', { ids: window });
    expect(rows.map((r) => r.id)).toEqual(window);
  });
});

describe('one person', () => {
  const values = (overrides: Record<string, unknown> = {}) => ({
    unitId: 1,
    personnelKind: '执法人员',
    name: '曾志强',
    sex: '男',
    idNumber: composeIdNumber('430981', '1992-06-18', 37),
    post: '科员',
    staffingType: '行政编制',
    enforcementCategory: '发展改革',
    enforcementScope: null,
    isLegalReviewer: false,
    phone: null,
    notes: null,
    ...overrides,
  });

  it('checks the ID number (GB 11643) and names the field', async () => {
    const bad = values({ idNumber: '430981199206180378' });
    const good = composeIdNumber('430981', '1992-06-18', 37);
    expect(good).not.toBe('430981199206180378');
    const err = await callErr(backend, 'personnel.create', bad);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.issues?.[0]?.path).toBe('idNumber');
    expect(err.message).toContain('校验位错误');
    const badDate = await callErr(backend, 'personnel.create', values({ idNumber: '430981199302300000' }));
    expect(badDate.message).toContain('不是有效日期');
  });

  it('adds a person with birth date from the ID number and pinyin initials (曾 as a surname: z)', async () => {
    const { id } = await callOk<{ id: number }>(
      backend,
      'personnel.create',
      values({ idNumber: ` ${composeIdNumber('430981', '1992-06-18', 37).replace(/\d/, (d) => String.fromCharCode(0xff10 + Number(d)))} ` }),
    );
    const row = db().prepare(`SELECT name_initials, birth_date, id_number FROM personnel WHERE id = ?`).get(id);
    expect(row).toEqual({ name_initials: 'zzq', birth_date: '1992-06-18', id_number: composeIdNumber('430981', '1992-06-18', 37) });
    const found = await query({ search: 'zzq' });
    expect(found.ids).toContain(id);

    const dup = await callErr(backend, 'personnel.create', values({ name: '曾志刚' }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.message).toContain('已登记为“曾志强”（沅江市发展和改革局）');

    // a renamed person is found by the new initials
    await callOk(backend, 'personnel.update', { id, values: { ...values({ name: '彭志强' }), idNumber: null } });
    expect((await query({ search: 'pzq' })).ids).toContain(id);
    expect((await query({ search: 'zzq' })).ids).not.toContain(id);
  });

  it('shows a recorded sex that contradicts the ID number as a warning, and reveals the full number on request', async () => {
    const idNumber = composeIdNumber('430981', '1991-01-02', 44); // even sequence: female
    const { id } = await callOk<{ id: number }>(backend, 'personnel.create', values({ name: '刘敏', idNumber, sex: '男' }));
    const d = await callOk<PersonDetail>(backend, 'personnel.get', { id });
    expect(d.person.sexFromId).toBe('女');
    expect(d.person.idNumber).toBe(`430981********${idNumber.slice(-4)}`);
    expect(await callOk(backend, 'personnel.revealIdNumber', { id })).toEqual({ idNumber });
  });

  it('refuses to make a card holder a hired auxiliary, and a unit change outside a transfer', async () => {
    const holder = db().prepare(`SELECT p.id FROM personnel p JOIN certificate_current cc ON cc.person_id = p.id WHERE cc.state = '有效' LIMIT 1`).pluck().get() as number;
    const d = await callOk<PersonDetail>(backend, 'personnel.get', { id: holder });
    const current = {
      unitId: d.person.unitId,
      personnelKind: d.person.personnelKind,
      name: d.person.name,
      sex: d.person.sex,
      idNumber: null,
      post: d.person.post,
      staffingType: d.person.staffingType,
      enforcementCategory: d.person.enforcementCategory,
      enforcementScope: d.person.enforcementScope,
      isLegalReviewer: d.person.isLegalReviewer,
      phone: d.person.phone,
      notes: d.person.notes,
    };
    const aux = await callErr(backend, 'personnel.update', { id: holder, values: { ...current, staffingType: '聘用辅助人员' } });
    expect(aux).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('不能改为“聘用辅助人员”') });
    const move = await callErr(backend, 'personnel.update', { id: holder, values: { ...current, unitId: d.person.unitId === 1 ? 2 : 1 } });
    expect(move.message).toContain('调动');
  });

  it('transfers a person between units, keeping one record and the history', async () => {
    const person = db()
      .prepare(`SELECT p.id, p.unit_id FROM personnel p JOIN certificate_current cc ON cc.person_id = p.id WHERE cc.state = '有效' AND p.id NOT IN (SELECT person_id FROM transfers) LIMIT 1`)
      .get() as { id: number; unit_id: number };
    const to = person.unit_id === 5 ? 6 : 5;
    const before = await callOk<PersonDetail>(backend, 'personnel.get', { id: person.id });
    const { operationId } = await callOk<{ operationId: number }>(backend, 'personnel.transfer', {
      id: person.id,
      toUnitId: to,
      date: '2026-11-01',
      docRef: '沅人社任（２０２６）第088号',
      notes: null,
      post: '股长',
      enforcementCategory: null,
      enforcementScope: null,
    });
    const after = await callOk<PersonDetail>(backend, 'personnel.get', { id: person.id });
    expect(after.person.unitId).toBe(to);
    expect(after.person.post).toBe('股长');
    expect(after.person.enforcementCategory).toBe(before.person.enforcementCategory);
    expect(after.certificates).toEqual(before.certificates);
    expect(after.transfers[0]).toMatchObject({ fromUnitId: person.unit_id, toUnitId: to, transferDate: '2026-11-01', docRef: '沅人社任〔2026〕88号' });
    expect(db().prepare(`SELECT count(*) FROM personnel WHERE id_number = (SELECT id_number FROM personnel WHERE id = ?)`).pluck().get(person.id)).toBe(1);
    const history = await callOk<{ entries: { summary: string; changes: { fields: { field: string; before: string | null; after: string | null }[] }[] }[] }>(backend, 'personnel.history', {
      id: person.id,
    });
    expect(history.entries[0]?.summary).toContain('调动');
    expect(history.entries[0]?.changes.flatMap((c) => c.fields)).toContainEqual({ field: '单位', before: before.person.unitName, after: after.person.unitName });

    const same = await callErr(backend, 'personnel.transfer', { id: person.id, toUnitId: to, date: '2026-11-02', docRef: null, notes: null });
    expect(same.message).toContain('请选择调入的新单位');
    await callOk(backend, 'history.undo', { operationId });
    expect((await callOk<PersonDetail>(backend, 'personnel.get', { id: person.id })).person.unitId).toBe(person.unit_id);
  });

  it('deletes only a record without issued cards, and undo brings it back', async () => {
    const issued = db().prepare(`SELECT person_id FROM certificates WHERE issue_date IS NOT NULL LIMIT 1`).pluck().get() as number;
    const refused = await callErr(backend, 'personnel.delete', { id: issued });
    expect(refused.message).toContain('发证记录，不能删除');

    const { id } = await callOk<{ id: number }>(backend, 'personnel.create', values({ name: '谭静', sex: '女', idNumber: composeIdNumber('430981', '1996-09-09', 88) }));
    await callOk(backend, 'training.add', { personIds: [id], trainingDate: '2026-03-03', course: '行政执法“三项制度”专题培训', hours: 8, organiser: null, notes: null });
    const { operationId } = await callOk<{ operationId: number }>(backend, 'personnel.delete', { id });
    expect(db().prepare(`SELECT count(*) FROM training_records WHERE person_id = ?`).pluck().get(id)).toBe(0);
    await callOk(backend, 'history.undo', { operationId });
    const back = await callOk<PersonDetail>(backend, 'personnel.get', { id });
    expect(back.person.name).toBe('谭静');
    expect(back.training.map((t) => t.hours)).toEqual([8]);
    expect(back.trainingByYear).toEqual([{ year: 2026, hours: 8 }]);
  });
});

describe('training and legal review', () => {
  it('registers one course for many people and counts it in this year’s hours', async () => {
    const { ids } = await query({ trainingShort: true }, undefined, 0);
    const picked = ids.slice(0, 5);
    const before = (await callOk<{ rows: RosterRow[] }>(backend, 'personnel.rows', { ids: picked })).rows.map((r) => r.trainingHours);
    const added = await callOk<{ operationId: number; count: number }>(backend, 'training.add', {
      personIds: picked,
      trainingDate: '2026-11-20',
      course: '行政执法案卷制作规范培训',
      hours: 6.5,
      organiser: '沅江市司法局',
      notes: null,
    });
    expect(added.count).toBe(5);
    const after = (await callOk<{ rows: RosterRow[] }>(backend, 'personnel.rows', { ids: picked })).rows.map((r) => r.trainingHours);
    expect(after).toEqual(before.map((h) => Math.round((h + 6.5) * 10) / 10));
    await callOk(backend, 'history.undo', { operationId: added.operationId });
    expect((await callOk<{ rows: RosterRow[] }>(backend, 'personnel.rows', { ids: picked })).rows.map((r) => r.trainingHours)).toEqual(before);
    const future = await callErr(backend, 'training.add', { personIds: picked, trainingDate: '2026-12-20', course: '培训', hours: 4, organiser: null, notes: null });
    expect(future.message).toContain('晚于今天');
  });

  it('lists who falls short of 60 hours, per person and per unit', async () => {
    const summary = await callOk<{ year: number; requiredHours: number; people: { hours: number; shortfall: number }[]; units: { required: number; short: number }[] }>(backend, 'training.summary', {
      onlyShort: true,
    });
    expect(summary.year).toBe(2026);
    expect(summary.requiredHours).toBe(60);
    expect(summary.people.length).toBe((await query({ trainingShort: true }, undefined, 0)).total);
    for (const p of summary.people) expect(p.shortfall).toBeCloseTo(60 - p.hours, 5);
    expect(summary.units.reduce((s, u) => s + u.short, 0)).toBe(summary.people.length);
  });

  it('flags units with fewer legal-review staff than 5 % of their officers', async () => {
    const { units, minRatio } = await callOk<{ minRatio: number; units: { unitName: string; enforcementCount: number; reviewers: number; required: number; meetsRule: boolean }[] }>(
      backend,
      'personnel.legalReview',
      {},
    );
    expect(minRatio).toBe(0.05);
    expect(units).toHaveLength(37);
    const police = units.find((u) => u.unitName === '沅江市公安局');
    expect(police).toMatchObject({ reviewers: 7, meetsRule: false });
    expect(police?.required).toBe(Math.ceil((police?.enforcementCount ?? 0) * 0.05));
    expect(units.find((u) => u.unitName === '沅江市商务局')).toMatchObject({ reviewers: 0, required: 1, meetsRule: false });
    expect(units.filter((u) => u.meetsRule).length).toBeGreaterThan(25);
    await callOk(backend, 'settings.update', { legalReviewerMinRatio: 0.04 });
    const relaxed = await callOk<{ units: { unitName: string; meetsRule: boolean }[] }>(backend, 'personnel.legalReview', {});
    expect(relaxed.units.find((u) => u.unitName === '沅江市公安局')?.meetsRule).toBe(true);
    await callOk(backend, 'settings.update', { legalReviewerMinRatio: 0.05 });
  });
});
