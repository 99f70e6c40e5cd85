import type { BenchUnit, Measure, Reading } from './measure.ts';

/** What `npm run bench [-- --json] [filter]` was asked for; `--child NAME` is the runner's own call of one measure. */
export interface BenchArgs {
  json: boolean;
  filter: string | null;
  child: string | null;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const childIndex = argv.indexOf('--child');
  const child = childIndex >= 0 ? (argv[childIndex + 1] ?? '') : null;
  const positional = argv.filter((a, i) => !a.startsWith('--') && !(childIndex >= 0 && i === childIndex + 1));
  const unknown = argv.find((a) => a.startsWith('--') && a !== '--json' && a !== '--child');
  if (unknown) throw new Error(`unknown option ${unknown} (usage: npm run bench [-- --json] [name-filter])`);
  if (positional.length > 1) throw new Error(`one name filter at most, got: ${positional.join(' ')}`);
  return { json: argv.includes('--json'), filter: positional[0] ?? null, child };
}

/** Every reading a measure yields: its own, then its companions'. */
export function readingsOf(measure: Measure): Reading[] {
  return [measure, ...(measure.also ?? [])];
}

/** The measures to run: those with any reading whose name contains the filter. */
export function selectMeasures<T extends { measure: Measure }>(all: readonly T[], filter: string | null): T[] {
  return all.filter(({ measure }) => filter === null || readingsOf(measure).some((r) => r.name.includes(filter)));
}

/** A measure's run answers a number (its own reading) or a value per reading name. */
export function valuesOf(measure: Measure, answer: number | Record<string, number>): Map<string, number> {
  if (typeof answer === 'number') return new Map([[measure.name, answer]]);
  return new Map(readingsOf(measure).flatMap((r) => (typeof answer[r.name] === 'number' ? [[r.name, answer[r.name] as number] as const] : [])));
}

export interface BenchResult {
  name: string;
  description: string;
  /** null when the measure failed to produce it. */
  value: number | null;
  unit: BenchUnit;
  target: number | null;
  ok: boolean;
}

export function benchResult(reading: Reading, value: number | null): BenchResult {
  const target = reading.max ?? null;
  return { name: reading.name, description: reading.description, value, unit: reading.unit, target, ok: value !== null && (target === null || value <= target) };
}

/** The machine-readable report: exactly `{"measures": [{name, value, unit, target, ok}]}` (issue 13's contract). */
export function jsonReport(results: readonly BenchResult[]): string {
  return JSON.stringify({ measures: results.map(({ name, value, unit, target, ok }) => ({ name, value, unit, target, ok })) });
}

const DECIMALS: Record<BenchUnit, number> = { s: 2, ms: 1, ratio: 2, MiB: 0, count: 0 };

/** The table for people: one line per reading, PASS or FAIL against its target. */
export function tableReport(results: readonly BenchResult[]): string {
  return results
    .map((r) => {
      const value = r.value === null ? 'error' : r.value.toFixed(DECIMALS[r.unit]);
      return `${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(40)} ${value.padStart(10)} ${r.unit.padEnd(5)} ${r.target === null ? '' : `(target ≤ ${r.target})`}  ${r.description}`;
    })
    .join('\n');
}
