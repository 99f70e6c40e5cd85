import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { callOk, freshBackend } from '../helpers/backend.ts';

/**
 * The roster filters that the overview's charts and the annual report link to: a month of expiry
 * dates, a band of training hours, people issued / renewed / cancelled in a year, staffing types.
 */

const TODAY = '2026-11-29';
process.env['REGISTRY_TODAY'] = TODAY;

let backend: Backend;
const count = (sql: string, ...params: unknown[]) =>
  backend.context.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const total = async (filter: Record<string, unknown>) => (await callOk<{ total: number }>(backend, 'personnel.query', { filter, firstRows: 0 })).total;

beforeAll(async () => {
  backend = await freshBackend();
  await callOk(backend, 'system.generateSampleData', { seed: 2023 });
});
afterAll(() => backend.close());

describe('roster filters reached by links', () => {
  it('people issued a card in a year: the report’s 428 in 2023', async () => {
    expect(await total({ certFlow: { kind: 'issued', year: 2023 } })).toBe(count(`SELECT count(DISTINCT person_id) FROM certificates WHERE issue_date LIKE '2023-%'`));
    expect(await total({ certFlow: { kind: 'issued', year: 2023 } })).toBe(428);
    expect(await total({ certFlow: { kind: 'cancelled', year: 2025 } })).toBe(count(`SELECT count(DISTINCT person_id) FROM certificates WHERE state = '已注销' AND cancel_date LIKE '2025-%'`));
    const renewed = await total({ certFlow: { kind: 'renewed', year: 2024 } });
    expect(renewed).toBe(count(`SELECT count(DISTINCT person_id) FROM certificates WHERE replaces_id IS NOT NULL AND issue_date LIKE '2024-%'`));
    expect(renewed).toBeGreaterThan(0);
  });

  it('cards in force expiring in a month', async () => {
    const expected = count(
      `SELECT count(*) FROM personnel p JOIN certificate_current cc ON cc.person_id = p.id
         AND cc.cert_type = CASE p.personnel_kind WHEN '监督人员' THEN '行政执法监督证' ELSE '行政执法证' END
        WHERE cc.state = '有效' AND cc.expiry_date BETWEEN '2027-03-01' AND '2027-03-31'`,
    );
    expect(await total({ expiryFrom: '2027-03-01', expiryTo: '2027-03-31' })).toBe(expected);
  });

  it('bands of training hours add up to the people the requirement applies to', async () => {
    const bands = [0, 20, 40, 60];
    let sum = 0;
    for (let i = 0; i < bands.length; i += 1) sum += await total({ trainingHoursMin: bands[i], trainingHoursBelow: bands[i + 1] ?? null });
    const short = await total({ trainingShort: true });
    expect(await total({ trainingHoursMin: 0, trainingHoursBelow: 60 })).toBe(short);
    expect(sum).toBe(short + (await total({ trainingHoursMin: 60 })));
  });

  it('staffing types', async () => {
    expect(await total({ staffingTypes: ['聘用辅助人员', '工勤'] })).toBe(count(`SELECT count(*) FROM personnel WHERE staffing_type IN ('聘用辅助人员', '工勤')`));
  });
});
