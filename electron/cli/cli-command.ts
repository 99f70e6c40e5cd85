import type { Backend } from '../backend/backend.ts';

export interface CliCommand {
  summary: string;
  usage: string;
  /** Runs on a damaged database too (read-only): restore. Other commands refuse it with its notice. */
  allowDamaged?: boolean;
  /** Returns the process exit code. */
  run(args: readonly string[], backend: Backend): Promise<number>;
}

/** A command that must not open the database through the backend (which may back up or migrate it): check. */
export interface MaintenanceCommand {
  summary: string;
  usage: string;
  run(args: readonly string[], where: { dataDir: string; appRoot: string }): Promise<number>;
}
