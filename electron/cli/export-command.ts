import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors.ts';
import { isIsoDate } from '../../shared/domain/dates.ts';
import { AUDIT_SHEETS, writeAuditWorkbook } from '../backend/audit/audit-workbook.ts';
import type { Backend } from '../backend/backend.ts';
import { recordAccess } from '../backend/access/access-log.ts';
import { USER_FILE_MODE, writeFileAtomicWith } from '../backend/files/write-file-atomic.ts';
import { writeVerificationSet } from '../backend/verification/verification-set.ts';
import { argValue, hasFlag } from '../tools/cli-args.ts';
import { positionalArgs, unknownOption, type CliCommand } from './cli-command.ts';

/**
 * `export audit --out FILE.xlsx [--year YYYY] [--full-ids] [--stale-before YYYY-MM-DD]` and
 * `export verification --out DIR`: the audit workbook and the agencies' verification workbooks
 * for scripted and scheduled use. Files are written under a temporary name and renamed into place.
 * Exit code 0 done, 1 a clear error (in Chinese), 2 bad arguments.
 */

const VALUED = ['out', 'year', 'data-dir', 'stale-before'];
const FLAGS = ['full-ids'];

function yearOf(args: readonly string[]): number | null | 'bad' {
  const raw = argValue(args, 'year');
  if (raw === undefined) return null;
  if (!/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) return 'bad';
  return Number(raw);
}

function validate(args: readonly string[]): string | null {
  const [what, ...extra] = positionalArgs(args, VALUED);
  if (what !== 'audit' && what !== 'verification') return '请指定导出内容：export audit 或 export verification';
  if (extra.length > 0) return `多余的参数：${extra.join(' ')}`;
  const unknown = unknownOption(args, VALUED, what === 'audit' ? FLAGS : []);
  if (unknown) return `未知选项：${unknown}`;
  const out = argValue(args, 'out');
  if (!out) return '请用 --out 指定输出位置';
  if (what === 'audit') {
    if (!out.toLowerCase().endsWith('.xlsx')) return `审核表应保存为 .xlsx 文件：${out}`;
    if (yearOf(args) === 'bad') return `年度应为 4 位数字（2000–2100）：${argValue(args, 'year') ?? ''}`;
    const stale = argValue(args, 'stale-before');
    if (stale !== undefined && !isIsoDate(stale)) return `--stale-before 应为 YYYY-MM-DD 格式的日期：${stale}`;
  } else if (argValue(args, 'year') !== undefined || argValue(args, 'stale-before') !== undefined) {
    return '核对表为当前台账数据，不能指定 --year 或 --stale-before';
  }
  return null;
}

async function exportAudit(args: readonly string[], backend: Backend): Promise<number> {
  const ctx = backend.context;
  const out = path.resolve(argValue(args, 'out') ?? '');
  if (!fs.existsSync(path.dirname(out))) throw new AppError('NOT_FOUND', `文件夹不存在：${path.dirname(out)}`);
  const today = ctx.today();
  const parsedYear = yearOf(args);
  const year = typeof parsedYear === 'number' ? parsedYear : Number(today.slice(0, 4));
  const fullIdNumbers = hasFlag(args, 'full-ids');
  const staleBefore = argValue(args, 'stale-before');
  const started = performance.now();
  let people = 0;
  await writeFileAtomicWith(
    out,
    async (temp) => {
      const result = await writeAuditWorkbook({
        databasePath: ctx.paths.databasePath,
        today,
        year,
        settings: ctx.settings(),
        fullIdNumbers,
        ...(staleBefore ? { staleBefore } : {}),
        file: temp,
      });
      people = result.people;
    },
    { mode: USER_FILE_MODE },
  );
  if (fullIdNumbers) recordAccess(ctx, { kind: 'export_full_ids', summary: `导出审核表（${year}年度，命令行），含 ${people} 人的完整身份证号` });
  process.stdout.write(
    `已导出审核表：${out}\n${AUDIT_SHEETS.length} 张工作表（${AUDIT_SHEETS.join('、')}），${people} 人，${year} 年度，身份证号${fullIdNumbers ? '完整（已记入操作记录）' : '已隐去中间 8 位'}，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。\n`,
  );
  return 0;
}

async function exportVerification(args: readonly string[], backend: Backend): Promise<number> {
  const ctx = backend.context;
  const dir = path.resolve(argValue(args, 'out') ?? '');
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new AppError('INVALID_INPUT', `--out 应为文件夹：${dir}`);
  fs.mkdirSync(dir, { recursive: true });
  const files = await writeVerificationSet({
    databasePath: ctx.paths.databasePath,
    today: ctx.today(),
    progress: (_f, message) => process.stderr.write(`${message}\n`),
    save: (name, bytes) => writeFileAtomicWith(path.join(dir, name), (temp) => fs.writeFileSync(temp, bytes), { mode: USER_FILE_MODE }),
  });
  const people = files.reduce((n, f) => n + f.people, 0);
  recordAccess(ctx, { kind: 'export_full_ids', summary: `生成 ${files.length} 个单位的核对表（命令行），含 ${people} 人的完整身份证号` });
  for (const f of files) process.stdout.write(`${f.name}\t人员 ${f.people}\t检查事项 ${f.items}\t清单事项 ${f.lists}\n`);
  process.stdout.write(`已在 ${dir} 生成 ${files.length} 个单位的核对表（含完整身份证号，已记入操作记录）。\n`);
  return 0;
}

export const exportCommand: CliCommand = {
  summary: '导出审核表（audit）或各执法单位的核对表（verification）',
  usage: 'export audit --out 文件.xlsx [--year 年度] [--full-ids] | export verification --out 文件夹',
  validate,
  async run(args, backend) {
    const [what] = positionalArgs(args, VALUED);
    try {
      return what === 'audit' ? await exportAudit(args, backend) : await exportVerification(args, backend);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
  },
};
