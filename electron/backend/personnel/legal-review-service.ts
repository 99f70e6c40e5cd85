import { isActiveOfficer } from '../../../shared/domain/certificate-rules.ts';
import { certStatusThresholds, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import { legalReviewCoverage } from '../../../shared/domain/legal-review-ratio.ts';
import type { PersonnelKind, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { rosterSqlParts } from './roster-query.ts';

interface Row {
  unit_id: number;
  personnel_kind: PersonnelKind;
  staffing_type: StaffingType;
  is_legal_reviewer: number;
  name: string;
  status: CertStatus;
}

/**
 * Legal-review staff per unit against the minimum share of its enforcement personnel. Counted:
 * enforcement staff (执法人员) still in enforcement work (isActiveOfficer); reviewers among them.
 * Units without enforcement staff are listed too (they need no reviewer).
 */
export function legalReviewByUnit(db: Db, today: string, warningDays: number, minRatio: number) {
  const parts = rosterSqlParts(null);
  const thresholds = certStatusThresholds({ today, warningDays });
  // Units first, in their order (a unit without officers is listed too); then the people, read in
  // rowid order as the roster reads them (walking them unit by unit costs a random read per person).
  const units = new Map<number, { unitId: number; unitName: string; unitKind: UnitKind; enforcementCount: number; reviewers: number; reviewerNames: string[] }>();
  const unitRows = db.prepare(`SELECT id, name, kind FROM units ORDER BY CASE kind WHEN '市直单位' THEN 0 ELSE 1 END, sort_order, id`).all() as { id: number; name: string; kind: UnitKind }[];
  for (const u of unitRows) units.set(u.id, { unitId: u.id, unitName: u.name, unitKind: u.kind, enforcementCount: 0, reviewers: 0, reviewerNames: [] });
  const rows = db
    .prepare(
      `SELECT p.unit_id, p.personnel_kind, p.staffing_type, p.is_legal_reviewer, p.name, ${parts.status} AS status
         FROM personnel p
         LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = ${parts.certTypeExpr}
        ORDER BY p.id`,
    )
    .iterate({ expiredBefore: thresholds.expiredBefore, expiringUntil: thresholds.expiringUntil }) as IterableIterator<Row>;
  for (const r of rows) {
    const unit = units.get(r.unit_id);
    if (!unit || r.personnel_kind !== '执法人员') continue;
    if (!isActiveOfficer({ staffingType: r.staffing_type, status: r.status })) continue;
    unit.enforcementCount += 1;
    if (r.is_legal_reviewer === 1) {
      unit.reviewers += 1;
      unit.reviewerNames.push(r.name);
    }
  }
  return {
    minRatio,
    units: [...units.values()].map((u) => ({ ...u, ...legalReviewCoverage(u.enforcementCount, u.reviewers, minRatio) })),
  };
}

/** The per-unit legal-review figures (computed once per request and shared by the overview's and the audit's users). */
export type LegalReview = ReturnType<typeof legalReviewByUnit>;
