import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import { createBackend, type Backend } from '../../../electron/backend/backend.ts';
import { commitFile } from '../../../electron/backend/import/commit-import.ts';
import { checkStagedFiles } from '../../../electron/backend/import/import-service.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/backend/import/import-limits.ts';
import { prewarmParseWorker, stopParseWorker } from '../../../electron/backend/import/parse-runner.ts';
import { readOptions } from '../../../electron/backend/import/parse-workbook.ts';
import { undoOperation } from '../../../electron/backend/db/tracked-writes.ts';
import { composeIdNumber } from '../../../shared/domain/id-number.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { median, peakRssMiB, type Measure } from '../measure.ts';

/**
 * The importer end to end (stage → parse in the worker → check against the registry → commit in
 * one transaction), on rosters generated here as an agency would send them: a title row, a header,
 * IDs as text, dates as date cells. The 100,000-row measure is a ratio to SheetJS's bare parse of
 * the same bytes with the same read options, so the machine's speed cancels out.
 */

const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞斌辉宇浩凯健俊帆鑫波宁琳婷雪慧颖倩';

export function rosterWorkbook(rows: number): Buffer {
  const aoa: (string | number | Date | null)[][] = [
    ['沅江市公安局行政执法人员花名册'],
    ['序号', '姓名', '性别', '身份证号码', '编制类型', '职务', '执法类别', '执法证号', '发证日期', '有效期至', '联系电话'],
  ];
  const start = Date.UTC(1970, 0, 1);
  for (let i = 0; i < rows; i += 1) {
    const birthDay = 3650 + ((i * 37) % 10950);
    const birth = new Date(start + birthDay * 86_400_000).toISOString().slice(0, 10);
    const seq = (i % 999) + 1;
    const idNumber = composeIdNumber(String(430000 + (Math.floor(i / 999) % 1000)).padStart(6, '0'), birth, seq);
    const name = `${SURNAMES[i % SURNAMES.length] ?? '王'}${GIVEN[(i * 7) % GIVEN.length] ?? '伟'}${i % 3 === 0 ? (GIVEN[(i * 13) % GIVEN.length] ?? '') : ''}`;
    // Issued 2019-07 to 2024-06 (serial 43647 = 2019-07-01): valid on the bench's today, as most cards are.
    const issue = 43647 + (i % 1820);
    aoa.push([i + 1, name, seq % 2 === 1 ? '男' : '女', idNumber, '行政编制', '民警', '公安', `BENCH-${String(i).padStart(7, '0')}`, issue, issue + 1826, `139${String(10_000_000 + i).slice(-8)}`]);
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '花名册');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

const TODAY = '2024-06-30';

/**
 * A sample registry made in a child process (the command line), so this process's memory figure is
 * the importer's and not the sample-data generator's.
 */
async function sampleBackend(): Promise<Backend> {
  process.env['REGISTRY_TODAY'] = TODAY;
  const dataDir = tempDir('registry-bench-import-');
  const child = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron', 'cli', 'registry-cli.ts'), 'sample-data', '--data-dir', dataDir], {
    encoding: 'utf8',
    env: { ...process.env, REGISTRY_QUIET: '1' },
  });
  if (child.status !== 0) throw new Error(`sample data: ${child.stderr}`);
  return createBackend({ dataDir, appRoot: REPO_ROOT, host: 'cli' });
}

function control() {
  return { signal: new AbortController().signal, progress: () => undefined };
}

/** Stage and check one file (up to the preview the clerk sees). */
async function checkOnce(backend: Backend, name: string, bytes: Buffer): Promise<string> {
  const ctx = backend.context;
  const staged = ctx.files.put(name, bytes);
  const [file] = await checkStagedFiles(ctx, [staged.fileId], { encoding: 'auto', agencyUnitId: null }, control());
  if (!file || file.status !== 'ready') throw new Error(`bench roster did not check clean: ${JSON.stringify(file?.sheets[0]?.issues.slice(0, 3))}`);
  return file.checkId;
}

/** Stage, check and commit one file; returns the operation to undo. */
async function importOnce(backend: Backend, name: string, bytes: Buffer): Promise<number> {
  const checkId = await checkOnce(backend, name, bytes);
  return commitFile(backend.context, { checkId, missing: [], skipErrorRows: false, allowRepeat: true, addUnits: false }).operationId;
}

/** Starts the parse worker and runs SheetJS in it once, as an earlier file of the session would have. */
async function warmUp(backend: Backend): Promise<void> {
  await prewarmParseWorker();
  await checkOnce(backend, 'warm.xlsx', rosterWorkbook(3));
}

/**
 * The 100,000-row roster is written by a child process, so that SheetJS's writing does not raise
 * this process's memory high-water mark (`npx node test/bench/measures/import.ts --write-roster N FILE`).
 */
function rosterFile(rows: number): Buffer {
  const file = path.join(tempDir('registry-bench-roster-'), `roster-${rows}.xlsx`);
  const child = spawnSync(process.execPath, [import.meta.filename, '--write-roster', String(rows), file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`writing the bench roster failed: ${child.stderr}`);
  return fs.readFileSync(file);
}

if (import.meta.main && process.argv[2] === '--write-roster') {
  fs.writeFileSync(process.argv[4] ?? 'roster.xlsx', rosterWorkbook(Number(process.argv[3] ?? 1000)));
}

export const measures: Measure[] = [
  {
    name: 'import_1k_s',
    description: '导入 1,032 行名册：解析（在解析线程中）、识别、检查、比对、写入（五次中位数）',
    unit: 's',
    max: 0.3,
    async run() {
      const backend = await sampleBackend();
      const bytes = rosterWorkbook(1032);
      await warmUp(backend);
      // The median of five imports of the same roster, each undone afterwards.
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const start = performance.now();
        const op = await importOnce(backend, `roster-${i}.xlsx`, bytes);
        times.push(performance.now() - start);
        undoOperation(backend.context.db, op, 'bench');
      }
      await stopParseWorker();
      backend.close();
      return median(times) / 1000;
    },
  },
  {
    name: 'import_100k_ratio',
    description: '100,000 行名册从读取到预览就绪（解析、识别、逐格检查、与台账比对）÷ 同一文件 SheetJS 精简选项裸解析（新线程），交替三轮，各轮比值的中位数',
    unit: 'ratio',
    max: 1.0,
    async run() {
      const bytes = rosterFile(100_000);
      const backend = await sampleBackend();
      // The importer parses a large file in a fresh worker thread (stopped afterwards to return its
      // memory), so the bare parse is timed the same way: SheetJS alone, in a fresh thread. The two
      // alternate, so a burst of other work on the machine hits both sides of one ratio.
      const ratios: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        const bare = await bareParseInFreshThreadMs(bytes);
        gc();
        const start = performance.now();
        await checkOnce(backend, `roster-100k-${round}.xlsx`, bytes);
        const total = performance.now() - start;
        await stopParseWorker();
        gc();
        process.stderr.write(`round ${round + 1}: bare parse ${bare.toFixed(0)} ms, check ${total.toFixed(0)} ms\n`);
        ratios.push(total / bare);
      }
      backend.close();
      return median(ratios);
    },
  },
  {
    name: 'import_100k_commit_s',
    description: '写入已检查的 100,000 行名册（10 万人、10 万个证件及发证记录和全部变更记录），一次',
    unit: 's',
    max: 3,
    also: [{ name: 'import_100k_rss_mib', description: '检查并写入 100,000 行名册时本进程（含解析线程）的内存峰值', unit: 'MiB', max: 500 }],
    async run() {
      const bytes = rosterFile(100_000);
      gc();
      const backend = await sampleBackend();
      const checkId = await checkOnce(backend, 'roster-100k.xlsx', bytes);
      const start = performance.now();
      commitFile(backend.context, { checkId, missing: [], skipErrorRows: false, allowRepeat: true, addUnits: false });
      const commitS = (performance.now() - start) / 1000;
      await stopParseWorker();
      backend.close();
      return { import_100k_commit_s: commitS, import_100k_rss_mib: peakRssMiB() };
    },
  },
  {
    name: 'folder_23_s',
    description: '检查一个县的 23 份报送文件（名册、目录、清单；xlsx/xls/et/ods/csv，test/fixtures/import-real/county），三次中位数',
    unit: 's',
    max: 3,
    async run() {
      const files = folderFiles(path.join(REPO_ROOT, 'test', 'fixtures', 'import-real', 'county'));
      if (files.length !== 23) throw new Error(`expected 23 submissions, found ${files.length}`);
      const backend = await sampleBackend();
      const times: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        const start = performance.now();
        const ids = files.map((f) => backend.context.files.put(path.basename(f), fs.readFileSync(f)).fileId);
        const checked = await checkStagedFiles(backend.context, ids, { encoding: 'auto', agencyUnitId: null }, control());
        times.push(performance.now() - start);
        if (checked.length !== 23) throw new Error(`checked ${checked.length} of 23 files`);
      }
      await stopParseWorker();
      backend.close();
      return median(times) / 1000;
    },
  },
];

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Every file under a folder, as a clerk drops it on the page. */
function folderFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** SheetJS alone, with the importer's read options, in a new thread (cold, like the parse worker). */
function bareParseInFreshThreadMs(bytes: Buffer): Promise<number> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const XLSX = require(workerData.xlsxPath);
    const start = performance.now();
    XLSX.read(workerData.bytes, workerData.options);
    parentPort.postMessage(performance.now() - start);`;
  const worker = new Worker(source, {
    eval: true,
    workerData: { bytes, options: { ...readOptions(DEFAULT_IMPORT_LIMITS.maxRows), type: 'buffer' }, xlsxPath: createRequire(import.meta.url).resolve('xlsx') },
  });
  return new Promise<number>((resolve, reject) => {
    worker.once('message', (ms: number) => {
      void worker.terminate();
      resolve(ms);
    });
    worker.once('error', reject);
  });
}
