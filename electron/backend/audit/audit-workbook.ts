import { AppError } from '../../../shared/api/errors.ts';
import { defaultStaleBefore } from '../../../shared/domain/data-quality.ts';
import type { RegistrySettings } from '../../../shared/domain/settings.ts';
import { readReportedFigures } from '../catalog/reported-figures-store.ts';
import { withReadSnapshot } from '../db/read-snapshot.ts';
import type { TableSheetSpec } from '../export/xlsx-writer.ts';
import { XlsxWorkbook } from '../export/xlsx-writer.ts';
import { legalReviewOnce, reportFor, type AuditContext } from './audit-context.ts';
import { itemsSheet, listsSheet, publicationsSheet } from './catalog-sheets.ts';
import { cancellationSheet, countPeople, peopleSheet, renewalSheet } from './people-sheets.ts';
import { qualitySheet } from './quality-sheet.ts';
import { summarySheet } from './summary-sheet.ts';

/**
 * The audit workbook (审核表): what the clerk hands upward, print-ready. Eight sheets, written one
 * after another by the streaming writer from one read snapshot of the registry, so 100,000 people
 * take the memory of a few hundred rows and a change made meanwhile never lands half in the file.
 */

export const AUDIT_SHEETS = ['汇总', '人员明细', '换证名册', '注销公示', '检查事项统计', '四项清单统计', '发布情况', '数据问题'] as const;

export interface AuditOptions {
  databasePath: string;
  today: string;
  year: number;
  settings: RegistrySettings;
  fullIdNumbers: boolean;
  staleBefore?: string;
  /** Write to this file (the caller renames it into place); else return the bytes. */
  file?: string;
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => void;
}

export interface AuditResult {
  bytes: Buffer;
  people: number;
}

/** Each sheet's spec is built only when its turn comes: a sheet's rows are read while it is written. */
const BUILDERS: readonly ((ctx: AuditContext) => TableSheetSpec)[] = [summarySheet, peopleSheet, renewalSheet, cancellationSheet, itemsSheet, listsSheet, publicationsSheet, qualitySheet];

export async function writeAuditWorkbook(options: AuditOptions): Promise<AuditResult> {
  return withReadSnapshot(options.databasePath, async (db) => {
    const ctx: AuditContext = {
      db,
      today: options.today,
      year: options.year,
      settings: options.settings,
      fullIdNumbers: options.fullIdNumbers,
      reported: reportFor(readReportedFigures(db), options.year),
      staleBefore: options.staleBefore ?? defaultStaleBefore(options.today),
      legalReview: legalReviewOnce(db, options.today, options.settings),
    };
    const people = countPeople(db);
    const book = new XlsxWorkbook(options.file ? { file: options.file } : {});
    // 人员明细 is most of the work: it takes the progress bar from 10 % to 80 %.
    const share = (index: number) => (index < 1 ? 0 : index === 1 ? 0.1 : 0.8 + (index - 2) * 0.03);
    for (const [index, build] of BUILDERS.entries()) {
      if (options.signal?.aborted) throw new AppError('CANCELLED', '已取消');
      const name = AUDIT_SHEETS[index] ?? '';
      options.progress?.(share(index), `正在写入“${name}”`);
      await book.addTableSheet(build(ctx), {
        ...(options.signal ? { signal: options.signal } : {}),
        onRows: (written) => {
          if (index === 1 && people > 0) options.progress?.(0.1 + 0.7 * Math.min(1, written / people), `正在写入“人员明细”（${written} / ${people} 人）`);
        },
      });
    }
    options.progress?.(0.98, '正在完成文件');
    const bytes = await book.finish();
    return { bytes, people };
  });
}
