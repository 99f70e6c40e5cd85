import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Measure } from './measure.ts';

/**
 * `npm run bench [-- name-filter]`: runs every measure exported (as `measures`) by the modules in
 * test/bench/measures/, each in a fresh Node process, prints a table, writes
 * test-results/bench.json, and exits 1 when a measure misses its target.
 */

const here = import.meta.dirname;
const measuresDir = path.join(here, 'measures');

async function loadMeasures(): Promise<{ file: string; measure: Measure }[]> {
  const files = fs.readdirSync(measuresDir).filter((f) => f.endsWith('.ts')).sort();
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
  const value = await found.measure.run();
  process.stdout.write(`\n@@BENCH ${JSON.stringify({ name, value })}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const childIndex = args.indexOf('--child');
  if (childIndex >= 0) {
    await runChild(args[childIndex + 1] ?? '');
    return;
  }
  const filter = args.find((a) => !a.startsWith('--'));
  const all = (await loadMeasures()).filter(({ measure }) => !filter || measure.name.includes(filter));
  const results: { name: string; description: string; value: number | null; unit: string; max: number | null; ok: boolean }[] = [];
  for (const { measure } of all) {
    process.stdout.write(`… ${measure.name}\n`);
    const child = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, '--child', measure.name], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REGISTRY_QUIET: '1' },
    });
    const line = /@@BENCH (.+)/.exec(child.stdout ?? '')?.[1];
    const value = line ? (JSON.parse(line) as { value: number }).value : null;
    if (value === null) process.stdout.write(`${child.stdout}\n${child.stderr}\n`);
    const ok = value !== null && (measure.max === undefined || value <= measure.max);
    results.push({ name: measure.name, description: measure.description, value, unit: measure.unit, max: measure.max ?? null, ok });
  }
  const rows = results.map((r) => `${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(40)} ${r.value === null ? 'error' : r.value.toFixed(r.unit === 'ratio' ? 2 : 1).padStart(10)} ${r.unit.padEnd(5)} ${r.max === null ? '' : `(target ≤ ${r.max})`}  ${r.description}`);
  process.stdout.write(`\n${rows.join('\n')}\n`);
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync(path.join('test-results', 'bench.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

await main();
