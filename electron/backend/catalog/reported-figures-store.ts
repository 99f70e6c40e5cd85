import { AppError } from '../../../shared/api/errors.ts';
import { DEFAULT_REPORTED_FIGURES, REPORTED_FIGURES_SETTINGS_KEY, reportedFiguresSchema, type ReportedFigures } from '../../../shared/domain/reported-figures.ts';
import type { Db } from '../db/open-database.ts';

/**
 * The reported figures live in the `settings` table under their own key (readSettings ignores keys
 * it does not know). Until the clerk saves their own, the 2023 report's figures apply.
 */
export function readReportedFigures(db: Db): ReportedFigures {
  const raw = db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(REPORTED_FIGURES_SETTINGS_KEY) as string | undefined;
  if (raw === undefined) return DEFAULT_REPORTED_FIGURES;
  const parsed = reportedFiguresSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new AppError('DATABASE_ERROR', '已保存的报告数字格式不正确，无法读取。请在“统计与核对”中重新录入报告数字。');
  return { years: [...parsed.data.years].sort((a, b) => b.year - a.year) };
}

export function saveReportedFigures(db: Db, figures: ReportedFigures): ReportedFigures {
  const unitIds = new Set(db.prepare(`SELECT id FROM units WHERE keeps_inspection_lists = 1`).pluck().all() as number[]);
  for (const year of figures.years) {
    for (const row of year.perAgency) {
      if (!unitIds.has(row.unitId)) throw new AppError('INVALID_INPUT', `${year.year} 年度的分单位数字中有一个单位（编号 ${row.unitId}）不存在或不是执法主体，未保存`);
    }
    if (new Set(year.perAgency.map((r) => r.unitId)).size !== year.perAgency.length) {
      throw new AppError('INVALID_INPUT', `${year.year} 年度的分单位数字中同一单位出现了两次，未保存`);
    }
  }
  const sorted: ReportedFigures = { years: [...figures.years].sort((a, b) => b.year - a.year) };
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(REPORTED_FIGURES_SETTINGS_KEY, JSON.stringify(sorted));
  return sorted;
}
