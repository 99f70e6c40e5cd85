import { QUALITY_CHECK_INFO } from '../../../shared/domain/data-quality.ts';
import type { TableRow, TableSheetSpec } from '../export/xlsx-writer.ts';
import { checkDataQuality } from '../quality/data-quality.ts';
import { seqColumn, textColumn } from './audit-columns.ts';
import { sheetTitle, signatureLines, type AuditContext } from './audit-context.ts';

/** 数据问题: every finding of the data-quality checks, with where in the program to fix it. */
export function qualitySheet(ctx: AuditContext): TableSheetSpec {
  const s = ctx.settings;
  const report = checkDataQuality(ctx.db, {
    today: ctx.today,
    warningDays: s.expiryWarningDays,
    legalReviewerMinRatio: s.legalReviewerMinRatio,
    publicationWarningDays: s.publicationWarningDays,
    staleBefore: ctx.staleBefore,
    fullIdNumbers: ctx.fullIdNumbers,
    legalReview: ctx.legalReview(),
  });
  const found = report.summaries.filter((x) => x.count > 0);
  const rows: TableRow[] = report.findings.map((f, i) => ({
    values: { seq: i + 1, check: QUALITY_CHECK_INFO[f.check].label, unit: f.unit, subject: f.subject, detail: f.detail, fix: QUALITY_CHECK_INFO[f.check].fix },
  }));
  return {
    name: '数据问题',
    title: sheetTitle(ctx, '台账数据问题清单'),
    subtitles: [found.length === 0 ? '未发现数据问题。' : `共 ${report.findings.length} 项：${found.map((x) => `${x.label} ${x.count} 项`).join('，')}。`],
    columns: [
      seqColumn(rows.length),
      textColumn(
        'check',
        '问题类别',
        report.summaries.map((x) => x.label),
        12,
        20,
      ),
      textColumn(
        'unit',
        '单位',
        report.findings.map((f) => f.unit ?? ''),
        12,
        24,
      ),
      textColumn(
        'subject',
        '人员 / 事项',
        report.findings.map((f) => f.subject ?? ''),
        10,
        30,
      ),
      textColumn(
        'detail',
        '说明',
        report.findings.map((f) => f.detail),
        20,
        40,
      ),
      textColumn(
        'fix',
        '在哪里修改',
        Object.values(QUALITY_CHECK_INFO).map((x) => x.fix),
        24,
        40,
      ),
    ],
    rows,
    footerLines: signatureLines(),
  };
}
