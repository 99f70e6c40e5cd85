import { isActiveOfficer } from '../../../shared/domain/certificate-rules.ts';
import { certStatusThresholds, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import { legalReviewCoverage } from '../../../shared/domain/legal-review-ratio.ts';
import type { PersonnelKind, StaffingType } from '../../../shared/domain/personnel-fields.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { rosterSqlParts } from './roster-query.ts';

interface Row {
  unit_id: number;
  unit_name: string;
  unit_kind: UnitKind;
  personnel_kind: PersonnelKind | null;
  staffing_type: StaffingType | null;
  is_legal_reviewer: number | null;
  name: string | null;
  status: CertStatus | null;
}

/**
 * Legal-review staff per unit against the minimum share of its enforcement personnel. Counted:
 * enforcement staff (执法人员) still in enforcement work (isActiveOfficer); reviewers among them.
 * Units without enforcement staff are listed too (they need no reviewer).
 */
export function legalReviewByUnit(db: Db, today: string, warningDays: number, minRatio: number) {
  const parts = rosterSqlParts(null);
  const thresholds = certStatusThresholds({ today, warningDays });
  const rows = db
    .prepare(
      `SELECT u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, p.personnel_kind, p.staffing_type, p.is_legal_reviewer, p.name,
              CASE WHEN p.id IS NULL THEN NULL ELSE ${parts.status} END AS status
         FROM units u
         LEFT JOIN personnel p ON p.unit_id = u.id
         LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = ${parts.certTypeExpr}
        ORDER BY CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END, u.sort_order, u.id, p.id`,
    )
    .all({ expiredBefore: thresholds.expiredBefore, expiringUntil: thresholds.expiringUntil }) as Row[];
  const units = new Map<number, { unitId: number; unitName: string; unitKind: UnitKind; enforcementCount: number; reviewers: number; reviewerNames: string[] }>();
  for (const r of rows) {
    const unit = units.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name, unitKind: r.unit_kind, enforcementCount: 0, reviewers: 0, reviewerNames: [] };
    units.set(r.unit_id, unit);
    if (r.personnel_kind !== '执法人员' || r.staffing_type === null || r.status === null) continue;
    if (!isActiveOfficer({ staffingType: r.staffing_type, status: r.status })) continue;
    unit.enforcementCount += 1;
    if (r.is_legal_reviewer === 1) {
      unit.reviewers += 1;
      if (r.name) unit.reviewerNames.push(r.name);
    }
  }
  return {
    minRatio,
    units: [...units.values()].map((u) => ({ ...u, ...legalReviewCoverage(u.enforcementCount, u.reviewers, minRatio) })),
  };
}
