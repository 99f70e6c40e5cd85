import { rosterFilterSchema, type RosterFilterInput } from '../../../shared/api/methods/personnel.ts';
import type { Dashboard } from '../../../shared/api/methods/reports.ts';
import { certStatusThresholds, holdingRate, rosterStatusLink } from '../../../shared/domain/certificate-status.ts';
import { daysInMonth } from '../../../shared/domain/dates.ts';
import { defaultStaleBefore } from '../../../shared/domain/data-quality.ts';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import { agencySummaries } from '../catalog/statistics-service.ts';
import type { Db } from '../db/open-database.ts';
import { legalReviewByUnit } from '../personnel/legal-review-service.ts';
import { countRoster, rosterRulesOf, rosterSqlParts, type RosterRules } from '../personnel/roster-query.ts';
import { checkDataQuality, lastSubmissions } from '../quality/data-quality.ts';
import { unitSummaries } from '../statistics/unit-summary.ts';

/**
 * The figures behind the overview's charts. Each bar is counted the way the list it opens counts
 * (the roster's filters, the catalog's tables), so a click shows exactly the bar's number.
 */

/** The 24 months from this one: the first starts today (cards expiring earlier this month have expired). */
export function expiryMonths(today: string): { month: string; from: string; to: string }[] {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const out: { month: string; from: string; to: string }[] = [];
  for (let i = 0; i < 24; i += 1) {
    const mm = String(month).padStart(2, '0');
    const first = `${year}-${mm}-01`;
    out.push({ month: `${year}-${mm}`, from: i === 0 ? today : first, to: `${year}-${mm}-${String(daysInMonth(year, month)).padStart(2, '0')}` });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** Bands of this year's training hours, by the yearly requirement: none, then thirds, then met. */
export function trainingBands(required: number): { label: string; min: number; below: number | null }[] {
  const third = Math.round(required / 3);
  return [
    { label: '未参训', min: 0, below: 0.1 },
    { label: `不足${third}`, min: 0.1, below: third },
    { label: `${third}–${2 * third}`, min: third, below: 2 * third },
    { label: `${2 * third}–${required}`, min: 2 * third, below: required },
    { label: `达到${required}`, min: required, below: null },
  ];
}

/**
 * The 待办 panel: what the clerk follows up this week. The people's counts are the roster's own
 * count of the filter the link opens (countRoster), the agencies' are the statuses 发布情况 filters
 * by, and the stale submissions are the quality check's, so each count is its list's length.
 */
export function computeTodo(db: Db, rules: RosterRules, agencies: ReturnType<typeof agencySummaries>, staleBefore: string): Dashboard['todo'] {
  const people = (filter: RosterFilterInput) => countRoster(db, rosterFilterSchema.parse(filter), rules);
  const agencyCount = (status: string) => agencies.filter((a) => a.publication.status === status).length;
  const staleAgencies = lastSubmissions(db).filter((a) => a.last === null || a.last < staleBefore);
  return {
    items: [
      { key: 'cert_expiring', label: `证件 ${rules.warningDays} 天内到期，需换证`, count: people({ statuses: ['即将到期'] }), link: rosterStatusLink(['即将到期']) },
      { key: 'training_short', label: `本年培训不足 ${rules.trainingRequiredHours} 学时`, count: people({ trainingShort: true }), link: '/personnel?training=short' },
      { key: 'unpublished', label: '未发布“一目录四清单”的执法单位', count: agencyCount('未发布'), link: `/catalog/publications?status=${encodeURIComponent('未发布')}` },
      { key: 'publication_expired', label: '发布文件已失效的执法单位', count: agencyCount('已失效'), link: `/catalog/publications?status=${encodeURIComponent('已失效')}` },
      { key: 'submission_stale', label: `最近报送早于 ${staleBefore} 的执法单位`, count: staleAgencies.length, link: null },
    ],
    staleBefore,
    staleAgencies,
  };
}

export function computeDashboard(db: Db, today: string, settings: RegistrySettings, staleBefore: string | null): Dashboard {
  const year = Number(today.slice(0, 4));
  const thresholds = certStatusThresholds({ today, warningDays: settings.expiryWarningDays });
  const legalReview = legalReviewByUnit(db, today, settings.expiryWarningDays, settings.legalReviewerMinRatio);
  const units = unitSummaries(db, {
    today,
    warningDays: settings.expiryWarningDays,
    legalReviewerMinRatio: settings.legalReviewerMinRatio,
    annualTrainingHours: settings.annualTrainingHours,
    year,
    legalReview,
  });

  const months = expiryMonths(today);
  const parts = rosterSqlParts(null);
  const byMonth = new Map(
    (
      db
        .prepare(
          `SELECT substr(cc.expiry_date, 1, 7) AS month, count(*) AS n ${parts.from}
            WHERE cc.state = '有效' AND cc.expiry_date BETWEEN @from AND @to GROUP BY 1`,
        )
        .all({ ...thresholds, trainingYear: year, from: today, to: months[months.length - 1]?.to ?? today }) as { month: string; n: number }[]
    ).map((r) => [r.month, r.n]),
  );

  const bands = trainingBands(settings.annualTrainingHours);
  const bandCount = db.prepare(`SELECT count(*) ${parts.from} WHERE ${parts.activeOfficer(parts.status)} AND ${parts.training} >= @min AND ${parts.training} < @below`);

  const quality = checkDataQuality(db, {
    today,
    warningDays: settings.expiryWarningDays,
    legalReviewerMinRatio: settings.legalReviewerMinRatio,
    publicationWarningDays: settings.publicationWarningDays,
    staleBefore: staleBefore ?? defaultStaleBefore(today),
    fullIdNumbers: false,
    legalReview,
  });

  const agencies = agencySummaries(db, today, settings.publicationWarningDays);
  const stale = staleBefore ?? defaultStaleBefore(today);
  const todo = computeTodo(db, rosterRulesOf(today, settings), agencies, stale);
  const publicationCount = (f: (a: (typeof agencies)[number]) => boolean) => agencies.filter(f).length;

  return {
    today,
    year,
    units: units.map((u) => ({
      unitId: u.unitId,
      name: u.name,
      shortName: u.shortName,
      kind: u.kind,
      people: u.people,
      categories: u.categories,
      holdingRate: holdingRate(u.categories),
    })),
    expiries: months.map((m) => ({ ...m, count: byMonth.get(m.month) ?? 0 })),
    training: {
      year,
      requiredHours: settings.annualTrainingHours,
      bands: bands.map((b) => ({ ...b, count: bandCount.pluck().get({ ...thresholds, trainingYear: year, min: b.min, below: b.below ?? Number.MAX_SAFE_INTEGER }) as number })),
    },
    agencies: agencies.map((a) => ({ unitId: a.unitId, name: a.name, shortName: a.shortName, counts: a.counts })),
    publications: {
      published: publicationCount((a) => a.publication.status === '已发布'),
      expiringSoon: publicationCount((a) => a.publication.expiringSoon),
      expired: publicationCount((a) => a.publication.status === '已失效'),
      unpublished: publicationCount((a) => a.publication.status === '未发布'),
    },
    quality: { staleBefore: stale, checks: quality.summaries },
    todo,
  };
}
