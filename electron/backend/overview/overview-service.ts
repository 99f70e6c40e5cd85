import type { Overview } from '../../../shared/api/methods/overview.ts';
import { certStatusCategory, deriveCertStatus, emptyCategoryCounts } from '../../../shared/domain/certificate-status.ts';
import { derivePublicationStatus } from '../../../shared/domain/publication-status.ts';
import type { CertState } from '../../../shared/domain/certificate-vocabulary.ts';
import { STAFFING_NOT_REPORTED } from '../../../shared/domain/personnel-fields.ts';
import { registryTotals } from '../catalog/statistics-service.ts';
import { roleCertTypeSql } from '../db/current-certificate.ts';
import type { Db } from '../db/open-database.ts';

interface CurrentCertRow {
  state: CertState | null;
  expiry_date: string | null;
}

/**
 * The figures of the bureau's annual report (seed report, section 五) computed from the registry,
 * so every number on the 概览 page is traceable to rows.
 */
export function computeOverview(db: Db, today: string, warningDays: number): Overview {
  const units = db
    .prepare(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE kind = '市直单位') AS municipal,
              count(*) FILTER (WHERE kind = '乡镇街道') AS township,
              count(*) FILTER (WHERE keeps_inspection_lists = 1) AS agencies
         FROM units`,
    )
    .get() as Overview['units'];
  const personnel = db
    .prepare(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE personnel_kind = '执法人员') AS enforcement,
              count(*) FILTER (WHERE personnel_kind = '监督人员') AS supervision,
              count(*) FILTER (WHERE is_legal_reviewer = 1) AS legalReviewers
         FROM personnel`,
    )
    .get() as Overview['personnel'];

  // Each person's current card of the type their role calls for, from the cache the roster uses too
  // (migration 0003, kept equal to db/current-certificate.ts by a test).
  const current = db
    .prepare(
      `SELECT cc.state, cc.expiry_date
         FROM personnel p
         LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = ${roleCertTypeSql('p')}`,
    )
    .all() as CurrentCertRow[];
  // The status groups the dashboard and the audit workbook count in too (certificate-status.ts).
  const tally = emptyCategoryCounts();
  for (const row of current) {
    tally[certStatusCategory(deriveCertStatus(row.state ? { state: row.state, expiryDate: row.expiry_date } : null, { today, warningDays }))] += 1;
  }

  const issuedByYear = db
    .prepare(
      // People, not cards: the figure is printed as 人 and opens the roster's flow filter, which
      // lists a person handed two cards in one year (a replacement) once.
      `SELECT CAST(substr(issue_date, 1, 4) AS INTEGER) AS year, count(DISTINCT person_id) AS count
         FROM certificates WHERE issue_date IS NOT NULL GROUP BY 1 ORDER BY 1`,
    )
    .all() as { year: number; count: number }[];

  const totals = registryTotals(db);
  const inspectionItems = { total: totals.items, general: totals.general, key: totals.key };
  const lists = { no_penalty: totals.no_penalty, lighter_penalty: totals.lighter_penalty, reduced_penalty: totals.reduced_penalty, no_coercion: totals.no_coercion };
  // The latest document of each agency decides its status (shared/domain/publication-status.ts).
  const latestPublications = db
    .prepare(
      `SELECT p.publish_date AS publishDate, p.valid_to AS validTo, p.revoked
         FROM units u JOIN list_publications p ON p.id = (
           SELECT p2.id FROM list_publications p2 WHERE p2.unit_id = u.id ORDER BY p2.publish_date DESC, p2.id DESC LIMIT 1)
        WHERE u.keeps_inspection_lists = 1`,
    )
    .all() as { publishDate: string; validTo: string | null; revoked: number }[];
  const statuses = latestPublications.map((p) => derivePublicationStatus({ publishDate: p.publishDate, validTo: p.validTo, revoked: p.revoked === 1 }, today));
  const published = statuses.filter((s) => s === '已发布').length;
  const expired = statuses.filter((s) => s === '已失效').length;

  return {
    today,
    units,
    personnel,
    certificates: {
      inForce: tally.valid + tally.expiring,
      expiringSoon: tally.expiring,
      expired: tally.expired,
      suspendedOrRevoked: tally.suspendedOrRevoked,
      cancelled: tally.cancelled,
      pending: tally.pending,
      noCertificate: tally.none,
      categories: tally,
      issuedByYear,
    },
    inspectionItems,
    lists,
    // An agency without any document is 未发布 (derivePublicationStatus of nothing).
    publications: { agencies: units.agencies, published, expired, unpublished: units.agencies - published - expired },
    dataProblems: {
      staffingNotReported: db.prepare(`SELECT count(*) FROM personnel WHERE staffing_type = ?`).pluck().get(STAFFING_NOT_REPORTED) as number,
    },
  };
}
