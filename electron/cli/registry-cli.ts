import path from 'node:path';
import { createBackend, type Backend } from '../backend/backend.ts';
import { resolveDataDir } from '../backend/data-dir.ts';
import { argValue } from '../tools/cli-args.ts';
import type { CliCommand } from './cli-command.ts';
import { importCommand } from './import-command.ts';

/**
 * `npm run cli -- <command> [options] [--data-dir DIR]`: the backend's services without the UI,
 * for IT staff and scripts. Each command is one entry in COMMANDS.
 */

const COMMANDS: Record<string, CliCommand> = {
  import: importCommand,
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
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return `用法：npm run cli -- <命令> [选项] [--data-dir 数据文件夹]\n\n命令：\n${lines.join('\n')}\n`;
}

export async function runCli(argv: readonly string[], appRoot: string): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== '--help' ? `未知命令：${name}\n\n${usage()}` : usage());
    return name && name !== '--help' ? 2 : 0;
  }
  let backend: Backend;
  try {
    backend = await createBackend({ dataDir: resolveDataDir(argv), appRoot, host: 'cli' });
  } catch (err) {
    process.stderr.write(`无法打开数据库：${(err as Error).message}\n`);
    return 2;
  }
  try {
    return await command.run(rest, backend);
  } finally {
    backend.close();
  }
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2), path.resolve(import.meta.dirname, '..', '..'));
}
