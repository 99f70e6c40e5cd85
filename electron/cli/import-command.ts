import type { CliCommand } from './cli-command.ts';

export const importCommand: CliCommand = {
  summary: '检查并导入各单位报送的 Excel 文件（尚未完成）',
  usage: 'import <文件或文件夹> [--agency 单位] [--dry-run] [--json]',
  run() {
    process.stderr.write('导入功能尚未完成。\n');
    return Promise.resolve(2);
  },
};
