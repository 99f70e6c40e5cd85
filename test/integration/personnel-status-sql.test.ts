import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { currentCertificateIdSql, roleCertTypeSql } from '../../electron/backend/db/current-certificate.ts';
import { queryRosterIds, rosterRows } from '../../electron/backend/personnel/roster-query.ts';
import { rosterFilterSchema } from '../../shared/api/methods/personnel.ts';
import { CERT_STATUSES, deriveCertStatus } from '../../shared/domain/certificate-status.ts';
import type { CertState } from '../../shared/domain/certificate-vocabulary.ts';
import { addDays } from '../../shared/domain/dates.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

process.env['REGISTRY_TODAY'] = '2026-11-29';

let backend: Backend;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
});
afterAll(() => backend.close());

interface Current {
  id: number;
  state: CertState | null;
  expiry_date: string | null;
}

/** Each person's current card by the overview's own SQL, its status by the shared rule. */
function expectedStatuses(today: string, warningDays: number): Map<number, string> {
  const rows = backend.context.db
    .prepare(`SELECT p.id, c.state, c.expiry_date FROM personnel p LEFT JOIN certificates c ON c.id = ${currentCertificateIdSql('p', roleCertTypeSql('p'))}`)
    .all() as Current[];
  return new Map(rows.map((r) => [r.id, deriveCertStatus(r.state ? { state: r.state, expiryDate: r.expiry_date } : null, { today, warningDays })]));
}

describe('the roster’s SQL status agrees with deriveCertStatus', () => {
  it('on every boundary day around the sample data’s expiry dates', () => {
    const db = backend.context.db;
    const ids = db.prepare(`SELECT id FROM personnel ORDER BY id`).pluck().all() as number[];
    const expiries = db.prepare(`SELECT DISTINCT expiry_date FROM certificates WHERE state = '有效' ORDER BY expiry_date`).pluck().all() as string[];
    // 40 expiry dates spread over the whole range, each probed where the status changes.
    const probes = expiries.filter((_d, i) => i % Math.max(1, Math.floor(expiries.length / 40)) === 0);
    let compared = 0;
    const mismatches: { id: number; today: string; sql: string; rule: string | undefined }[] = [];
    for (const expiry of probes) {
      for (const [today, warningDays] of [
        [expiry, 180],
        [addDays(expiry, 1), 180],
        [addDays(expiry, -180), 180],
        [addDays(expiry, -181), 180],
        [addDays(expiry, -30), 30],
        [addDays(expiry, -31), 30],
      ] as const) {
        const expected = expectedStatuses(today, warningDays);
        const rows = rosterRows(db, ids, { today, warningDays, trainingRequiredHours: 60, searchSynonyms: [] }, { certType: null, fullIdNumbers: false });
        for (const row of rows) {
          if (row.status !== expected.get(row.id)) mismatches.push({ id: row.id, today, sql: row.status, rule: expected.get(row.id) });
          compared += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(200_000);
  });

  it('filters each status to exactly the people the shared rule gives it', () => {
    const db = backend.context.db;
    for (const today of ['2026-11-29', '2027-03-01', '2028-09-13']) {
      const expected = expectedStatuses(today, 180);
      for (const status of CERT_STATUSES) {
        const ids = queryRosterIds(db, rosterFilterSchema.parse({ statuses: [status] }), { key: 'unit', order: 'asc' }, { today, warningDays: 180, trainingRequiredHours: 60, searchSynonyms: [] });
        const want = [...expected.entries()].filter(([, s]) => s === status).map(([id]) => id);
        expect([...ids].sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
      }
    }
  });

  it('keeps the cached current card equal to the overview’s pick for every person and type', () => {
    const mismatches = backend.context.db
      .prepare(
        `SELECT p.id, t.cert_type, ${currentCertificateIdSql('p', 't.cert_type')} AS expected, cc.certificate_id AS cached,
                c.state AS state, cc.state AS cached_state, c.expiry_date AS expiry, cc.expiry_date AS cached_expiry
           FROM personnel p CROSS JOIN (SELECT '行政执法证' AS cert_type UNION ALL SELECT '行政执法监督证') t
           LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = t.cert_type
           LEFT JOIN certificates c ON c.id = cc.certificate_id
          WHERE expected IS NOT cached OR c.state IS NOT cc.state OR c.expiry_date IS NOT cc.expiry_date`,
      )
      .all();
    expect(mismatches).toEqual([]);
    expect(backend.context.db.prepare(`SELECT count(*) FROM certificate_current`).pluck().get()).toBeGreaterThan(1000);
  });

  it('keeps the cached training hours equal to the records, per person and year', () => {
    const mismatches = backend.context.db
      .prepare(
        `SELECT t.person_id, CAST(substr(t.training_date, 1, 4) AS INTEGER) AS year, total(t.hours) AS recorded, h.hours AS cached
           FROM training_records t LEFT JOIN training_year_hours h ON h.person_id = t.person_id AND h.year = CAST(substr(t.training_date, 1, 4) AS INTEGER)
          GROUP BY 1, 2 HAVING cached IS NOT recorded`,
      )
      .all();
    expect(mismatches).toEqual([]);
    // moving a record to another year moves its hours
    const db = backend.context.db;
    const record = db.prepare(`SELECT id, person_id, hours FROM training_records WHERE training_date LIKE '2026-%' LIMIT 1`).get() as { id: number; person_id: number; hours: number };
    const hours = (year: number) => (db.prepare(`SELECT hours FROM training_year_hours WHERE person_id = ? AND year = ?`).pluck().get(record.person_id, year) as number | undefined) ?? 0;
    const before2026 = hours(2026);
    const before2025 = hours(2025);
    db.prepare(`UPDATE training_records SET training_date = '2025-06-01' WHERE id = ?`).run(record.id);
    expect(hours(2026)).toBeCloseTo(before2026 - record.hours, 6);
    expect(hours(2025)).toBeCloseTo(before2025 + record.hours, 6);
    db.prepare(`UPDATE training_records SET training_date = '2026-06-01' WHERE id = ?`).run(record.id);
    expect(hours(2026)).toBeCloseTo(before2026, 6);
  });
});
