import { STAFFING_WITHOUT_CERTIFICATE } from '../../../shared/domain/certificate-rules.ts';
import { certStatusThresholds, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import type { CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { OPEN_CARD_STATUSES, QUALITY_CHECK_INFO, QUALITY_CHECKS, STAFFING_WITH_CERTIFICATE, UNCONFIRMED_STAFFING_TYPE, type QualityCheck } from '../../../shared/domain/data-quality.ts';
import { checkIdNumber, idSexMismatch, maskIdNumber } from '../../../shared/domain/id-number.ts';
import type { Sex } from '../../../shared/domain/personnel-fields.ts';
import { listDuplicateFlags } from '../catalog/duplicates-service.ts';
import { agencySummaries } from '../catalog/statistics-service.ts';
import type { Db } from '../db/open-database.ts';
import { legalReviewByUnit, type LegalReview } from '../personnel/legal-review-service.ts';
import { rosterSqlParts } from '../personnel/roster-query.ts';

/**
 * The data-quality checks (shared/domain/data-quality.ts says what each means and where it is
 * fixed): one pass over the people, plus the units, the agencies' submissions, publications and
 * the duplicate flags. The overview shows the counts with a link to each list; the audit workbook's
 * 数据问题 sheet lists every finding.
 */

export interface QualityRules {
  today: string;
  warningDays: number;
  legalReviewerMinRatio: number;
  publicationWarningDays: number;
  /** Agencies whose last accepted submission is older than this day (or who never sent one). */
  staleBefore: string;
  /** Full ID numbers in the findings (the audit with full IDs ticked); masked otherwise. */
  fullIdNumbers: boolean;
  /** Legal-review figures already read in this request (else read here). */
  legalReview?: LegalReview;
}

export interface QualityFinding {
  check: QualityCheck;
  unit: string | null;
  /** The person or record concerned, e.g. 张伟（430981********1234）. */
  subject: string | null;
  detail: string;
  /** Where the clerk fixes this one (a hash route): the person's page, the unit's catalog … */
  link: string | null;
}

export interface QualitySummary {
  check: QualityCheck;
  label: string;
  fix: string;
  count: number;
  /** The list behind the count. */
  link: string | null;
}

export interface QualityReport {
  summaries: QualitySummary[];
  findings: QualityFinding[];
}

interface PersonRow {
  id: number;
  name: string;
  unit: string;
  id_number: string;
  sex: Sex;
  staffing_type: string;
  cert_type: CertType;
  expiry_date: string | null;
  status: CertStatus;
}

const WITH_CARD = new Set<string>(STAFFING_WITH_CERTIFICATE);
const WITHOUT_CARD = new Set<string>(STAFFING_WITHOUT_CERTIFICATE);
const OPEN = new Set<string>(OPEN_CARD_STATUSES);

const SQL_LIST = (values: Iterable<string>) => [...values].map((v) => `'${v}'`).join(', ');

/**
 * The people's findings. The status and staffing checks are SQL conditions, so only the people
 * concerned are read; the ID numbers are checked for everyone, reading three columns as arrays.
 */
function personFindings(db: Db, rules: QualityRules, add: (f: QualityFinding) => void): void {
  const parts = rosterSqlParts(null);
  const params = { ...certStatusThresholds({ today: rules.today, warningDays: rules.warningDays }), trainingYear: Number(rules.today.slice(0, 4)) };
  const personSql = `SELECT p.id, p.name, u.name AS unit, p.id_number, p.sex, p.staffing_type, ${parts.certTypeExpr} AS cert_type, cc.expiry_date, ${parts.status} AS status
         ${parts.from}`;
  const finding = (p: PersonRow) => {
    const who = `${p.name}（${rules.fullIdNumbers ? p.id_number : maskIdNumber(p.id_number)}）`;
    return (check: QualityCheck, detail: string) => add({ check, unit: p.unit, subject: who, detail, link: `/personnel/${p.id}` });
  };
  const concerned = db
    .prepare(
      `${personSql}
        WHERE (${parts.status} = '无证' AND p.staffing_type IN (${SQL_LIST(WITH_CARD)}))
           OR p.staffing_type = '${UNCONFIRMED_STAFFING_TYPE}'
           OR (p.staffing_type IN (${SQL_LIST(WITHOUT_CARD)}) AND ${parts.status} IN (${SQL_LIST(OPEN)}))
           OR ${parts.status} = '已过期'`,
    )
    .all(params) as PersonRow[];
  for (const p of concerned) {
    const person = finding(p);
    if (p.status === '无证' && WITH_CARD.has(p.staffing_type)) person('no_certificate', `${p.staffing_type}，没有${p.cert_type}`);
    if (p.staffing_type === UNCONFIRMED_STAFFING_TYPE) person('staffing_unconfirmed', '编制类型未填写，无法判断能否持证、是否计入学时和法制审核比例');
    if (WITHOUT_CARD.has(p.staffing_type) && OPEN.has(p.status)) person('may_not_hold', `编制类型为“${p.staffing_type}”，却有${p.cert_type}（${p.status}）；该类人员不得持有行政执法证件`);
    if (p.status === '已过期') person('expired', `${p.cert_type}已于 ${p.expiry_date ?? ''} 到期`);
  }
  const wrong: { id: number; detail: string; check: QualityCheck }[] = [];
  for (const [id, idNumber, sex] of db.prepare(`SELECT id, id_number, sex FROM personnel`).raw().iterate() as IterableIterator<[number, string, Sex]>) {
    const checked = checkIdNumber(idNumber, rules.today);
    if (!checked.ok) wrong.push({ id, check: 'id_invalid', detail: checked.message });
    else {
      const fromId = idSexMismatch(idNumber, sex);
      if (fromId) wrong.push({ id, check: 'sex_mismatch', detail: `登记为${sex}，身份证号显示为${fromId}` });
    }
  }
  if (wrong.length === 0) return;
  const byId = new Map(
    (db.prepare(`${personSql} WHERE p.id IN (SELECT value FROM json_each(@ids))`).all({ ...params, ids: JSON.stringify(wrong.map((w) => w.id)) }) as PersonRow[]).map((p) => [p.id, p]),
  );
  for (const w of wrong) {
    const p = byId.get(w.id);
    if (p) finding(p)(w.check, w.detail);
  }
}

function legalReviewFindings(db: Db, rules: QualityRules, add: (f: QualityFinding) => void): void {
  const legalReview = rules.legalReview ?? legalReviewByUnit(db, rules.today, rules.warningDays, rules.legalReviewerMinRatio);
  for (const u of legalReview.units) {
    if (u.meetsRule) continue;
    add({
      check: 'legal_review_short',
      unit: u.unitName,
      subject: null,
      detail: `在岗执法人员 ${u.enforcementCount} 人，法制审核人员 ${u.reviewers} 人，按 ${Math.round(rules.legalReviewerMinRatio * 100)}% 应有 ${u.required} 人，缺 ${u.missing} 人`,
      link: '/personnel/legal-review',
    });
  }
}

/** The day of each agency's last import that was not undone (null: never). */
export function lastSubmissions(db: Db): { unitId: number; name: string; last: string | null }[] {
  return db
    .prepare(
      `SELECT u.id AS unitId, u.name,
              (SELECT max(substr(b.committed_at, 1, 10)) FROM import_batches b JOIN operations o ON o.id = b.operation_id
                WHERE b.unit_id = u.id AND o.undone_by IS NULL) AS last
         FROM units u WHERE u.keeps_inspection_lists = 1
        ORDER BY u.sort_order, u.id`,
    )
    .all() as { unitId: number; name: string; last: string | null }[];
}

function catalogFindings(db: Db, rules: QualityRules, add: (f: QualityFinding) => void): void {
  for (const a of lastSubmissions(db)) {
    if (a.last !== null && a.last >= rules.staleBefore) continue;
    add({
      check: 'submission_stale',
      unit: a.name,
      subject: null,
      detail: a.last === null ? '从未通过“导入”报送' : `最近一次报送（导入）在 ${a.last}，早于 ${rules.staleBefore}`,
      link: '/import',
    });
  }
  for (const a of agencySummaries(db, rules.today, rules.publicationWarningDays)) {
    if (a.counts.items === 0) add({ check: 'agency_without_catalog', unit: a.name, subject: null, detail: '检查事项目录中没有事项', link: `/catalog?unit=${a.unitId}` });
    if (a.publication.status !== '已发布') {
      const latest = a.publication.latest;
      add({
        check: 'unpublished',
        unit: a.name,
        subject: null,
        detail: a.publication.status === '未发布' ? '尚未登记发布文件' : `发布文件${latest ? `（${latest.docNumber}）` : ''}已失效`,
        link: '/catalog/publications',
      });
    }
  }
  for (const flag of listDuplicateFlags(db)) {
    if (flag.review !== null) continue;
    const first = flag.entries[0];
    add({
      check: 'duplicates',
      unit: [...new Set(flag.entries.map((e) => e.unitName))].join('、'),
      subject: first?.violation ?? null,
      detail: flag.reason,
      link: '/catalog/duplicates',
    });
  }
}

export function checkDataQuality(db: Db, rules: QualityRules): QualityReport {
  const findings: QualityFinding[] = [];
  const add = (f: QualityFinding) => findings.push(f);
  personFindings(db, rules, add);
  legalReviewFindings(db, rules, add);
  catalogFindings(db, rules, add);
  // By check, then in the units' order (the people were read in storage order: a sort of the few
  // findings is cheaper than one of 100,000 people).
  const order = new Map(QUALITY_CHECKS.map((c, i) => [c, i]));
  const unitRank = new Map((db.prepare(`SELECT name FROM units ORDER BY CASE kind WHEN '市直单位' THEN 0 ELSE 1 END, sort_order, id`).pluck().all() as string[]).map((name, i) => [name, i]));
  findings.sort((a, b) => (order.get(a.check) ?? 0) - (order.get(b.check) ?? 0) || (unitRank.get(a.unit ?? '') ?? 0) - (unitRank.get(b.unit ?? '') ?? 0));
  const summaries = QUALITY_CHECKS.map((check) => ({
    check,
    label: QUALITY_CHECK_INFO[check].label,
    fix: QUALITY_CHECK_INFO[check].fix,
    count: findings.filter((f) => f.check === check).length,
    link: QUALITY_CHECK_INFO[check].link,
  }));
  return { summaries, findings };
}
