import { composeAnnualReport, reportText, type ReportFigure, type ReportParagraph } from '../../../shared/domain/annual-report.ts';
import { CERT_FLOWS } from '../../../shared/domain/certificate-flows.ts';
import { certStatusThresholds } from '../../../shared/domain/certificate-status.ts';
import { trainingYearRange } from '../../../shared/domain/training-hours.ts';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import { agencySummaries } from '../catalog/statistics-service.ts';
import type { Db } from '../db/open-database.ts';
import { computeOverview } from '../overview/overview-service.ts';
import { certFlowParams, certFlowSql } from '../personnel/cert-flow-sql.ts';
import { rosterSqlParts } from '../personnel/roster-query.ts';

/**
 * The annual report's figures, each counted the way the list behind it counts: the stock from the
 * overview's own figures (computeOverview), the year's flows by the roster's flow filter
 * (cert-flow-sql.ts), training by the roster's training rule.
 */

export interface AnnualReport {
  year: number;
  asOf: string;
  paragraphs: ReportParagraph[];
  text: string;
  figures: Record<ReportFigure, number>;
}

function trainingFigures(db: Db, year: number, today: string, settings: RegistrySettings): { trainingHours: number; trainingRequired: number; trainingMet: number } {
  const range = trainingYearRange(year);
  const hours = db.prepare(`SELECT coalesce(sum(hours), 0) FROM training_records WHERE training_date BETWEEN ? AND ?`).pluck().get(range.from, range.to) as number;
  const parts = rosterSqlParts(null);
  const counted = db
    .prepare(
      `SELECT count(*) AS required, count(*) FILTER (WHERE ${parts.training} >= @trainingRequired) AS met
         ${parts.from} WHERE ${parts.activeOfficer(parts.status)}`,
    )
    .get({ ...certStatusThresholds({ today, warningDays: settings.expiryWarningDays }), trainingYear: year, trainingRequired: settings.annualTrainingHours }) as { required: number; met: number };
  return { trainingHours: Math.round(hours * 10) / 10, trainingRequired: counted.required, trainingMet: counted.met };
}

export function annualReport(db: Db, year: number, today: string, settings: RegistrySettings): AnnualReport {
  const overview = computeOverview(db, today, settings.expiryWarningDays);
  const agencies = agencySummaries(db, today, settings.publicationWarningDays);
  const published = agencies.filter((a) => a.publication.status === '已发布');
  const flows = Object.fromEntries(
    CERT_FLOWS.map((flow) => [
      flow,
      db
        .prepare(`SELECT count(*) FROM personnel p WHERE ${certFlowSql(flow, 'p')}`)
        .pluck()
        .get(certFlowParams(year)) as number,
    ]),
  ) as Record<(typeof CERT_FLOWS)[number], number>;
  const figures: Record<ReportFigure, number> = {
    municipalUnits: overview.units.municipal,
    townships: overview.units.township,
    enforcement: overview.personnel.enforcement,
    supervision: overview.personnel.supervision,
    issued: flows.issued,
    renewed: flows.renewed,
    cancelled: flows.cancelled,
    inForce: overview.certificates.inForce,
    agencies: overview.units.agencies,
    items: overview.inspectionItems.total,
    general: overview.inspectionItems.general,
    key: overview.inspectionItems.key,
    ...overview.lists,
    published: published.length,
    ...trainingFigures(db, year, today, settings),
    legalReviewers: overview.personnel.legalReviewers,
  };
  const paragraphs = composeAnnualReport({
    year,
    asOf: today,
    figures,
    publishedNames: published.map((a) => a.shortName ?? a.name),
    requiredHours: settings.annualTrainingHours,
  });
  return { year, asOf: today, paragraphs, text: reportText(paragraphs), figures };
}
