import { certStatusCategory, certStatusThresholds, emptyCategoryCounts, type CategoryCounts, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import type { PersonnelKind, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import { isTrainingRequired, isTrainingShort } from '../../../shared/domain/training-hours.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { certFlowParams, certFlowSql } from '../personnel/cert-flow-sql.ts';
import { legalReviewByUnit, type LegalReview } from '../personnel/legal-review-service.ts';
import { rosterSqlParts } from '../personnel/roster-query.ts';

/**
 * Per unit, the figures the 汇总 sheet of the audit workbook and the overview's status chart show:
 * people by role, by status group (certificate-status.ts), legal-review staff against the rule
 * (legal-review-service.ts, the same numbers as 执法人员 › 法制审核人员), people short of the
 * year's training hours and people issued a card in the year (cert-flow-sql.ts, as the report).
 */

export interface SummaryRules {
  today: string;
  warningDays: number;
  legalReviewerMinRatio: number;
  annualTrainingHours: number;
  /** The year of the flow figures (training hours, cards issued). */
  year: number;
  /** Legal-review figures already read in this request (else read here). */
  legalReview?: LegalReview;
}

export interface UnitSummary {
  unitId: number;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  enforcement: number;
  supervision: number;
  people: number;
  categories: CategoryCounts;
  /** Enforcement staff still in enforcement work: the legal-review rule's denominator. */
  activeEnforcement: number;
  reviewers: number;
  reviewersRequired: number;
  reviewersMissing: number;
  reviewerRatio: number | null;
  trainingShort: number;
  issued: number;
}

interface PersonFacts {
  unit_id: number;
  personnel_kind: PersonnelKind;
  staffing_type: StaffingType;
  status: CertStatus;
  hours: number;
  issued: number;
}

export function unitSummaries(db: Db, rules: SummaryRules): UnitSummary[] {
  const units = db.prepare(`SELECT id, name, short_name, kind FROM units ORDER BY CASE kind WHEN '市直单位' THEN 0 ELSE 1 END, sort_order, id`).all() as {
    id: number;
    name: string;
    short_name: string | null;
    kind: UnitKind;
  }[];
  const byId = new Map<number, UnitSummary>(
    units.map((u) => [
      u.id,
      {
        unitId: u.id,
        name: u.name,
        shortName: u.short_name,
        kind: u.kind,
        enforcement: 0,
        supervision: 0,
        people: 0,
        categories: emptyCategoryCounts(),
        activeEnforcement: 0,
        reviewers: 0,
        reviewersRequired: 0,
        reviewersMissing: 0,
        reviewerRatio: null,
        trainingShort: 0,
        issued: 0,
      },
    ]),
  );
  const parts = rosterSqlParts(null);
  const thresholds = certStatusThresholds({ today: rules.today, warningDays: rules.warningDays });
  const facts = db
    .prepare(`SELECT p.unit_id, p.personnel_kind, p.staffing_type, ${parts.status} AS status, ${parts.training} AS hours, ${certFlowSql('issued', 'p')} AS issued ${parts.from}`)
    .iterate({ ...thresholds, trainingYear: rules.year, ...certFlowParams(rules.year) }) as IterableIterator<PersonFacts>;
  for (const f of facts) {
    const unit = byId.get(f.unit_id);
    if (!unit) continue;
    unit.people += 1;
    if (f.personnel_kind === '执法人员') unit.enforcement += 1;
    else unit.supervision += 1;
    unit.categories[certStatusCategory(f.status)] += 1;
    const person = { staffingType: f.staffing_type, status: f.status };
    if (isTrainingRequired(person) && isTrainingShort(f.hours, rules.annualTrainingHours)) unit.trainingShort += 1;
    if (f.issued === 1) unit.issued += 1;
  }
  const legalReview = rules.legalReview ?? legalReviewByUnit(db, rules.today, rules.warningDays, rules.legalReviewerMinRatio);
  for (const r of legalReview.units) {
    const unit = byId.get(r.unitId);
    if (!unit) continue;
    unit.activeEnforcement = r.enforcementCount;
    unit.reviewers = r.reviewers;
    unit.reviewersRequired = r.required;
    unit.reviewersMissing = r.missing;
    unit.reviewerRatio = r.ratio;
  }
  return [...byId.values()];
}

/** Adds summaries up (a subtotal or the total); ratios are recomputed from the sums. */
export function sumSummaries(rows: readonly UnitSummary[]): Omit<UnitSummary, 'unitId' | 'name' | 'shortName' | 'kind'> {
  const categories = emptyCategoryCounts();
  let enforcement = 0;
  let supervision = 0;
  let people = 0;
  let activeEnforcement = 0;
  let reviewers = 0;
  let reviewersRequired = 0;
  let reviewersMissing = 0;
  let trainingShort = 0;
  let issued = 0;
  for (const r of rows) {
    for (const k of Object.keys(categories) as (keyof CategoryCounts)[]) categories[k] += r.categories[k];
    enforcement += r.enforcement;
    supervision += r.supervision;
    people += r.people;
    activeEnforcement += r.activeEnforcement;
    reviewers += r.reviewers;
    reviewersRequired += r.reviewersRequired;
    reviewersMissing += r.reviewersMissing;
    trainingShort += r.trainingShort;
    issued += r.issued;
  }
  return {
    enforcement,
    supervision,
    people,
    categories,
    activeEnforcement,
    reviewers,
    reviewersRequired,
    reviewersMissing,
    reviewerRatio: activeEnforcement > 0 ? reviewers / activeEnforcement : null,
    trainingShort,
    issued,
  };
}
