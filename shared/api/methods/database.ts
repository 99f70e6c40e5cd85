import { z } from 'zod';
import { defineMethods } from '../define.ts';

/**
 * The database's own state, its backups and their restore (设置 › 备份与恢复).
 *
 * - ok: checked at start (PRAGMA quick_check) and in use.
 * - damaged: the check found damage; the file is open read-only, nothing is written to it.
 * - unreadable: not a database any more (its first pages overwritten); an empty registry is shown
 *   read-only under the notice, the file itself is not opened.
 * - empty: the file has 0 bytes; it is refused rather than taken for a new registry.
 */
export const DATABASE_STATES = ['ok', 'damaged', 'unreadable', 'empty'] as const;
export type DatabaseState = (typeof DATABASE_STATES)[number];

export const BACKUP_REASONS = ['daily', 'manual', 'before-import', 'before-upgrade', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Readonly<Record<BackupReason, string>> = {
  daily: '每日自动备份',
  manual: '手动备份',
  'before-import': '导入前自动备份',
  'before-upgrade': '程序升级前自动备份',
  'before-restore': '恢复前自动备份',
};

/** A backup is named by the program, never a path: registry-20260102-153000-daily.sqlite3. */
export const BACKUP_NAME_PATTERN = /^registry-[0-9a-z-]{1,80}\.sqlite3$/;

export const backupSchema = z.object({
  name: z.string(),
  /** Local time the backup was taken, "YYYY-MM-DD HH:mm:ss". */
  takenAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  size: z.number().int(),
  /** The program's database version inside it (null when its header cannot be read). */
  schemaVersion: z.number().int().nullable(),
});
export type BackupEntry = z.infer<typeof backupSchema>;

export const databaseStatusSchema = z.object({
  state: z.enum(DATABASE_STATES),
  /** True whenever the program will not write to the database (any state but ok). */
  readOnly: z.boolean(),
  /** What happened, for the clerk (null when all is well). */
  message: z.string().nullable(),
  dataDir: z.string(),
  databasePath: z.string(),
  /** The newest backup that passed its check, offered for restore (only looked up when not ok). */
  newestGoodBackup: backupSchema.nullable(),
});
export type DatabaseStatus = z.infer<typeof databaseStatusSchema>;

const fileIdSchema = z.string().regex(/^[a-f0-9]{32}$/, '文件编号无效');

export const databaseMethods = defineMethods({
  'database.status': {
    title: '读取数据库状态',
    input: z.object({}).strict(),
    output: databaseStatusSchema,
  },
  'database.check': {
    title: '检查数据库',
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), message: z.string(), checkedAt: z.string() }),
  },
  'backups.list': {
    title: '读取备份列表',
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), backups: z.array(backupSchema) }),
  },
  'backups.create': {
    title: '立即备份',
    input: z.object({}).strict(),
    output: backupSchema,
  },
  'backups.download': {
    title: '下载备份',
    input: z.object({}).strict(),
    output: z.object({ fileId: z.string(), name: z.string(), size: z.number().int() }),
  },
  'backups.restore': {
    title: '从备份恢复',
    input: z.union([
      z.object({ name: z.string().regex(BACKUP_NAME_PATTERN, '备份文件名无效') }).strict(),
      /** A backup file the clerk picked (from a USB stick), staged through files.stage. */
      z.object({ fileId: fileIdSchema }).strict(),
    ]),
    output: z.object({
      /** The backup's name (or the picked file's name). */
      restoredFrom: z.string(),
      /** The copy of the database as it was just before the restore (null when it was damaged and moved aside instead). */
      safetyBackup: z.string().nullable(),
      /** Where a damaged database was moved to (null when it was sound). */
      damagedCopy: z.string().nullable(),
      message: z.string(),
    }),
  },
});
