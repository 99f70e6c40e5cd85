import path from 'node:path';
import { AppError } from '../../../shared/api/errors.ts';
import type { databaseMethods } from '../../../shared/api/methods/database.ts';
import { recordAccess } from '../access/access-log.ts';
import type { BackendContext } from '../context.ts';
import { checkReport, runCheck } from '../db/integrity.ts';
import type { Handlers } from '../handler-types.ts';
import { requireSoundDatabase, stageBackupDownload } from './backup-actions.ts';
import { createBackup, listBackups, newestGoodBackup } from './backup-service.ts';
import { restoreDatabase } from './restore-service.ts';

/** PRAGMA integrity_check on the open database (on demand); SQLite's findings go to the log. */
export function checkOpenDatabase(ctx: BackendContext): { ok: boolean; message: string; checkedAt: string } {
  const checkedAt = new Date().toISOString();
  const health = ctx.database.health;
  if (health.state !== 'ok') return { ok: false, message: health.message ?? '数据库已损坏', checkedAt };
  const findings = runCheck(ctx.db, 'full');
  const foreignKeys = (ctx.db.pragma('foreign_key_check') as unknown[]).length;
  const report = checkReport(findings, foreignKeys);
  ctx.log.write(report.ok ? 'info' : 'error', `integrity_check: ${report.ok ? 'ok' : `${findings.slice(0, 20).join(' | ')}; foreign key problems: ${foreignKeys}`}`);
  return { ...report, checkedAt };
}

function sourceFor(ctx: BackendContext, input: { name: string } | { fileId: string }): { file: string; label: string; fileId: string | null } {
  if ('name' in input) {
    const entry = listBackups(ctx.paths.backupDir).find((b) => b.name === input.name);
    if (!entry) throw new AppError('NOT_FOUND', `备份“${input.name}”不存在，可能已被删除。`);
    return { file: path.join(ctx.paths.backupDir, entry.name), label: entry.name, fileId: null };
  }
  const info = ctx.files.info(input.fileId);
  return { file: info.path, label: info.name, fileId: input.fileId };
}

export const databaseHandlers = {
  'database.status': (_input, ctx) => {
    const { health, writable, latestVersion } = ctx.database;
    return {
      state: health.state,
      readOnly: !writable,
      message: health.message,
      dataDir: ctx.paths.dataDir,
      databasePath: ctx.paths.databasePath,
      newestGoodBackup: writable ? null : newestGoodBackup(ctx.paths.backupDir, latestVersion),
    };
  },
  'database.check': (_input, ctx) => checkOpenDatabase(ctx),
  'backups.list': (_input, ctx) => ({ folder: ctx.paths.backupDir, backups: listBackups(ctx.paths.backupDir) }),
  'backups.create': async (_input, ctx) => {
    requireSoundDatabase(ctx, '备份');
    const { path: _path, ...entry } = await createBackup(ctx.db, ctx.paths.backupDir, 'manual');
    return entry;
  },
  'backups.download': (_input, ctx) => stageBackupDownload(ctx),
  'backups.restore': async (input, ctx) => {
    const source = sourceFor(ctx, input);
    const outcome = await restoreDatabase(ctx.database, source.file, source.label);
    if (source.fileId) ctx.files.remove(source.fileId);
    const parts = [`已从“${source.label}”恢复。`];
    if (outcome.safetyBackup) parts.push(`恢复前的数据已备份为“${outcome.safetyBackup}”，如有需要可以再恢复回去。`);
    if (outcome.damagedCopy) parts.push(`已损坏的数据库文件已移到“${path.basename(outcome.damagedCopy)}”，没有删除。`);
    if (outcome.restoredVersion < ctx.database.schemaVersion) parts.push(`该备份来自较早的程序版本（数据库版本 ${outcome.restoredVersion}），已升级到 ${ctx.database.schemaVersion}。`);
    recordAccess(ctx, { kind: 'restore', summary: parts.join(''), details: { from: source.label, safetyBackup: outcome.safetyBackup, damagedCopy: outcome.damagedCopy } });
    return { restoredFrom: source.label, safetyBackup: outcome.safetyBackup, damagedCopy: outcome.damagedCopy ? path.basename(outcome.damagedCopy) : null, message: parts.join('') };
  },
} satisfies Handlers<typeof databaseMethods>;
