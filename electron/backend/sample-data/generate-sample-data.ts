import { AppError } from '../../../shared/api/errors.ts';
import { isIsoDate } from '../../../shared/domain/dates.ts';
import { LIST_KINDS } from '../../../shared/domain/list-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { AGENCY_PLANS, EXPECTED_AGENCY_TOTALS } from './agency-plan.ts';
import { buildSamplePlan } from './sample-plan.ts';
import { EXPECTED_TOTALS, SAMPLE_UNITS } from './units-catalog.ts';
import { writeSamplePlan } from './write-sample-plan.ts';

/**
 * Fills an empty registry with a realistic, reproducible 沅江市 registry whose figures are exactly
 * those of the bureau's 2023 report (section 五): 37 units, 1,032 + 28 personnel, 428 cards issued
 * in 2023, 23 agencies with 1,771 inspection items and 220 / 89 / 96 / 23 list items, 14 published.
 * The clerk can learn the app on it, and tests and screenshots get stable data.
 *
 * Deterministic: the same seed and `today` give byte-identical rows. `today` only keeps dates
 * plausible (nothing after today; a realistic share of cards about to expire or expired today).
 */

export interface SampleDataOptions {
  seed: number;
  /** Recorded on the operation and on every certificate event. */
  operator: string;
  /** The clerk's date, YYYY-MM-DD. */
  today: string;
}

export interface SampleDataSummary {
  units: number;
  personnel: number;
  inspectionItems: number;
  listItems: number;
}

/** The sample reproduces 2023 in full (the report year), so it needs a date after it. */
const EARLIEST_TODAY = '2024-01-01';

function assertRegistryEmpty(db: Db): void {
  const units = db.prepare(`SELECT count(*) FROM units`).pluck().get() as number;
  if (units > 0) {
    throw new AppError('CONFLICT', `台账中已有 ${units} 个单位的数据，不能再生成示例数据。示例数据只能在空台账中生成，以免与真实数据混在一起。`);
  }
}

/** The catalogs are hand-written tables: check they still add up to the report before writing. */
function assertCatalogTotals(): void {
  const sum = (f: (u: (typeof SAMPLE_UNITS)[number]) => number) => SAMPLE_UNITS.reduce((s, u) => s + f(u), 0);
  const actual = {
    municipalUnits: SAMPLE_UNITS.filter((u) => u.kind === '市直单位').length,
    townUnits: SAMPLE_UNITS.filter((u) => u.kind === '乡镇街道').length,
    agencies: SAMPLE_UNITS.filter((u) => u.keepsLists).length,
    enforcementStaff: sum((u) => u.enforcementStaff),
    supervisors: sum((u) => u.supervisors),
    legalReviewers: sum((u) => u.legalReviewers),
  };
  const problems: [string, number][] = Object.entries(EXPECTED_TOTALS).filter(([k, v]) => actual[k as keyof typeof actual] !== v);
  const items = AGENCY_PLANS.reduce((s, a) => s + a.items, 0);
  const keyItems = AGENCY_PLANS.reduce((s, a) => s + a.keyItems, 0);
  if (items !== EXPECTED_AGENCY_TOTALS.items) problems.push(['items', items]);
  if (keyItems !== EXPECTED_AGENCY_TOTALS.keyItems) problems.push(['keyItems', keyItems]);
  for (const kind of LIST_KINDS) {
    const n = AGENCY_PLANS.reduce((s, a) => s + a.lists[kind], 0);
    if (n !== EXPECTED_AGENCY_TOTALS.lists[kind]) problems.push([kind, n]);
  }
  const published = AGENCY_PLANS.filter((a) => a.docPrefix !== null).length;
  if (published !== EXPECTED_AGENCY_TOTALS.published) problems.push(['published', published]);
  const agencyKeys = new Set(SAMPLE_UNITS.filter((u) => u.keepsLists).map((u) => u.key));
  if (AGENCY_PLANS.length !== agencyKeys.size || AGENCY_PLANS.some((a) => !agencyKeys.has(a.key))) problems.push(['agency plans', AGENCY_PLANS.length]);
  if (problems.length > 0) throw new Error(`Sample-data catalogs no longer match the report: ${JSON.stringify(problems)}`);
}

export function generateSampleData(db: Db, options: SampleDataOptions): SampleDataSummary {
  if (!isIsoDate(options.today)) throw new AppError('INVALID_INPUT', `日期“${options.today}”无效，应为 YYYY-MM-DD`);
  if (options.today < EARLIEST_TODAY) {
    throw new AppError('INVALID_INPUT', `示例数据再现2023年的台账，需要在2024年1月1日以后生成；当前日期为 ${options.today}，请检查电脑日期。`);
  }
  assertRegistryEmpty(db);
  assertCatalogTotals();
  // Computed before the transaction: the write lock is then held only for the inserts.
  const plan = buildSamplePlan(options.seed, options.today);
  return db.transaction((): SampleDataSummary => {
    assertRegistryEmpty(db);
    db.prepare(`INSERT INTO operations (kind, summary, operator) VALUES ('sample_data', ?, ?)`).run(`生成示例数据（种子 ${options.seed}）`, options.operator);
    return writeSamplePlan(db, plan, options.operator);
  })();
}
