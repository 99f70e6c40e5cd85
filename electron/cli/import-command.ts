import fs from 'node:fs';
import path from 'node:path';
import type { FileCheck } from '../../shared/import/check-schema.ts';
import { FILE_STATUS_LABELS, IMPORT_KIND_LABELS, type CsvEncoding } from '../../shared/import/import-kinds.ts';
import { unitKindLabel } from '../../shared/import/unit-names.ts';
import type { Backend } from '../backend/backend.ts';
import { backupBeforeImport } from '../backend/backups/backup-actions.ts';
import { fatalMessage, isBusy, isDiskFullError } from '../backend/fatal-errors.ts';
import { cliEntryFor, type CliFile } from '../backend/import/cli-report.ts';
import { commitFile } from '../backend/import/commit-import.ts';
import { scanFolder, type FolderScan } from '../backend/import/folder-scan.ts';
import { DEFAULT_IMPORT_LIMITS } from '../backend/import/import-limits.ts';
import { checkStagedFiles } from '../backend/import/import-service.ts';
import { stopParseWorker } from '../backend/import/parse-runner.ts';
import { loadUnitIndex, unitNamedIn } from '../backend/import/unit-matcher.ts';
import { AppError } from '../../shared/api/errors.ts';
import { argValue, hasFlag } from '../tools/cli-args.ts';
import type { CliCommand } from './cli-command.ts';
import { refusedCheck, stageFromDisk } from './disk-files.ts';
import { streamed, writeJsonObject } from './json-stream.ts';
import { forTerminal as t, jsonForTerminal } from './terminal-text.ts';

/**
 * `import <file-or-folder> [--agency NAME] [--dry-run] [--json] [--encoding utf-8|gb18030] [--allow-repeat] [--add-units]`:
 * the importer's services without the window. Every file is checked; without --dry-run the files
 * with no errors are committed (one batch each) and the others set aside. Transfers need the
 * clerk's confirmation in the window and are never committed from here. A file naming units the
 * unit list lacks is committed, with those units, only under --add-units; otherwise it is set aside
 * and the units are named.
 *
 * Exit code: 0 clean, 1 when any file has an error, was set aside for its units to add, was clean
 * but could not be written, or failed unexpectedly; 2 when a file could not be read at all. A file
 * that cannot be taken (too large, unreadable, not a regular file) or that fails unexpectedly is
 * reported as that file's own problem and the others go on. Names and messages are printed with
 * their control characters escaped (terminal-text.ts).
 */

const VALUE_OPTIONS = new Set(['--agency', '--data-dir', '--encoding']);

function positional(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    if (VALUE_OPTIONS.has(a)) {
      i += 1;
      continue;
    }
    if (a.startsWith('--')) continue;
    out.push(a);
  }
  return out;
}

function pad(text: string, width: number): string {
  let w = 0;
  // eslint-disable-next-line no-control-regex -- Latin-1 (U+0000–U+00FF) is one column wide, everything else two
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
  return text + ' '.repeat(Math.max(1, width - w));
}

function printTable(files: readonly FileCheck[], entries: readonly CliFile[], ignored: readonly string[], skipped: FolderScan['skipped'] = []): void {
  const out = process.stdout;
  out.write(`${pad('文件', 44)}${pad('状态', 10)}${pad('单位', 30)}${pad('类型', 20)}读取  可导入  错误  警告  跳过\n`);
  files.forEach((f, i) => {
    const entry = entries[i];
    const sheets = f.sheets.filter((s) => s.kind !== 'skipped');
    const units = [...new Set(sheets.map((s) => (s.kind === 'units' ? '—' : (s.agency?.name ?? (s.kind === 'personnel' && s.counts.read > 0 ? '（按各行单位）' : '（未识别）')))))].join('、') || '—';
    const kinds = [...new Set(sheets.map((s) => (s.kind === 'skipped' ? s.kind : IMPORT_KIND_LABELS[s.kind])))].join('、') || '—';
    const sum = (k: 'read' | 'importable' | 'errors' | 'warnings' | 'skipped') => f.sheets.reduce((n, s) => n + s.counts[k], 0);
    const status = entry?.committed ? '已导入' : FILE_STATUS_LABELS[f.status];
    out.write(
      `${pad(t(f.relativePath ?? f.file), 44)}${pad(status, 10)}${pad(t(units), 30)}${pad(kinds, 20)}${String(sum('read')).padStart(4)}  ${String(sum('importable')).padStart(6)}  ${String(sum('errors')).padStart(4)}  ${String(sum('warnings')).padStart(4)}  ${String(sum('skipped')).padStart(4)}\n`,
    );
  });
  const toAdd = [...new Map(files.flatMap((f) => f.unitsToAdd.filter((u) => u.existingUnitId === null || u.marksAgency)).map((u) => [u.key, u])).values()];
  if (toAdd.length > 0) {
    out.write(`\n单位名单中没有、导入时需一并新增（或标记为执法主体）的单位：\n`);
    for (const u of toAdd) out.write(`  ${u.name}（${u.marksAgency ? '标记为执法主体' : unitKindLabel(u.kind)}）\n`);
  }
  for (const f of files) {
    if (f.error) out.write(`\n${t(f.error.message)}\n`);
    const problems = f.sheets.flatMap((s) => s.issues.filter((i) => i.severity !== 'note'));
    if (problems.length > 0) {
      out.write(`\n${t(f.relativePath ?? f.file)}：\n`);
      for (const p of problems) out.write(`  [${p.severity === 'error' ? '错误' : '警告'}] ${t(p.message)}\n`);
    }
  }
  entries.forEach((e) => {
    if (e.notCommitted) process.stdout.write(`\n未导入“${t(e.file)}”：${t(e.notCommitted)}\n`);
  });
  if (ignored.length > 0) out.write(`\n已忽略 ${ignored.length} 个不是表格的文件：${ignored.map(t).join('、')}\n`);
  if (skipped.length > 0) out.write(`\n已跳过 ${skipped.length} 个文件或文件夹：${skipped.map((s) => `${t(s.relativePath)}（${s.reason}）`).join('、')}\n`);
}

/** One piece of the JSON report to stdout, its unsafe characters escaped, waiting for the pipe to drain when it is full. */
function writeStdout(chunk: string): Promise<void> | undefined {
  if (process.stdout.write(jsonForTerminal(chunk))) return undefined;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

function* entriesOf<T>(listed: readonly T[], entryOf: (item: T) => CliFile): Generator<CliFile> {
  for (const item of listed) yield entryOf(item);
}

export const importCommand: CliCommand = {
  summary: '检查并导入各单位报送的 Excel/WPS/CSV 文件（文件或文件夹）',
  usage: 'import <文件或文件夹> [--agency 单位] [--dry-run] [--json] [--add-units]',
  async run(args, backend: Backend) {
    const ctx = backend.context;
    const [target] = positional(args);
    const json = hasFlag(args, 'json');
    const dryRun = hasFlag(args, 'dry-run');
    const allowRepeat = hasFlag(args, 'allow-repeat');
    const addUnits = hasFlag(args, 'add-units');
    const encodingArg = argValue(args, 'encoding');
    if (!target) {
      process.stderr.write(`用法：npm run cli -- ${importCommand.usage}\n`);
      return 2;
    }
    const encoding: CsvEncoding = encodingArg === 'gb18030' || encodingArg === 'gbk' ? 'gb18030' : encodingArg === 'utf-8' || encodingArg === 'utf8' ? 'utf-8' : 'auto';
    if (!fs.existsSync(target)) {
      process.stderr.write(`找不到文件或文件夹：${t(target)}\n`);
      return 2;
    }
    let agencyUnitId: number | null = null;
    const agencyName = argValue(args, 'agency');
    if (agencyName) {
      const match = unitNamedIn(loadUnitIndex(ctx.db), agencyName);
      if (match.kind !== 'one') {
        process.stderr.write(match.kind === 'ambiguous' ? `单位“${t(agencyName)}”可能指多个单位，请写全称\n` : `单位名单中没有“${t(agencyName)}”（设置 › 单位管理）\n`);
        return 2;
      }
      agencyUnitId = match.unitId;
    }

    const isDir = fs.statSync(target).isDirectory();
    let scan: FolderScan;
    try {
      scan = isDir ? scanFolder(target) : { files: [{ path: target, relativePath: path.basename(target) }], ignored: [], skipped: [] };
    } catch {
      process.stderr.write(`无法打开文件夹：${t(target)}（没有权限或读取出错）\n`);
      return 2;
    }
    const onDisk = stageFromDisk(ctx, scan.files, isDir, DEFAULT_IMPORT_LIMITS.maxFileBytes);
    const fileIds = onDisk.flatMap((f) => (f.kind === 'staged' ? [f.fileId] : []));
    const abort = new AbortController();
    let lastShown = '';
    const checks = await checkStagedFiles(
      ctx,
      fileIds,
      { encoding, agencyUnitId },
      {
        signal: abort.signal,
        progress: (_f: number, message = '') => {
          if (!json && message !== lastShown && message.startsWith('正在检查（')) process.stderr.write(`${t(message)}\n`);
          lastShown = message;
        },
      },
    );
    await stopParseWorker();

    const notCommitted = new Map<string, string>();
    let unitsWaiting = false;
    let failedUnexpectedly = false;
    if (!dryRun) {
      for (const f of checks) {
        if (f.status !== 'ready') continue;
        try {
          await backupBeforeImport(ctx);
          commitFile(ctx, { checkId: f.checkId, missing: [], skipErrorRows: false, allowRepeat, addUnits });
        } catch (err) {
          if (err instanceof AppError) {
            unitsWaiting ||= err.code === 'UNITS_TO_ADD';
            notCommitted.set(f.checkId, err.code === 'UNITS_TO_ADD' ? `${err.message}（加上 --add-units 即一并新增这些单位并导入）` : err.message);
          } else {
            // One file's failure leaves it out and the other files are still tried: a database held by
            // another program or a full disk is said as such (fatalMessage), anything else as unexpected.
            ctx.log.write('error', `import of ${f.file} failed`, err);
            failedUnexpectedly = true;
            const why =
              isBusy(err) || isDiskFullError(err)
                ? fatalMessage(err, { dataDir: ctx.paths.dataDir })
                : '导入时出现意外错误，这个文件没有写入台账（其他文件不受影响）。技术详情已写入日志文件（logs/registry.log）。';
            notCommitted.set(f.checkId, why);
            process.stderr.write(`未导入“${t(f.file)}”：${why}\n`);
          }
        }
      }
    }
    // The agencies' files were staged only to be read: none is kept in the data folder.
    for (const id of fileIds) ctx.files.remove(id);
    // Every file in the order given: the checked ones, and those refused before checking.
    let next = 0;
    const listed = onDisk.map((d) => (d.kind === 'staged' ? { check: checks[next++] as FileCheck, refused: null } : { check: refusedCheck(d), refused: d }));
    const entryOf = ({ check, refused }: (typeof listed)[number]): CliFile => {
      if (refused) return { file: refused.relativePath ?? refused.name, status: 'unreadable', error: { code: refused.error.code, message: refused.error.message } };
      const entry = cliEntryFor(ctx, check.checkId);
      const reason = notCommitted.get(check.checkId);
      if (reason) entry.notCommitted = reason;
      return entry;
    };
    const all = listed.map((l) => l.check);
    if (json) {
      // Written in pieces, each file's entry made when its turn comes: at 100,000 rows the report was one 69 MB string.
      await writeJsonObject(writeStdout, [
        ['files', streamed(entriesOf(listed, entryOf))],
        ['ignored', scan.ignored.length > 0 ? scan.ignored : undefined],
        ['skipped', scan.skipped.length > 0 ? scan.skipped.map((s) => ({ file: s.relativePath, reason: s.reason })) : undefined],
      ]);
      await writeStdout('\n');
    } else printTable(all, listed.map(entryOf), scan.ignored, scan.skipped);

    if (all.some((f) => f.status === 'unreadable')) return 2;
    if (all.some((f) => f.status === 'errors') || unitsWaiting || failedUnexpectedly) return 1;
    // A clean file that could not be written (no backup possible on a full disk, imported before …) is not a success.
    if (notCommitted.size > 0) return 1;
    return 0;
  },
};
