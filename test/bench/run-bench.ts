import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchResult, jsonReport, parseBenchArgs, readingsOf, selectMeasures, tableReport, valuesOf, type BenchResult } from './bench-report.ts';
import type { Measure } from './measure.ts';

/**
 * `npm run bench [-- --json] [name-filter]`: runs every measure exported (as `measures`) by the
 * modules in test/bench/measures/, each in a fresh Node process, prints a table (or, with --json,
 * only `{"measures": [...]}` on stdout, progress on stderr), writes test-results/bench.json, and
 * exits 1 when a reading misses its target.
 */

const here = import.meta.dirname;
const measuresDir = path.join(here, 'measures');

async function loadMeasures(): Promise<{ file: string; measure: Measure }[]> {
  const files = fs
    .readdirSync(measuresDir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const out: { file: string; measure: Measure }[] = [];
  for (const file of files) {
    const mod = (await import(path.join(measuresDir, file))) as { measures?: Measure[] };
    for (const measure of mod.measures ?? []) out.push({ file, measure });
  }
  return out;
}

async function runChild(name: string): Promise<void> {
  const all = await loadMeasures();
  const found = all.find((m) => m.measure.name === name);
  if (!found) throw new Error(`no measure ${name}`);
  const values = valuesOf(found.measure, await found.measure.run());
  process.stdout.write(`\n@@BENCH ${JSON.stringify(Object.fromEntries(values))}\n`);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.child !== null) {
    await runChild(args.child);
    return;
  }
  // With --json, stdout carries the report alone.
  const progress = args.json ? process.stderr : process.stdout;
  const results: BenchResult[] = [];
  for (const { measure } of selectMeasures(await loadMeasures(), args.filter)) {
    progress.write(`… ${measure.name}\n`);
    const child = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, '--child', measure.name], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REGISTRY_QUIET: '1' },
    });
    if (child.stderr) process.stderr.write(child.stderr);
    const line = /@@BENCH (.+)/.exec(child.stdout ?? '')?.[1];
    const values = line ? new Map(Object.entries(JSON.parse(line) as Record<string, number>)) : new Map<string, number>();
    if (!line) progress.write(`${child.stdout}\n`);
    for (const reading of readingsOf(measure)) results.push(benchResult(reading, values.get(reading.name) ?? null));
  }
  if (args.json) process.stdout.write(`${jsonReport(results)}\n`);
  else process.stdout.write(`\n${tableReport(results)}\n`);
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync(path.join('test-results', 'bench.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

await main();
