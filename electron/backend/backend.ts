import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contract, isMethodName, type MethodName } from '../../shared/api/contract.ts';
import { fail, ok, type Result } from '../../shared/api/result.ts';
import { isIsoDate, isoDateOf } from '../../shared/domain/dates.ts';
import { apiHandlers } from './api-handlers.ts';
import type { BackendContext, HostKind } from './context.ts';
import { ensureDailyBackup } from './backups/backup-service.ts';
import { dataPaths } from './data-dir.ts';
import { loadMigrations } from './db/migrations.ts';
import { RegistryDatabase } from './db/registry-database.ts';
import { invalidInput, toApiError } from './error-mapping.ts';
import { FileStore, SESSION_STAGING_LIMITS } from './files/file-store.ts';
import { ensurePrivateDir, makeFolderFilesPrivate } from './files/private-paths.ts';
import type { Handler } from './handler-types.ts';
import { JobRegistry } from './jobs/job-registry.ts';
import { Log } from './log.ts';
import { listOperators } from './operators/operator-store.ts';
import { OperatorSession } from './operators/operator-session.ts';
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

/**
 * What the UI may call while operators exist and nobody is signed in: enough to draw the sign-in
 * screen and the database notice, and to sign in. Nothing here returns personal data.
 */
const CALLABLE_WHEN_LOCKED: ReadonlySet<string> = new Set(['system.info', 'settings.get', 'database.status', 'session.status', 'session.signIn', 'session.lock', 'session.touch']);
/** Calls that do not count as the clerk working (the page's own periodic refreshes). */
const NOT_ACTIVITY: ReadonlySet<string> = new Set(['system.info', 'settings.get', 'database.status', 'session.status']);

function systemUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '未知用户';
  }
}

function sqliteCode(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '';
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
  // Owner-only on Linux and macOS: another account on the PC must not read the registry's files.
  for (const dir of [paths.dataDir, paths.backupDir, paths.stagingDir, paths.logDir]) ensurePrivateDir(dir);
  for (const dir of [paths.backupDir, paths.stagingDir, paths.logDir]) makeFolderFilesPrivate(dir);
  const log = new Log(paths.logDir, { echoErrors: options.host !== 'cli' });
  const migrations = loadMigrations(path.join(options.appRoot, 'migrations'));
  const database = new RegistryDatabase({ file: paths.databasePath, backupDir: paths.backupDir, migrations, log });
  const opened = await database.open();
  if (opened.applied.length > 0) {
    log.write('info', `database upgraded to version ${database.schemaVersion} (applied ${opened.applied.join(', ')})${opened.backupPath ? `; backup ${opened.backupPath}` : ''}`);
  }
  if (database.writable && opened.existed) {
    // The first start of the day backs the registry up; a failure (a full disk) must not stop the program.
    try {
      const daily = await ensureDailyBackup(database.db, paths.backupDir);
      if (daily) log.write('info', `daily backup ${daily.name}`);
    } catch (err) {
      log.write('error', 'daily backup failed', err);
    }
  }
  const files = new FileStore(paths.stagingDir, options.host === 'cli' ? null : SESSION_STAGING_LIMITS);
  files.sweep();
  // A program left running for days still clears staged files after a day.
  const sweepTimer = setInterval(() => files.sweep(), 3600_000);
  sweepTimer.unref();
  const todayOverride = process.env['REGISTRY_TODAY'];
  const session = new OperatorSession();

  const context: BackendContext = {
    get db() {
      return database.db;
    },
    database,
    session,
    paths,
    appRoot: options.appRoot,
    appVersion: readAppVersion(options.appRoot),
    host: options.host,
    get schemaVersion() {
      return database.schemaVersion;
    },
    files,
    jobs: new JobRegistry(),
    log,
    today: () => (todayOverride && isIsoDate(todayOverride) ? todayOverride : isoDateOf(new Date())),
    settings: () => readSettings(database.db),
    operator: () => {
      const settings = readSettings(database.db);
      if (options.host === 'cli') return listOperators(database.db).length > 0 ? `命令行（${systemUser()}）` : settings.operatorName || '未署名';
      return session.current(database.db, settings.idleLockMinutes).signedIn?.name ?? (settings.operatorName || '未署名');
    },
  };

  const checkOutputs = options.checkOutputs ?? false;

  /** Refuses a call while a restore swaps the file, or while operators exist and nobody is signed in. */
  function gate(method: string): Result<never> | null {
    if (database.maintenance && method !== 'database.status' && method !== 'system.info') return fail({ code: 'CONFLICT', message: database.maintenance });
    if (options.host === 'cli' || CALLABLE_WHEN_LOCKED.has(method)) return null;
    if (session.isLocked(database.db, readSettings(database.db).idleLockMinutes)) {
      return fail({ code: 'LOCKED', message: '执法台账已锁定：请先选择操作员（并输入密码）登录。' });
    }
    return null;
  }

  async function call(method: string, input: unknown, hostContext?: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return fail({ code: 'UNKNOWN_METHOD', message: `未知的调用：${method.slice(0, 80)}` });
    const refused = gate(method);
    if (refused) return refused;
    if (!NOT_ACTIVITY.has(method)) session.touch();
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
      if (!database.writable && sqliteCode(err).startsWith('SQLITE_READONLY')) {
        return fail({ code: 'DATABASE_DAMAGED', message: '数据库已损坏，程序以只读方式打开，不能保存修改。请先从备份恢复（设置 › 备份与恢复）。' });
      }
      const { error, unexpected } = toApiError(err);
      if (unexpected) log.write('error', `${method} failed`, err);
      return fail(error);
    }
  }

  return {
    context,
    call,
    close: () => {
      clearInterval(sweepTimer);
      database.close();
    },
  };
}
