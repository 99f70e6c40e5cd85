import type { Backend } from '../backend/backend.ts';

export interface CliCommand {
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: readonly string[], backend: Backend): Promise<number>;
}
