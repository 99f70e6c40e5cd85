import type { RegistrySettings } from '../../shared/domain/settings.ts';
import type { DataPaths } from './data-dir.ts';
import type { Db } from './db/open-database.ts';
import type { RegistryDatabase } from './db/registry-database.ts';
import type { FileStore } from './files/file-store.ts';
import type { JobRegistry } from './jobs/job-registry.ts';
import type { Log } from './log.ts';
import type { OperatorSession } from './operators/operator-session.ts';

export type HostKind = 'electron' | 'web' | 'cli';

/** What every handler may use. Services take the parts they need, not the whole context. */
export interface BackendContext {
  /** The registry's connection now (a restore replaces it): always read it through the context. */
  readonly db: Db;
  /** The connection's holder: its health (damaged → read-only), backups and restore. */
  readonly database: RegistryDatabase;
  /** Who is signed in (设置 › 操作员). */
  readonly session: OperatorSession;
  readonly paths: DataPaths;
  readonly appRoot: string;
  readonly host: HostKind;
  readonly schemaVersion: number;
  readonly appVersion: string;
  readonly files: FileStore;
  readonly jobs: JobRegistry;
  readonly log: Log;
  /** The clerk's calendar date (YYYY-MM-DD); REGISTRY_TODAY overrides it for tests and training. */
  today(): string;
  settings(): RegistrySettings;
  /**
   * The operator recorded on changes, reveals and prints: the signed-in operator when operators
   * exist (the command line: the system account), else the name set in 设置 › 业务规则, else 未署名.
   */
  operator(): string;
}
