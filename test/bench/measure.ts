/**
 * One named benchmark measure. `npm run bench` runs each in its own Node process (so memory figures
 * are not polluted by the others) and compares it with its target.
 */
export interface Measure {
  /** Stable name, e.g. `import.roster-1032.ms`. */
  name: string;
  description: string;
  unit: 'ms' | 'ratio' | 'MiB' | 'count';
  /** The value must not exceed this. */
  max?: number;
  run(): Promise<number>;
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
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
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
