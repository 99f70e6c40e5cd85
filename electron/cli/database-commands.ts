import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BACKUP_REASON_LABELS } from '../../shared/api/methods/database.ts';
import { copyDatabaseTo, requireSoundDatabase } from '../backend/backups/backup-actions.ts';
import { backupFileName } from '../backend/backups/backup-names.ts';
import { createBackup, listBackups, newestGoodBackup } from '../backend/backups/backup-service.ts';
import { restoreDatabase } from '../backend/backups/restore-service.ts';
import { recordAccess } from '../backend/access/access-log.ts';
import { dataPaths } from '../backend/data-dir.ts';
import { checkFile, checkReport } from '../backend/db/integrity.ts';
import { latestVersion, loadMigrations } from '../backend/db/migrations.ts';
import { Log } from '../backend/log.ts';
import { argValue } from '../tools/cli-args.ts';
import type { CliCommand, MaintenanceCommand } from './cli-command.ts';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** `check`: integrity_check on the database file, read-only (also while the program runs). Exit 0 sound, 1 a problem. */
export const checkCommand: MaintenanceCommand = {
  summary: '检查数据库文件是否完好（完整性检查，只读，不修改任何内容）',
  usage: 'check',
  run(_args, { dataDir, appRoot }) {
    const paths = dataPaths(dataDir);
    const out = process.stdout;
    const latest = latestVersion(loadMigrations(path.join(appRoot, 'migrations')));
    out.write(`数据文件夹：${dataDir}\n`);
    if (!fs.existsSync(paths.databasePath)) {
      out.write(`找不到数据库文件 ${paths.databasePath}：这个数据文件夹里还没有台账。\n`);
      return Promise.resolve(1);
    }
    const size = fs.statSync(paths.databasePath).size;
    const health = checkFile(paths.databasePath, 'full');
    let ok = health.state === 'ok';
    out.write(`数据库文件：${paths.databasePath}（${mb(size)}${health.state === 'ok' ? `，数据库版本 ${health.userVersion}` : ''}）\n`);
    if (health.state === 'ok') {
      const db = new Database(paths.databasePath, { readonly: true, fileMustExist: true });
      const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
      db.close();
      const report = checkReport([], foreignKeys);
      ok = report.ok;
      out.write(`检查结果：${report.message}\n`);
      if (health.userVersion > latest) out.write(`注意：该数据库由更新版本的程序创建（版本 ${health.userVersion}，本程序只支持到 ${latest}），本程序不会打开它。\n`);
    } else {
      out.write(`检查结果：${health.message ?? ''}\n`);
      new Log(paths.logDir, { echoErrors: false }).write('error', `check: ${health.state}: ${health.details.slice(0, 20).join(' | ')}`);
    }
    const backups = listBackups(paths.backupDir);
    const newest = backups[0];
    if (!newest) {
      out.write('备份：没有备份。\n');
    } else {
      out.write(`备份：共 ${backups.length} 个，最近一次 ${newest.takenAt}（${BACKUP_REASON_LABELS[newest.reason]}）。\n`);
      if (!ok) {
        const good = newestGoodBackup(paths.backupDir, latest);
        out.write(good ? `最近一次完好的备份：${good.name}（${good.takenAt}）。恢复：npm run cli -- restore ${good.name}\n` : '没有找到完好的备份。请把数据文件夹交给信息技术人员处理。\n');
      }
    }
    return Promise.resolve(ok ? 0 : 1);
  },
};

/** `backup [--out FILE]`: a verified backup into the backups folder, or to FILE (or into the folder FILE). */
export const backupCommand: CliCommand = {
  summary: '立即备份数据库（默认放在数据文件夹的 backups 中；--out 指定文件或文件夹，如 U 盘）',
  usage: 'backup [--out 文件或文件夹]',
  async run(args, backend) {
    const ctx = backend.context;
    const out = argValue(args, 'out');
    if (!out) {
      requireSoundDatabase(ctx, '备份');
      const backup = await createBackup(ctx.db, ctx.paths.backupDir, 'manual');
      process.stdout.write(`已备份到：${backup.path}（${mb(backup.size)}，已通过完整性检查）\n`);
      return 0;
    }
    const target = path.resolve(out);
    const file = fs.existsSync(target) && fs.statSync(target).isDirectory() ? path.join(target, backupFileName('manual', new Date())) : target;
    if (!fs.existsSync(path.dirname(file))) {
      process.stderr.write(`文件夹不存在：${path.dirname(file)}\n`);
      return 1;
    }
    const written = await copyDatabaseTo(ctx, file, '命令行备份');
    process.stdout.write(`已备份到：${written.path}（${mb(written.size)}，已通过完整性检查）\n`);
    return 0;
  },
};

/** `restore FILE`: FILE is a backup file anywhere, or the name of one in the backups folder. */
export const restoreCommand: CliCommand = {
  summary: '从备份恢复数据库（先检查备份；当前数据库先备份，已损坏的则移到一旁保留）',
  usage: 'restore <备份文件>',
  allowDamaged: true,
  async run(args, backend) {
    const ctx = backend.context;
    const [given] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--data-dir');
    if (!given) {
      process.stderr.write(`用法：npm run cli -- ${restoreCommand.usage}\n`);
      return 2;
    }
    const inFolder = path.join(ctx.paths.backupDir, path.basename(given));
    const file = fs.existsSync(given) ? path.resolve(given) : inFolder;
    if (!fs.existsSync(file)) {
      process.stderr.write(`找不到备份文件：${given}\n`);
      return 2;
    }
    const outcome = await restoreDatabase(ctx.database, file, path.basename(file));
    const lines = [`已从“${path.basename(file)}”恢复。`];
    if (outcome.safetyBackup) lines.push(`恢复前的数据库已备份为 ${path.join(ctx.paths.backupDir, outcome.safetyBackup)}。`);
    if (outcome.damagedCopy) lines.push(`已损坏的数据库文件已移到 ${outcome.damagedCopy}（没有删除）。`);
    recordAccess(ctx, { kind: 'restore', summary: `命令行恢复：${lines.join('')}`, details: { from: path.basename(file) } });
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
