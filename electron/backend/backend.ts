import fs from 'node:fs';
import path from 'node:path';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract.ts';
import { fail, ok, type Result } from '../../shared/api/result.ts';
import { isIsoDate, isoDateOf } from '../../shared/domain/dates.ts';
import { apiHandlers } from './api-handlers.ts';
import type { BackendContext, HostKind } from './context.ts';
import { dataPaths } from './data-dir.ts';
import { loadMigrations } from './db/migrations.ts';
import { openDatabase } from './db/open-database.ts';
import { invalidInput, toApiError } from './error-mapping.ts';
import { FileStore } from './files/file-store.ts';
import type { Handler } from './handler-types.ts';
import { JobRegistry } from './jobs/job-registry.ts';
import { Log } from './log.ts';
import { readSettings } from './settings/settings-store.ts';

export interface BackendOptions {
  dataDir: string;
  /** The folder holding package.json and migrations/ (the app's root, or the ASAR in a package). */
  appRoot: string;
  host: HostKind;
  /** Check every handler's output against its schema (on in tests and development). */
  checkOutputs?: boolean;
  /** Host-specific handlers that replace the backend's own (Electron's print-to-PDF). */
  overrides?: Partial<Record<MethodName, HostHandler>>;
}

/** A host-supplied handler; `hostContext` is whatever the transport passes (Electron: the sender). */
export type HostHandler = (input: unknown, hostContext: unknown) => unknown;

export interface Backend {
  readonly context: BackendContext;
  /** The one entry point of every transport: validates, runs, and always resolves to a Result. */
  call(method: string, input: unknown, hostContext?: unknown): Promise<Result<unknown>>;
  close(): void;
}

function readAppVersion(appRoot: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const paths = dataPaths(options.dataDir);
  const log = new Log(paths.logDir);
  const migrations = loadMigrations(path.join(options.appRoot, 'migrations'));
  const opened = await openDatabase(paths.databasePath, { backupDir: paths.backupDir, migrations });
  if (opened.applied.length > 0) {
    log.write('info', `database upgraded to version ${opened.schemaVersion} (applied ${opened.applied.join(', ')})${opened.backupPath ? `; backup ${opened.backupPath}` : ''}`);
  }
  const files = new FileStore(paths.stagingDir);
  files.sweep();
  const todayOverride = process.env['REGISTRY_TODAY'];
  const db = opened.db;

  const context: BackendContext = {
    db,
    paths,
    appRoot: options.appRoot,
    appVersion: readAppVersion(options.appRoot),
    host: options.host,
    schemaVersion: opened.schemaVersion,
    files,
    jobs: new JobRegistry(),
    log,
    today: () => (todayOverride && isIsoDate(todayOverride) ? todayOverride : isoDateOf(new Date())),
    settings: () => readSettings(db),
    operator: () => readSettings(db).operatorName || '未署名',
  };

  const checkOutputs = options.checkOutputs ?? false;

  async function call(method: string, input: unknown, hostContext?: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail({ code: 'UNKNOWN_METHOD', message: `未知的调用：${method.slice(0, 80)}` });
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail(invalidInput(spec.title, parsed.error));
    try {
      const override = options.overrides?.[method];
      const handler = apiHandlers[method] as unknown as Handler<typeof spec>;
      const value = override ? await override(parsed.data, hostContext) : await handler(parsed.data, context);
      if (checkOutputs) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          log.write('error', `output of ${method} does not match its schema: ${JSON.stringify(checked.error.issues.slice(0, 5))}`);
          return fail({ code: 'INTERNAL', message: `“${spec.title}”返回的数据格式不正确（程序错误），详细信息已写入日志文件。` });
        }
        return ok(checked.data);
      }
      return ok(value);
    } catch (err) {
      const { error, unexpected } = toApiError(err);
      if (unexpected) log.write('error', `${method} failed`, err);
      return fail(error);
    }
  }

  return {
    context,
    call,
    close: () => {
      if (db.open) db.close();
    },
  };
}
