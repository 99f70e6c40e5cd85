import { argValue, hasFlag } from '../tools/cli-args.ts';
import { annualReport } from '../backend/report/annual-report-service.ts';
import { positionalArgs, unknownOption, type CliCommand } from './cli-command.ts';

/**
 * `report [--year YYYY] [--json]`: the annual report's paragraphs (stock figures as of today, the
 * year's flows), as text or as {"year", "text", "figures": {name: number}}.
 */
export const reportCommand: CliCommand = {
  summary: '生成年度报告中的执法人员和“一目录四清单”段落',
  usage: 'report [--year 年度] [--json]',
  validate(args) {
    const extra = positionalArgs(args, ['year', 'data-dir']);
    if (extra.length > 0) return `多余的参数：${extra.join(' ')}`;
    const unknown = unknownOption(args, ['year', 'data-dir'], ['json']);
    if (unknown) return `未知选项：${unknown}`;
    const year = argValue(args, 'year');
    if (year !== undefined && (!/^\d{4}$/.test(year) || Number(year) < 2000 || Number(year) > 2100)) return `年度应为 4 位数字（2000–2100）：${year}`;
    return null;
  },
  run(args, backend) {
    const ctx = backend.context;
    const today = ctx.today();
    const year = Number(argValue(args, 'year') ?? today.slice(0, 4));
    const report = annualReport(ctx.db, year, today, ctx.settings());
    if (hasFlag(args, 'json')) process.stdout.write(`${JSON.stringify({ year: report.year, text: report.text, figures: report.figures }, null, 2)}\n`);
    else process.stdout.write(`${report.text}\n`);
    return Promise.resolve(0);
  },
};
