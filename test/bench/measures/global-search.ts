import { createBackend, type Backend } from '../../../electron/backend/backend.ts';
import { namePinyin } from '../../../electron/backend/personnel/name-initials.ts';
import { DEFAULT_SEARCH_SYNONYMS } from '../../../shared/domain/search-synonyms.ts';
import { REPO_ROOT, tempDir } from '../../helpers/paths.ts';
import { percentile, type Measure } from '../measure.ts';

/**
 * The header's search (search.global) on the sample data, through the backend's entry point as
 * the page calls it: what the clerk types while looking someone or something up, keystroke by
 * keystroke (every prefix of each query, since each may be the last before the pause): full and
 * spaced pinyin, initials, names, ID and card number fragments, unit abbreviations, catalog words
 * and their abbreviations. Target: the answer within 100 ms of the last keystroke (issue 11).
 */

async function sampleBackend(): Promise<Backend> {
  const backend = await createBackend({ dataDir: tempDir(), appRoot: REPO_ROOT, host: 'cli' });
  const result = await backend.call('system.generateSampleData', { seed: 2023 });
  if (!result.ok) throw new Error(result.error.message);
  return backend;
}

function queries(backend: Backend): string[] {
  const db = backend.context.db;
  const people = db.prepare(`SELECT name, name_initials, id_number FROM personnel WHERE id % 97 = 0`).all() as { name: string; name_initials: string; id_number: string }[];
  const cards = db.prepare(`SELECT cert_number FROM certificate_current WHERE cert_number IS NOT NULL AND person_id % 131 = 0`).pluck().all() as string[];
  const typed: string[] = [];
  for (const p of people) {
    typed.push(namePinyin(p.name), `${namePinyin(p.name.slice(0, 1))} ${namePinyin(p.name.slice(1))}`, p.name_initials, p.name, p.id_number.slice(-6));
  }
  typed.push(...cards.map((c) => c.slice(-6)));
  typed.push(...DEFAULT_SEARCH_SYNONYMS.map((s) => s.short), '沅江', '公安局', '食品经营', '许可证', '营业执照', '检查', '安全生产');
  // Each prefix of each query, as the debounced box may send any of them.
  const out: string[] = [];
  for (const q of typed) for (let i = 1; i <= q.length; i += 1) out.push(q.slice(0, i));
  return out;
}

export const measures: Measure[] = [
  {
    name: 'search.global.sample.p95.ms',
    description: 'the header search (people, units, catalog, lists) on the sample data, p95 over every prefix of ~100 typed queries',
    unit: 'ms',
    max: 100,
    async run() {
      const backend = await sampleBackend();
      try {
        const qs = queries(backend);
        const call = async (q: string) => {
          const r = await backend.call('search.global', { q, limit: 6 });
          if (!r.ok) throw new Error(`${q}: ${r.error.message}`);
        };
        for (const q of qs.slice(0, 20)) await call(q);
        const times: number[] = [];
        for (const q of qs) {
          const start = performance.now();
          await call(q);
          times.push(performance.now() - start);
        }
        console.log(`search.global: ${qs.length} queries, median ${percentile(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
        return percentile(times, 95);
      } finally {
        backend.close();
      }
    },
  },
];
