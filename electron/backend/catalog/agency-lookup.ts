import { AppError } from '../../../shared/api/errors.ts';
import type { Db } from '../db/open-database.ts';

export interface AgencyRef {
  id: number;
  name: string;
  short_name: string | null;
  keeps_inspection_lists: number;
}

/** The unit a catalog row belongs to, refused with a clear message when it keeps no catalog. */
export function requireAgency(db: Db, unitId: number): AgencyRef {
  const unit = db.prepare(`SELECT id, name, short_name, keeps_inspection_lists FROM units WHERE id = ?`).get(unitId) as AgencyRef | undefined;
  if (!unit) throw new AppError('NOT_FOUND', '所选单位不存在，可能已被删除');
  if (unit.keeps_inspection_lists !== 1) {
    throw new AppError('RULE_VIOLATION', `“${unit.name}”未标记为编制检查事项目录和四项清单的执法主体。请先在 设置 › 单位管理 中勾选“执法主体”。`);
  }
  return unit;
}

export function displayName(unit: { name: string; short_name: string | null }): string {
  return unit.short_name ?? unit.name;
}
