import { CERT_STATUS_CATEGORIES, holdingRate, IN_FORCE_LABEL } from '../../../shared/domain/certificate-status.ts';
import { PERSONNEL_FIGURE_LABELS, type PersonnelFigures } from '../../../shared/domain/reported-figures.ts';
import type { CellMark, TableRow, TableSheetSpec } from '../export/xlsx-writer.ts';
import { sumSummaries, unitSummaries, type UnitSummary } from '../statistics/unit-summary.ts';
import { countColumn, percentColumn, textColumn } from './audit-columns.ts';
import { sheetTitle, signatureLines, type AuditContext } from './audit-context.ts';

/**
 * 汇总: one row per unit, 市直单位 then 乡镇（街道）, each group with its subtotal, then the total,
 * then the report's figures and the difference (registry − report) in red where they differ.
 */

type Totals = ReturnType<typeof sumSummaries>;

function valuesOf(t: Totals): Record<string, number | null> {
  const values: Record<string, number | null> = {
    enforcement: t.enforcement,
    supervision: t.supervision,
    people: t.people,
    inForce: t.categories.valid + t.categories.expiring,
    rate: holdingRate(t.categories),
    reviewers: t.reviewers,
    reviewerRatio: t.reviewerRatio,
    issued: t.issued,
    trainingShort: t.trainingShort,
  };
  for (const c of CERT_STATUS_CATEGORIES) values[c.key] = t.categories[c.key];
  return values;
}

/** A unit below the legal-review rule: its share in red, with what is missing as a comment. */
function reviewerMark(u: Pick<UnitSummary, 'reviewersMissing' | 'reviewersRequired'>, ctx: AuditContext): Record<string, CellMark> {
  if (u.reviewersMissing <= 0) return {};
  return { reviewerRatio: { level: 'alert', comment: `低于 ${Math.round(ctx.settings.legalReviewerMinRatio * 100)}%：应有 ${u.reviewersRequired} 人，缺 ${u.reviewersMissing} 人` } };
}

const KIND_LABEL = { 市直单位: '市直单位', 乡镇街道: '乡镇（街道）' } as const;

export function summarySheet(ctx: AuditContext): TableSheetSpec {
  const s = ctx.settings;
  const units = unitSummaries(ctx.db, {
    today: ctx.today,
    warningDays: s.expiryWarningDays,
    legalReviewerMinRatio: s.legalReviewerMinRatio,
    annualTrainingHours: s.annualTrainingHours,
    year: ctx.year,
    legalReview: ctx.legalReview(),
  });
  const total = sumSummaries(units);
  const largest = Math.max(total.people, 999);
  const rows: TableRow[] = [];
  const counted: Record<string, number> = {};
  for (const kind of ['市直单位', '乡镇街道'] as const) {
    const group = units.filter((u) => u.kind === kind);
    counted[kind] = group.length;
    for (const u of group) rows.push({ values: { unit: u.name, ...valuesOf(sumSummaries([u])) }, marks: reviewerMark(u, ctx) });
    const sub = sumSummaries(group);
    rows.push({ values: { unit: `${KIND_LABEL[kind]}小计（${group.length}个）`, ...valuesOf(sub) }, role: 'subtotal', marks: reviewerMark(sub, ctx) });
  }
  rows.push({ values: { unit: `合计（${units.length}个单位）`, ...valuesOf(total) }, role: 'total', marks: reviewerMark(total, ctx) });

  const report = ctx.reported;
  const notes: string[] = [];
  if (report) {
    const p: PersonnelFigures = report.personnel;
    const sameYear = report.year === ctx.year;
    const reportedValues: Record<string, number | null> = {
      enforcement: p.enforcement,
      supervision: p.supervision,
      reviewers: p.legalReviewers,
      // Cards issued are a figure of the report's year: compared only in that year's workbook.
      issued: sameYear ? p.issued : null,
    };
    const unitWords = [
      p.municipalUnits !== null ? `${PERSONNEL_FIGURE_LABELS.municipalUnits}${p.municipalUnits}个` : '',
      p.townships !== null ? `${PERSONNEL_FIGURE_LABELS.townships}${p.townships}个` : '',
    ].filter(Boolean);
    rows.push({ values: { unit: `${report.year}年报告数${unitWords.length ? `（${unitWords.join('、')}）` : ''}`, ...reportedValues }, role: 'reported' });
    const differences: Record<string, number | null> = {};
    for (const [key, reported] of Object.entries(reportedValues)) {
      const registry = valuesOf(total)[key];
      differences[key] = reported === null || reported === undefined || registry === null || registry === undefined ? null : registry - reported;
    }
    const unitDiffs = [
      p.municipalUnits !== null && counted['市直单位'] !== p.municipalUnits ? `市直单位${signed((counted['市直单位'] ?? 0) - p.municipalUnits)}个` : '',
      p.townships !== null && counted['乡镇街道'] !== p.townships ? `乡镇（街道）${signed((counted['乡镇街道'] ?? 0) - p.townships)}个` : '',
    ].filter(Boolean);
    rows.push({
      values: { unit: `差额（台账−报告）${unitDiffs.length ? `：${unitDiffs.join('，')}` : ''}`, ...differences },
      role: 'difference',
      ...(unitDiffs.length ? { marks: { unit: { level: 'alert' } } } : {}),
    });
    notes.push(`报告数取自《${report.source}》；差额＝台账数−报告数，不一致的以红色标出，台账数字未作调整。`);
    if (!sameYear && report.personnel.issued !== null) notes.push(`“${ctx.year}年发证”为本年度数字，与 ${report.year} 年报告的发证数不可比，未作对照。`);
  }

  const columns = [
    textColumn('unit', '单位', units.map((u) => u.name).concat(['乡镇（街道）小计（12个）']), 16, 30),
    countColumn('enforcement', '执法人员', largest),
    countColumn('supervision', '监督人员', largest),
    countColumn('people', '人员合计', largest),
    // Two-word groups break after the slash, not inside a word.
    ...CERT_STATUS_CATEGORIES.map((c) => countColumn(c.key, c.label.replace(' / ', ' /\n'), largest)),
    countColumn('inForce', IN_FORCE_LABEL, largest),
    percentColumn('rate', '持证率'),
    countColumn('reviewers', '法制审核人员', largest),
    percentColumn('reviewerRatio', '审核人员占比'),
    countColumn('issued', `${ctx.year}年发证`, largest),
    countColumn('trainingShort', `学时不足${s.annualTrainingHours}`, largest),
  ];
  return {
    name: '汇总',
    title: sheetTitle(ctx, '行政执法人员及证件情况汇总表'),
    subtitles: [
      `证件状态按各人员应持证件（执法人员：行政执法证；监督人员：行政执法监督证）统计；持证率＝持证有效（有效＋即将到期）÷人员合计；法制审核人员按在岗执法人员的 ${Math.round(s.legalReviewerMinRatio * 100)}% 核对，低于者红色标出；“${ctx.year}年发证”“学时不足”为 ${ctx.year} 年度数字。`,
    ],
    columns,
    rows,
    footerLines: signatureLines(notes),
  };
}

function signed(n: number): string {
  return n > 0 ? `多${n}` : `少${-n}`;
}
