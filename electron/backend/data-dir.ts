import os from 'node:os';
import path from 'node:path';

/** Folder name under the OS's per-user application-data folder. Electron's main uses the same. */
export const APP_FOLDER_NAME = 'enforcement-registry';
export const DATA_DIR_ENV = 'REGISTRY_DATA_DIR';

/** The per-user application-data folder, computed the way Electron's `app.getPath('appData')` does. */
export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env['APPDATA'] ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env['XDG_CONFIG_HOME'] ?? path.join(os.homedir(), '.config');
}

/** Reads `--data-dir DIR` or `--data-dir=DIR` from an argument list. */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}

/** Precedence: `--data-dir`, then REGISTRY_DATA_DIR, then the per-user default. */
export function resolveDataDir(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const fromArgs = dataDirFromArgs(argv);
  if (fromArgs) return path.resolve(fromArgs);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(defaultAppDataDir(env), APP_FOLDER_NAME);
}

export interface DataPaths {
  dataDir: string;
  databasePath: string;
  backupDir: string;
  stagingDir: string;
  logDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    databasePath: path.join(dataDir, 'registry.sqlite3'),
    backupDir: path.join(dataDir, 'backups'),
    stagingDir: path.join(dataDir, 'staging'),
    logDir: path.join(dataDir, 'logs'),
  };
}
