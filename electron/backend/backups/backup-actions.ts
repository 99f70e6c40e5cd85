import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import { recordAccess } from '../access/access-log.ts';
import type { BackendContext } from '../context.ts';
import { backupFileName } from './backup-names.ts';
import { createBackup, writeVerifiedCopy } from './backup-service.ts';

/** A damaged database is never copied into the backups: it would push good backups out of the retention. */
export function requireSoundDatabase(ctx: BackendContext, what: string): void {
  if (!ctx.database.writable) {
    throw new AppError('DATABASE_ERROR', `数据库已损坏（只读状态），不能${what}。请先从备份恢复（设置 › 备份与恢复）。`);
  }
}

/** Before every import commit: a verified copy of the registry as it was. If it cannot be made, nothing is imported. */
export async function backupBeforeImport(ctx: BackendContext): Promise<void> {
  requireSoundDatabase(ctx, '导入');
  try {
    await createBackup(ctx.db, ctx.paths.backupDir, 'before-import');
  } catch (err) {
    const reason = err instanceof AppError ? err.message : '备份失败，详细信息已写入日志文件。';
    if (!(err instanceof AppError)) ctx.log.write('error', 'backup before import failed', err);
    throw new AppError('DATABASE_ERROR', `导入前无法备份数据库，因此没有导入：${reason}`);
  }
}

/**
 * A copy of the whole registry leaving the program (a USB stick, a download, the command line):
 * written as a verified backup to `file`, and recorded in the access log.
 */
export async function copyDatabaseTo(ctx: BackendContext, file: string, how: string): Promise<{ path: string; size: number }> {
  requireSoundDatabase(ctx, '备份');
  recordAccess(ctx, { kind: 'backup_copy', summary: `${how}：${path.basename(file)}` });
  const { size } = await writeVerifiedCopy(ctx.db, file);
  return { path: file, size };
}

/** 备份到其他位置 in the desktop program: a named backup in the folder the clerk chose. */
export async function backupToFolder(ctx: BackendContext, folder: string): Promise<{ path: string; size: number }> {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new AppError('NOT_FOUND', `文件夹不存在：${folder}`);
  return copyDatabaseTo(ctx, path.join(folder, backupFileName('manual', new Date())), '备份到其他位置');
}

/** 下载备份 in the browser: a verified copy staged for one download, deleted once handed over. */
export async function stageBackupDownload(ctx: BackendContext): Promise<{ fileId: string; name: string; size: number }> {
  const name = backupFileName('manual', new Date());
  const temp = path.join(ctx.paths.stagingDir, `.download-${crypto.randomBytes(8).toString('hex')}.sqlite3`);
  try {
    await copyDatabaseTo(ctx, temp, '下载备份');
    const info = ctx.files.putExport(name, fs.readFileSync(temp));
    return { fileId: info.fileId, name: info.name, size: info.size };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
