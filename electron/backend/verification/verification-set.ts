import { AppError } from '../../../shared/api/errors.ts';
import { withReadSnapshot } from '../db/read-snapshot.ts';
import { verificationWorkbook, type VerificationCounts } from './verification-workbook.ts';

/**
 * Every agency's verification workbook in one go, from one snapshot of the registry: one file per
 * agency, handed to `save` as it is written (the staging area for the window, a folder for the
 * command line), with progress and cancel between agencies.
 */

export interface VerificationFile extends VerificationCounts {
  unitId: number;
  unitName: string;
  name: string;
}

export interface VerificationOptions {
  databasePath: string;
  today: string;
  signal?: AbortSignal;
  progress?: (fraction: number, message: string) => void;
  save: (name: string, bytes: Buffer) => Promise<void> | void;
}

/** A file name from a unit name: characters Windows forbids in names are replaced. */
export function verificationFileName(unitName: string, today: string): string {
  return `${unitName.replace(/[\\/:*?"<>|]/g, '_')}_核对表_${today}.xlsx`;
}

export async function writeVerificationSet(options: VerificationOptions): Promise<VerificationFile[]> {
  return withReadSnapshot(options.databasePath, async (db) => {
    const agencies = db.prepare(`SELECT id, name FROM units WHERE keeps_inspection_lists = 1 ORDER BY sort_order, id`).all() as { id: number; name: string }[];
    if (agencies.length === 0) throw new AppError('RULE_VIOLATION', '单位管理中还没有标记为“执法主体”的单位，无法生成核对表。');
    const out: VerificationFile[] = [];
    for (const [i, agency] of agencies.entries()) {
      if (options.signal?.aborted) throw new AppError('CANCELLED', '已取消');
      options.progress?.(i / agencies.length, `正在生成核对表（${i + 1} / ${agencies.length}）：${agency.name}`);
      const { bytes, counts } = await verificationWorkbook(db, agency, options.today);
      const name = verificationFileName(agency.name, options.today);
      await options.save(name, bytes);
      out.push({ unitId: agency.id, unitName: agency.name, name, ...counts });
    }
    options.progress?.(1, `已生成 ${agencies.length} 个单位的核对表`);
    return out;
  });
}
