import { LIST_KINDS, type ListKind } from '../../../shared/domain/list-kinds.ts';
import { articleRef } from './chinese-numerals.ts';
import { CONDITIONS, LIST_LEGAL_BASIS, NO_COERCION_CONDITIONS, PLANNED_DUPLICATES, REDUCED_DISCRETION, type PenaltyDomain, type Violation } from './penalty-vocabulary.ts';
import type { Random } from './random.ts';
import type { UnitKey } from './units-catalog.ts';

/**
 * One agency's four lists, built from its vocabulary. Each violation appears at most once per
 * agency, except the planned overlaps (PLANNED_DUPLICATES), which are placed exactly where planned.
 */

export interface PenaltyItemRow {
  listKind: ListKind;
  matter: string | null;
  violation: string;
  violationBasis: string;
  penaltyBasis: string;
  conditions: string;
  discretion: string | null;
  sortOrder: number;
}

/** Agencies whose lists carry a 监管领域 column; the others leave it empty, as many real lists do. */
const WITH_MATTER: ReadonlySet<UnitKey> = new Set(['sc', 'ny', 'hb', 'jt', 'yj', 'wj', 'zj', 'cg']);

function pool(domain: PenaltyDomain): Violation[] {
  const combined = domain.parties.flatMap((p) => domain.obligations.map((o) => ({ text: `${p.name}${o}的`, law: p.law })));
  const seen = new Set<string>();
  return [...domain.violations, ...combined].filter((v) => !seen.has(v.text) && seen.add(v.text));
}

function bases(rng: Random, law: string, kind: ListKind): { violationBasis: string; penaltyBasis: string } {
  const article = rng.int(8, 60);
  return {
    violationBasis: articleRef(law, article),
    penaltyBasis: `${articleRef(law, article + rng.int(5, 40))}；${LIST_LEGAL_BASIS[kind]}`,
  };
}

export function buildPenaltyItems(rng: Random, key: UnitKey, domain: PenaltyDomain, counts: Readonly<Record<ListKind, number>>): PenaltyItemRow[] {
  const planned = PLANNED_DUPLICATES.flatMap((d) => d.placements.filter((p) => p.key === key).map((p) => ({ list: p.list, violation: { text: d.text, law: d.law } })));
  const plannedTexts = new Set(PLANNED_DUPLICATES.map((d) => d.text));
  const available = rng.shuffle(pool(domain).filter((v) => !plannedTexts.has(v.text)));
  const needed = LIST_KINDS.filter((k) => k !== 'no_coercion').reduce((s, k) => s + counts[k], 0) - planned.length;
  if (available.length < needed) throw new Error(`${key}: list vocabulary yields ${available.length} violations, ${needed} needed`);

  const rows: PenaltyItemRow[] = [];
  const matter = WITH_MATTER.has(key) ? domain.field : null;
  for (const kind of LIST_KINDS) {
    const count = counts[kind];
    if (count === 0) continue;
    if (kind === 'no_coercion') {
      const measures = domain.measures ?? [];
      if (measures.length < count) throw new Error(`${key}: ${measures.length} coercive measures, ${count} needed`);
      measures.slice(0, count).forEach((m, i) => {
        const article = rng.int(10, 60);
        rows.push({
          listKind: kind,
          matter: m.matter,
          violation: m.measure,
          violationBasis: articleRef(m.law, article),
          penaltyBasis: `${LIST_LEGAL_BASIS.no_coercion}；${articleRef(m.law, article + rng.int(1, 20))}`,
          conditions: rng.pick(NO_COERCION_CONDITIONS),
          discretion: null,
          sortOrder: i + 1,
        });
      });
      continue;
    }
    const mine = planned.filter((p) => p.list === kind).map((p) => p.violation);
    const taken = available.splice(0, count - mine.length);
    // Planned overlaps sit at a random place in the list, not conspicuously first.
    const list = rng.shuffle([...mine, ...taken]);
    list.forEach((v, i) => {
      rows.push({
        listKind: kind,
        matter,
        violation: v.text,
        ...bases(rng, v.law, kind),
        conditions: rng.pick(CONDITIONS[kind]),
        discretion: kind === 'reduced_penalty' ? rng.pick(REDUCED_DISCRETION) : null,
        sortOrder: i + 1,
      });
    });
  }
  return rows;
}
