import fs from 'node:fs';
import path from 'node:path';
import { createBackend } from '../../../electron/backend/backend.ts';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/backend/import/import-limits.ts';
import { checkStagedFiles } from '../../../electron/backend/import/import-service.ts';
import { prewarmParseWorker, runParse, stopParseWorker } from '../../../electron/backend/import/parse-runner.ts';
import { parseWorkbook } from '../../../electron/backend/import/parse-workbook.ts';
import { HOSTILE_FILES } from '../../fixtures/import/hostile/hostile-files.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { peakRssMiB, type Measure } from '../measure.ts';
import { rosterWorkbook } from './import.ts';

/**
 * The parse worker's cost for the files agencies really send, and what each hostile file costs
 * with the product's caps (`npm run bench -- hostile`). Each measure runs in its own process, so
 * the peak memory is that of the file alone (this process, the worker thread included). Targets:
 * a hostile file ends within the time cap per file and well under a gigabyte and a half (the
 * worker's heap cap is 1 GB; before the caps, several of these ran for minutes and past 4 GB).
 */

const control = () => ({ signal: new AbortController().signal, progress: () => undefined });
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'import', '公安局-执法人员花名册.xlsx');
/** The two small files: the messy 6 KB fixture (three sheets) and a 1,032-row roster. */
const smallFiles = (): { label: string; bytes: Buffer }[] => [
  { label: 'fixture', bytes: fs.readFileSync(FIXTURE) },
  { label: 'roster-1032', bytes: rosterWorkbook(1032) },
];

async function median(runs: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? 0;
}

function hostileBytes(slug: string): { name: string; bytes: Buffer } {
  const file = HOSTILE_FILES.find((f) => f.slug === slug);
  if (!file) throw new Error(`no hostile file ${slug}`);
  return { name: file.name, bytes: file.make() };
}

/** Stage and check one file through the importer, as the 导入 page does; the outcome goes to stderr. */
async function checkHostile(file: { name: string; bytes: Buffer }): Promise<void> {
  const { bytes } = file;
  const backend = await createBackend({ dataDir: tempDir('registry-bench-hostile-'), appRoot: REPO_ROOT, host: 'cli' });
  const staged = backend.context.files.put(file.name, bytes);
  const [checked] = await checkStagedFiles(backend.context, [staged.fileId], { encoding: 'auto', agencyUnitId: null }, control());
  await stopParseWorker();
  backend.close();
  const issues = checked?.sheets.flatMap((s) => s.issues.filter((i) => i.severity !== 'note').map((i) => i.code)) ?? [];
  process.stderr.write(`${file.name} (${(bytes.length / 1024).toFixed(0)} KB): ${checked?.error?.code ?? `${checked?.status ?? '?'} ${[...new Set(issues)].join(' ')}`}\n`);
}

const hostileMeasures: Measure[] = HOSTILE_FILES.flatMap((f): Measure[] => [
  {
    name: `hostile.${f.slug}.ms`,
    description: `${f.what}：读取并检查到出结果的时间`,
    unit: 'ms',
    max: DEFAULT_IMPORT_LIMITS.maxParseMs,
    async run() {
      const file = hostileBytes(f.slug);
      const start = performance.now();
      await checkHostile(file);
      return performance.now() - start;
    },
  },
  {
    name: `hostile.${f.slug}.peak-MiB`,
    description: `${f.what}：本进程（含解析线程）的内存峰值`,
    unit: 'MiB',
    max: 1536,
    async run() {
      await checkHostile(hostileBytes(f.slug));
      return peakRssMiB();
    },
  },
]);

export const measures: Measure[] = [
  {
    name: 'import.worker-start.ms',
    description: '启动解析线程并载入 SheetJS，到它答复第一个文件（冷启动，五次中位数）',
    unit: 'ms',
    async run() {
      return median(5, async () => {
        await stopParseWorker();
        await prewarmParseWorker();
      });
    },
  },
  ...['fixture', 'roster-1032'].flatMap((label): Measure[] => [
    {
      name: `import.small-file.${label}.warm-worker.ms`,
      description: `在已启动的解析线程中读取${label === 'fixture' ? '公安局花名册 fixture（6 KB，三张工作表）' : ' 1,032 行名册'}，含传入传出（五次中位数）`,
      unit: 'ms',
      async run() {
        const bytes = smallFiles().find((f) => f.label === label)?.bytes ?? Buffer.alloc(0);
        await prewarmParseWorker();
        const ms = await median(5, async () => {
          await runParse(bytes, { fileName: 'roster.xlsx', encoding: 'auto', limits: DEFAULT_IMPORT_LIMITS });
        });
        await stopParseWorker();
        return ms;
      },
    },
    {
      name: `import.small-file.${label}.same-thread.ms`,
      description: '同一文件在调用线程中直接解析（此前 512 KB 以下文件的做法，仅作对照；五次中位数）',
      unit: 'ms',
      async run() {
        const bytes = smallFiles().find((f) => f.label === label)?.bytes ?? Buffer.alloc(0);
        const parse = () => parseWorkbook(bytes, { fileName: 'roster.xlsx', encoding: 'auto', limits: DEFAULT_IMPORT_LIMITS });
        await parse();
        return median(5, async () => {
          await parse();
        });
      },
    },
  ]),
  ...hostileMeasures,
];
