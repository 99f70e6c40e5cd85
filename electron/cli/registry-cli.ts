import path from 'node:path';
import { createBackend, type Backend } from '../backend/backend.ts';
import { dataPaths, resolveDataDir } from '../backend/data-dir.ts';
import { Log } from '../backend/log.ts';
import { AppError } from '../../shared/api/errors.ts';
import { argValue } from '../tools/cli-args.ts';
import type { CliCommand, MaintenanceCommand } from './cli-command.ts';
import { backupCommand, checkCommand, restoreCommand } from './database-commands.ts';
import { exportCommand } from './export-command.ts';
import { fatalMessage } from '../backend/fatal-errors.ts';
import { importCommand } from './import-command.ts';
import { reportCommand } from './report-command.ts';

/**
 * `npm run cli -- <command> [options] [--data-dir DIR]`: the backend's services without the UI,
 * for IT staff and scripts. Each command is one entry in COMMANDS.
 */

const COMMANDS: Record<string, CliCommand> = {
  import: importCommand,
  export: exportCommand,
  report: reportCommand,
  'sample-data': {
    summary: '在空白台账中生成示例数据',
    usage: 'sample-data [--seed N]',
    async run(args, backend) {
      const seed = Number(argValue(args, 'seed') ?? 2023);
      const result = await backend.call('system.generateSampleData', { seed });
      if (!result.ok) {
        process.stderr.write(`${result.error.message}\n`);
        return 1;
      }
      const v = result.value as { units: number; personnel: number; inspectionItems: number; listItems: number };
      process.stdout.write(`已生成示例数据（种子 ${seed}）：${v.units} 个单位，${v.personnel} 名人员，${v.inspectionItems} 项检查事项，${v.listItems} 项清单事项。\n`);
      return 0;
    },
  },
  info: {
    summary: '显示数据文件夹、数据库版本和主要数字',
    usage: 'info',
    async run(_args, backend) {
      const info = await backend.call('system.info', {});
      const overview = await backend.call('overview.get', {});
      process.stdout.write(`${JSON.stringify({ info: info.ok ? info.value : info.error, overview: overview.ok ? overview.value : overview.error }, null, 2)}\n`);
      return info.ok && overview.ok ? 0 : 1;
    },
  },
  backup: backupCommand,
  restore: restoreCommand,
};

/** Commands that read the file without the backend, so they never write to it. */
const MAINTENANCE: Record<string, MaintenanceCommand> = {
  check: checkCommand,
};

function usage(): string {
  const lines = [...Object.values(COMMANDS), ...Object.values(MAINTENANCE)].map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return `用法：npm run cli -- <命令> [选项] [--data-dir 数据文件夹]\n\n命令：\n${lines.join('\n')}\n`;
}

export async function runCli(argv: readonly string[], appRoot: string): Promise<number> {
  // Technical details (stack traces) go to the log file only; the terminal gets the Chinese messages.
  process.env['REGISTRY_QUIET'] ??= '1';
  const [name, ...rest] = argv;
  const maintenance = name ? MAINTENANCE[name] : undefined;
  const command = name ? COMMANDS[name] : undefined;
  if (!command && !maintenance) {
    process.stderr.write(name && name !== '--help' ? `未知命令：${name}\n\n${usage()}` : usage());
    return name && name !== '--help' ? 2 : 0;
  }
  const dataDir = resolveDataDir(argv);
  // A foreseeable failure is told in Chinese with exit code 1; its stack goes to the log only.
  const fatal = (err: unknown): number => {
    new Log(dataPaths(dataDir).logDir, { echoErrors: false }).write('error', `command line: ${name ?? ''} failed`, err);
    process.stderr.write(`${fatalMessage(err, { dataDir })}\n`);
    return 1;
  };
  if (maintenance) {
    try {
      return await maintenance.run(rest, { dataDir, appRoot });
    } catch (err) {
      return fatal(err);
    }
  }
  if (!command) return 2;
  const invalid = command.validate?.(rest) ?? null;
  if (invalid) {
    process.stderr.write(`${invalid}\n用法：npm run cli -- ${command.usage}\n`);
    return 2;
  }
  let backend: Backend;
  try {
    backend = await createBackend({ dataDir, appRoot, host: 'cli' });
  } catch (err) {
    if (err instanceof AppError && err.code === 'DATABASE_NEWER') {
      process.stderr.write(`无法打开数据库：${err.message}\n`);
      return 2;
    }
    return fatal(err);
  }
  try {
    const health = backend.context.database.health;
    if (health.state !== 'ok' && !command.allowDamaged) {
      process.stderr.write(`${health.message ?? '数据库已损坏'}\n检查：npm run cli -- check；恢复：npm run cli -- restore <备份文件>\n`);
      return 1;
    }
    return await command.run(rest, backend);
  } catch (err) {
    return fatal(err);
  } finally {
    backend.close();
  }
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2), path.resolve(import.meta.dirname, '..', '..'));
}
