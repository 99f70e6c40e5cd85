import type { Backend } from '../backend/backend.ts';

export interface CliCommand {
  summary: string;
  usage: string;
  /** Runs on a damaged database too (read-only): restore. Other commands refuse it with its notice. */
  allowDamaged?: boolean;
  /** Checks the arguments before the database is opened: a Chinese message (exit code 2), or null. */
  validate?(args: readonly string[]): string | null;
  /** Returns the process exit code. */
  run(args: readonly string[], backend: Backend): Promise<number>;
}

/** A command that must not open the database through the backend (which may back up or migrate it): check. */
export interface MaintenanceCommand {
  summary: string;
  usage: string;
  run(args: readonly string[], where: { dataDir: string; appRoot: string }): Promise<number>;
}

/** The options a command accepts (`--name value` or `--name=value`, and flags): the first unknown one, or null. */
export function unknownOption(args: readonly string[], valued: readonly string[], flags: readonly string[]): string | null {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0] ?? '';
    if (valued.includes(name)) {
      if (!arg.includes('=')) i += 1;
      continue;
    }
    if (!flags.includes(name)) return arg;
  }
  return null;
}

/** Arguments that are not options or option values. */
export function positionalArgs(args: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      if (valued.includes(arg.slice(2)) && !arg.includes('=')) i += 1;
      continue;
    }
    out.push(arg);
  }
  return out;
}
