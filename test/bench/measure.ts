/** What a figure is counted in; `s` and `ms` are times, `ratio` a time divided by a baseline's. */
export type BenchUnit = 's' | 'ms' | 'ratio' | 'MiB' | 'count';

/** One named figure of the benchmark and its target. */
export interface Reading {
  /** Stable name, e.g. `import_1k_s` (the names of issue 13's table are the contract). */
  name: string;
  description: string;
  unit: BenchUnit;
  /** The value must not exceed this. */
  max?: number;
}

/**
 * One benchmark measure. `npm run bench` runs each in its own Node process (so memory figures are
 * not polluted by the others) and compares it with its target. A measure whose setup is costly
 * (a 100,000-row registry) may yield further readings from the same run (`also`); `run` then
 * answers every reading by name.
 */
export interface Measure extends Reading {
  also?: Reading[];
  run(): Promise<number | Record<string, number>>;
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Median of a list of numbers (the lower middle one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Median of `runs` timings of `fn` in milliseconds, after one warm-up. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
