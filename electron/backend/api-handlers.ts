import type { Contract } from '../../shared/api/contract.ts';
import { AppError } from '../../shared/api/errors.ts';
import type { Handlers } from './handler-types.ts';
import { databaseHandlers } from './backups/database-handlers.ts';
import { catalogHandlers } from './catalog/catalog-handlers.ts';
import { undoOperation } from './db/tracked-writes.ts';
import { operationOperators, recentOperations } from './history/history-service.ts';
import { importHandlers } from './import/import-handlers.ts';
import { operatorHandlers } from './operators/operator-handlers.ts';
import { computeOverview } from './overview/overview-service.ts';
import { personnelHandlers } from './personnel/personnel-handlers.ts';
import { reportHandlers } from './report/report-handlers.ts';
import { searchHandlers } from './search/search-handlers.ts';
import { generateSampleData } from './sample-data/generate-sample-data.ts';
import { writeSettings } from './settings/settings-store.ts';
import { tableHandlers } from './tables/tables-handlers.ts';
import { createUnit, deleteUnit, listUnits, updateUnit } from './units/units-service.ts';

/**
 * The backend's answer to every contract method. `satisfies Handlers<Contract>` makes a missing or
 * mistyped handler a compile error. Features with many methods keep their table in their own
 * folder and are spread in here.
 */
export const apiHandlers = {
  'system.info': (_input, ctx) => {
    const units = ctx.db.prepare(`SELECT count(*) FROM units`).pluck().get() as number;
    return {
      appName: '执法台账',
      version: ctx.appVersion,
      schemaVersion: ctx.schemaVersion,
      dataDir: ctx.paths.dataDir,
      databasePath: ctx.paths.databasePath,
      backupDir: ctx.paths.backupDir,
      host: ctx.host,
      platform: process.platform,
      arch: process.arch,
      today: ctx.today(),
      isEmpty: units === 0,
      hasSampleData: ctx.db.prepare(`SELECT EXISTS (SELECT 1 FROM operations WHERE kind = 'sample_data' AND undone_by IS NULL)`).pluck().get() === 1,
    };
  },
  'system.generateSampleData': ({ seed }, ctx) => generateSampleData(ctx.db, { seed, operator: ctx.operator(), today: ctx.today() }),

  'settings.get': (_input, ctx) => ctx.settings(),
  'settings.update': (patch, ctx) => writeSettings(ctx.db, patch),

  'units.list': (_input, ctx) => ({ units: listUnits(ctx.db) }),
  'units.create': (input, ctx) => createUnit(ctx.db, input, ctx.operator()),
  'units.update': ({ id, ...values }, ctx) => updateUnit(ctx.db, id, values, ctx.operator()),
  'units.delete': ({ id }, ctx) => deleteUnit(ctx.db, id, ctx.operator()),

  'overview.get': (_input, ctx) => computeOverview(ctx.db, ctx.today(), ctx.settings().expiryWarningDays),

  'history.recent': ({ limit, ...filter }, ctx) => ({ operations: recentOperations(ctx.db, limit, filter), operators: operationOperators(ctx.db) }),
  'history.undo': ({ operationId }, ctx) => undoOperation(ctx.db, operationId, ctx.operator()),

  'files.stage': ({ name, relativePath, dataBase64 }, ctx) => {
    const info = ctx.files.putBase64(name, dataBase64, relativePath ?? null);
    return { fileId: info.fileId, name: info.name, size: info.size, sha256: info.sha256 };
  },
  'files.get': ({ fileId }, ctx) => {
    // An export is handed over once and deleted: a roster with full ID numbers is never kept by the program.
    const { info, bytes } = ctx.files.handOver(fileId);
    return { name: info.name, mime: ctx.files.mimeOf(info.name), dataBase64: bytes.toString('base64') };
  },

  'jobs.get': ({ jobId }, ctx) => ctx.jobs.status(jobId),
  'jobs.cancel': ({ jobId }, ctx) => ctx.jobs.cancel(jobId),

  'desktop.printToPdf': () => {
    throw new AppError('UNSUPPORTED', '网页版请在打印对话框中选择“另存为 PDF”');
  },
  'desktop.print': () => {
    throw new AppError('UNSUPPORTED', '网页版请使用浏览器的打印对话框');
  },
  'desktop.backupToFolder': () => {
    throw new AppError('UNSUPPORTED', '网页版请使用“下载备份”，再把下载的文件复制到 U 盘');
  },
  'desktop.saveFilesToFolder': () => {
    throw new AppError('UNSUPPORTED', '网页版不能直接写入文件夹，请下载压缩包');
  },

  ...personnelHandlers,
  ...catalogHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...databaseHandlers,
  ...operatorHandlers,
  ...reportHandlers,
  ...tableHandlers,
} satisfies Handlers<Contract>;
