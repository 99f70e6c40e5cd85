import { formatChineseDate } from '../../../shared/domain/dates.ts';
import type { ReportedFigures, ReportedYear } from '../../../shared/domain/reported-figures.ts';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import { signatureLine } from '../export/xlsx-style.ts';
import type { Db } from '../db/open-database.ts';
import { legalReviewByUnit, type LegalReview } from '../personnel/legal-review-service.ts';

/** What every sheet of the audit workbook is written from. */
export interface AuditContext {
  /** A read snapshot of the registry (db/read-snapshot.ts). */
  db: Db;
  today: string;
  /** The year of the flow figures: training hours, cards issued, cancellations listed. */
  year: number;
  settings: RegistrySettings;
  fullIdNumbers: boolean;
  /** The report the totals are set beside (null: none entered). */
  reported: ReportedYear | null;
  /** Agencies whose last submission is older than this day are listed under 数据问题. */
  staleBefore: string;
  /** The legal-review figures, read once for 汇总 and 数据问题. */
  legalReview: () => LegalReview;
}

/** Reads the legal-review figures on first use and keeps them for the rest of the workbook. */
export function legalReviewOnce(db: Db, today: string, settings: RegistrySettings): () => LegalReview {
  let value: LegalReview | null = null;
  return () => (value ??= legalReviewByUnit(db, today, settings.expiryWarningDays, settings.legalReviewerMinRatio));
}

/**
 * The report to compare with: the one of the chosen year, else the latest before it, else the
 * latest there is (the 2023 report until the clerk enters another).
 */
export function reportFor(figures: ReportedFigures, year: number): ReportedYear | null {
  const years = [...figures.years].sort((a, b) => b.year - a.year);
  return years.find((y) => y.year === year) ?? years.find((y) => y.year < year) ?? years[0] ?? null;
}

/** One merged title row: the bureau, the sheet's title and the day the figures stand at. */
export function sheetTitle(ctx: AuditContext, title: string): string {
  return `${ctx.settings.bureauName}${title}（截至${formatChineseDate(ctx.today)}）`;
}

/** The signature block after the last row. */
export function signatureLines(notes: readonly string[] = []): string[] {
  return [...notes, signatureLine(['制表人', '审核人', '日期'])];
}

export const ID_NOTE_MASKED = '身份证号已隐去第 7 至 14 位；需要完整号码时，导出时勾选“完整身份证号”（将记入操作记录）。';
export const ID_NOTE_FULL = '本表含完整身份证号，请妥善保管，不得外传。';
