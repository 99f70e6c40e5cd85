import { describe, expect, it } from 'vitest';
import { benchResult, jsonReport, parseBenchArgs, selectMeasures, tableReport, valuesOf } from '../bench/bench-report.ts';
import type { Measure } from '../bench/measure.ts';

const commit: Measure = {
  name: 'import_100k_commit_s',
  description: 'commit',
  unit: 's',
  max: 3,
  also: [{ name: 'import_100k_rss_mib', description: 'peak', unit: 'MiB', max: 500 }],
  run: () => Promise.resolve({ import_100k_commit_s: 2, import_100k_rss_mib: 600 }),
};
const search: Measure = { name: 'search_p95_ms', description: 'search', unit: 'ms', max: 30, run: () => Promise.resolve(12) };

describe('npm run bench arguments', () => {
  it('reads --json and one name filter in any order', () => {
    expect(parseBenchArgs([])).toEqual({ json: false, filter: null, child: null });
    expect(parseBenchArgs(['--json'])).toEqual({ json: true, filter: null, child: null });
    expect(parseBenchArgs(['search', '--json'])).toEqual({ json: true, filter: 'search', child: null });
    expect(parseBenchArgs(['--json', 'import_100k'])).toEqual({ json: true, filter: 'import_100k', child: null });
  });

  it('takes the child’s measure name as its own, not as a filter', () => {
    expect(parseBenchArgs(['--child', 'search_p95_ms'])).toEqual({ json: false, filter: null, child: 'search_p95_ms' });
  });

  it('refuses an unknown option or a second filter instead of ignoring it', () => {
    expect(() => parseBenchArgs(['--jsno'])).toThrow(/unknown option --jsno/);
    expect(() => parseBenchArgs(['search', 'roster'])).toThrow(/one name filter/);
  });

  it('selects a measure when any of its readings matches the filter', () => {
    const all = [{ measure: commit }, { measure: search }];
    expect(selectMeasures(all, 'rss').map((m) => m.measure.name)).toEqual(['import_100k_commit_s']);
    expect(selectMeasures(all, 'search').map((m) => m.measure.name)).toEqual(['search_p95_ms']);
    expect(selectMeasures(all, null)).toHaveLength(2);
  });
});

describe('the bench report', () => {
  it('prints exactly {"measures": [{name, value, unit, target, ok}]}, a missed target or a failed run not ok', () => {
    const results = [
      ...[...valuesOf(commit, { import_100k_commit_s: 2, import_100k_rss_mib: 600 })].map(([name, value]) => benchResult(name === commit.name ? commit : commit.also![0]!, value)),
      benchResult(search, null),
      benchResult({ name: 'untargeted_ms', description: 'x', unit: 'ms' }, 5),
    ];
    expect(JSON.parse(jsonReport(results))).toEqual({
      measures: [
        { name: 'import_100k_commit_s', value: 2, unit: 's', target: 3, ok: true },
        { name: 'import_100k_rss_mib', value: 600, unit: 'MiB', target: 500, ok: false },
        { name: 'search_p95_ms', value: null, unit: 'ms', target: 30, ok: false },
        { name: 'untargeted_ms', value: 5, unit: 'ms', target: null, ok: true },
      ],
    });
  });

  it('takes a bare number as the measure’s own reading', () => {
    expect([...valuesOf(search, 12)]).toEqual([['search_p95_ms', 12]]);
  });

  it('keeps the table for people, one line per reading', () => {
    const table = tableReport([benchResult(search, 41.26), benchResult(commit, null)]);
    expect(table.split('\n')).toHaveLength(2);
    expect(table).toMatch(/^FAIL {2}search_p95_ms +41\.3 ms +\(target ≤ 30\)/);
    expect(table).toMatch(/FAIL {2}import_100k_commit_s +error s/);
  });
});
