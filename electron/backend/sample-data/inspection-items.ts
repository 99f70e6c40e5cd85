import type { InspectionCategory } from '../../../shared/domain/list-kinds.ts';
import { articleRef } from './chinese-numerals.ts';
import type { Aspect, InspectionDomain, InspectionTarget } from './inspection-vocabulary.ts';
import type { Random } from './random.ts';

/**
 * One agency's 分类检查事项目录, built from its vocabulary: `count` distinct items, `keyCount` of
 * them 重点检查事项 (taken from high-risk targets first), in catalog order (grouped by target) with
 * codes like NY-JC-001.
 */

export interface InspectionItemRow {
  itemCode: string;
  name: string;
  category: InspectionCategory;
  basis: string;
  subject: string;
  undertakingBody: string;
  target: string;
  content: string;
  method: string;
  frequency: string;
  sortOrder: number;
}

const GENERAL_METHODS = ['双随机抽查', '双随机抽查、书面检查', '现场检查', '书面检查', '双随机抽查、现场检查', '信用风险分类抽查'] as const;
const KEY_METHODS = ['现场检查', '重点检查、现场检查', '专项检查、现场检查', '现场检查、书面检查'] as const;
const GENERAL_FREQUENCIES = ['按照“双随机、一公开”年度抽查计划执行，抽查比例不低于5%', '每年抽查比例不低于3%', '按年度抽查计划实施', '根据投诉举报、上级交办等情况实施'] as const;
const KEY_FREQUENCIES = ['每年不少于1次', '每半年不少于1次', '每季度不少于1次', '全覆盖检查，每年不少于1次'] as const;

interface Combo {
  targetIndex: number;
  /** -1: the umbrella item 对…的监督检查. */
  aspectIndex: number;
}

function numbered(lines: readonly string[]): string {
  if (lines.length === 1) return `${lines[0] ?? ''}。`;
  // Numbered lines joined by line breaks, as agencies write them; the UI must keep the breaks.
  return lines.map((line, i) => `${i + 1}.${line}${i === lines.length - 1 ? '。' : '；'}`).join('\n');
}

function contentOf(rng: Random, target: InspectionTarget, aspects: readonly Aspect[], aspectIndex: number): string {
  const fill = (line: string) => line.replaceAll('{对象}', target.name);
  if (aspectIndex >= 0) return numbered((aspects[aspectIndex]?.content ?? []).map(fill));
  const picked = rng.sample(aspects, Math.min(3, aspects.length)).map((a) => fill(a.content[0] ?? a.label));
  return numbered(picked);
}

function basisOf(rng: Random, target: InspectionTarget): string {
  const [first, second] = target.laws;
  const refs = [articleRef(first ?? '', rng.int(5, 60))];
  if (second && rng.chance(0.4)) refs.push(articleRef(second, rng.int(5, 60)));
  return refs.join('；');
}

export function buildInspectionItems(rng: Random, domain: InspectionDomain, agencyName: string, count: number, keyCount: number): InspectionItemRow[] {
  const combos: Combo[] = [];
  domain.targets.forEach((_, targetIndex) => {
    for (let aspectIndex = -1; aspectIndex < domain.aspects.length; aspectIndex += 1) combos.push({ targetIndex, aspectIndex });
  });
  if (combos.length < count) throw new Error(`${agencyName}: vocabulary yields ${combos.length} items, ${count} needed`);

  const chosen = rng.sample(combos, count);
  // Key items from high-risk targets first, then from the rest; random within each group.
  const riskFirst = [...rng.shuffle(chosen.filter((c) => domain.targets[c.targetIndex]?.risky)), ...rng.shuffle(chosen.filter((c) => !domain.targets[c.targetIndex]?.risky))];
  const keySet = new Set(riskFirst.slice(0, keyCount));

  const ordered = [...chosen].sort((a, b) => a.targetIndex - b.targetIndex || a.aspectIndex - b.aspectIndex);
  return ordered.map((combo, i) => {
    const target = domain.targets[combo.targetIndex] as InspectionTarget;
    const aspect = domain.aspects[combo.aspectIndex];
    const isKey = keySet.has(combo);
    return {
      itemCode: `${domain.codePrefix}-JC-${String(i + 1).padStart(3, '0')}`,
      name: aspect ? `对${target.name}${aspect.label}的检查` : `对${target.name}的监督检查`,
      category: isKey ? '重点检查事项' : '一般检查事项',
      basis: basisOf(rng, target),
      subject: agencyName,
      undertakingBody: domain.bodies[combo.targetIndex % domain.bodies.length] ?? agencyName,
      target: target.name,
      content: contentOf(rng, target, domain.aspects, combo.aspectIndex),
      method: isKey ? rng.pick(KEY_METHODS) : rng.pick(GENERAL_METHODS),
      frequency: isKey ? rng.pick(KEY_FREQUENCIES) : rng.pick(GENERAL_FREQUENCIES),
      sortOrder: i + 1,
    };
  });
}
