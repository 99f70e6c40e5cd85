import type { Overview } from '../../../shared/api/methods/overview.ts';
import { deriveCertStatus, isCertInForce, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import { derivePublicationStatus } from '../../../shared/domain/publication-status.ts';
import type { CertState } from '../../../shared/domain/certificate-vocabulary.ts';
import { currentCertificateIdSql, roleCertTypeSql } from '../db/current-certificate.ts';
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

  // Each person's current card of the type their role calls for (a replaced card is history).
  const current = db
    .prepare(
      `SELECT c.state, c.expiry_date
         FROM personnel p
         LEFT JOIN certificates c ON c.id = ${currentCertificateIdSql('p', roleCertTypeSql('p'))}`,
    )
    .all() as CurrentCertRow[];
  const tally = new Map<CertStatus, number>();
  for (const row of current) {
    const status = deriveCertStatus(row.state ? { state: row.state, expiryDate: row.expiry_date } : null, { today, warningDays });
    tally.set(status, (tally.get(status) ?? 0) + 1);
  }
  const n = (s: CertStatus) => tally.get(s) ?? 0;
  const inForce = [...tally.entries()].filter(([s]) => isCertInForce(s)).reduce((a, [, c]) => a + c, 0);

  const issuedByYear = db
    .prepare(
      `SELECT CAST(substr(issue_date, 1, 4) AS INTEGER) AS year, count(*) AS count
         FROM certificates WHERE issue_date IS NOT NULL GROUP BY 1 ORDER BY 1`,
    )
    .all() as { year: number; count: number }[];

  const inspectionItems = db
    .prepare(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE category = '一般检查事项') AS general,
              count(*) FILTER (WHERE category = '重点检查事项') AS key
         FROM inspection_items`,
    )
    .get() as Overview['inspectionItems'];
  const lists = db
    .prepare(
      `SELECT count(*) FILTER (WHERE list_kind = 'no_penalty') AS no_penalty,
              count(*) FILTER (WHERE list_kind = 'lighter_penalty') AS lighter_penalty,
              count(*) FILTER (WHERE list_kind = 'reduced_penalty') AS reduced_penalty,
              count(*) FILTER (WHERE list_kind = 'no_coercion') AS no_coercion
         FROM penalty_list_items`,
    )
    .get() as Overview['lists'];
  // The latest document of each agency decides its status (shared/domain/publication-status.ts).
  const latestPublications = db
    .prepare(
      `SELECT p.publish_date AS publishDate, p.valid_to AS validTo, p.revoked
         FROM units u JOIN list_publications p ON p.id = (
           SELECT p2.id FROM list_publications p2 WHERE p2.unit_id = u.id ORDER BY p2.publish_date DESC, p2.id DESC LIMIT 1)
        WHERE u.keeps_inspection_lists = 1`,
    )
    .all() as { publishDate: string; validTo: string | null; revoked: number }[];
  const published = latestPublications.filter(
    (p) => derivePublicationStatus({ publishDate: p.publishDate, validTo: p.validTo, revoked: p.revoked === 1 }, today) === '已发布',
  ).length;

  return {
    today,
    units,
    personnel,
    certificates: {
      inForce,
      expiringSoon: n('即将到期'),
      expired: n('已过期'),
      suspendedOrRevoked: n('暂扣') + n('吊销'),
      cancelled: n('已注销'),
      pending: n('待考试') + n('待发证'),
      noCertificate: n('无证'),
      issuedByYear,
    },
    inspectionItems,
    lists,
    publications: { agencies: units.agencies, published },
  };
}
