import { describe, expect, it } from 'vitest';
import { findDuplicateFlags, normalizeViolationText, type ListEntryForComparison } from '../../shared/domain/violation-text.ts';
import { normaliseKeyText } from '../../shared/import/text-normalise.ts';

describe('normalizeViolationText', () => {
  it.each([
    ['施工现场未采取覆盖、分段作业等扬尘污染防治措施的', '施工现场未采取覆盖分段作业等扬尘污染防治措施'],
    ['  施工现场未采取覆盖，分段作业等扬尘污染防治措施  ', '施工现场未采取覆盖分段作业等扬尘污染防治措施'],
    ['1.施工现场未采取覆盖、分段作业等\n扬尘污染防治措施的。', '施工现场未采取覆盖分段作业等扬尘污染防治措施'],
    ['（一）施工现场未采取覆盖、分段作业等扬尘污染防治措施的；', '施工现场未采取覆盖分段作业等扬尘污染防治措施'],
    ['违反《ＸＸ条例》第５条之规定', '违反xx条例第5条的规定'],
    ['未取得许可或者超范围经营的', '未取得许可或超范围经营'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeViolationText(raw)).toBe(expected);
  });

  it('treats full-width and half-width, spacing and punctuation variants as the same violation', () => {
    const a = normalizeViolationText('农药经营者未按规定建立采购、销售台账的');
    expect(normalizeViolationText('农药经营者未按规定建立采购,销售台账')).toBe(a);
    expect(normalizeViolationText('农药经营者 未按规定 建立采购／销售台账的')).toBe(a);
    expect(normalizeViolationText('农药经营者未按规定建立采购销售台账')).toBe(a);
  });

  it('keeps different violations apart', () => {
    expect(normalizeViolationText('农药经营者未按规定建立采购台账的')).not.toBe(normalizeViolationText('农药经营者未按规定建立销售台账的'));
    expect(normalizeViolationText('未按规定公示许可证件的')).not.toBe(normalizeViolationText('未按规定悬挂许可证件的'));
  });
});

function entry(id: number, unitId: number, listKind: ListEntryForComparison['listKind'], violation: string): ListEntryForComparison {
  return { id, unitId, listKind, violation };
}

describe('findDuplicateFlags', () => {
  it('flags the same violation in two agencies, written differently', () => {
    const flags = findDuplicateFlags([
      entry(1, 10, 'no_penalty', '施工现场未采取扬尘污染防治措施的'),
      entry(2, 11, 'no_penalty', '施工现场未采取扬尘污染防治措施。'),
      entry(3, 11, 'no_penalty', '其他违法行为的'),
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.kind).toBe('cross_agency');
    expect(flags[0]?.entries.map((e) => e.id)).toEqual([1, 2]);
    expect(flags[0]?.reason).toContain('2 个单位');
  });

  it('flags one agency listing a violation both as 不予处罚 and 从轻 (or 减轻), not 从轻 with 减轻', () => {
    const flags = findDuplicateFlags([
      entry(1, 10, 'no_penalty', '食品经营者未按规定悬挂许可证的'),
      entry(2, 10, 'lighter_penalty', '食品经营者未按规定悬挂许可证'),
      entry(3, 12, 'lighter_penalty', '生产经营单位未设置安全警示标志的'),
      entry(4, 12, 'reduced_penalty', '生产经营单位未设置安全警示标志的'),
      entry(5, 13, 'no_penalty', '未按规定报送材料的'),
      entry(6, 13, 'reduced_penalty', '未按规定报送材料的'),
    ]);
    const same = flags.filter((f) => f.kind === 'same_agency');
    expect(same.map((f) => f.entries.map((e) => e.id))).toEqual([
      [1, 2],
      [5, 6],
    ]);
    expect(same[0]?.reason).toContain('“不予处罚”和“从轻处罚”');
    expect(same[1]?.reason).toContain('“不予处罚”和“减轻处罚”');
  });

  it('flags a violation listed twice in one list of one agency', () => {
    const flags = findDuplicateFlags([entry(1, 10, 'no_penalty', '未按规定报送材料的'), entry(2, 10, 'no_penalty', '未按规定报送材料')]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.reason).toContain('重复列出');
  });

  it('does not compare coercive measures (不予实施行政强制措施) with violations', () => {
    expect(findDuplicateFlags([entry(1, 10, 'no_coercion', '查封场所'), entry(2, 11, 'no_coercion', '查封场所')])).toEqual([]);
  });

  it('gives a flag a key that changes when another agency joins it', () => {
    const two = findDuplicateFlags([entry(1, 10, 'no_penalty', '甲行为的'), entry(2, 11, 'no_penalty', '甲行为')]);
    const again = findDuplicateFlags([entry(7, 10, 'no_penalty', '甲行为的'), entry(8, 11, 'no_penalty', '甲行为')]);
    const three = findDuplicateFlags([entry(1, 10, 'no_penalty', '甲行为的'), entry(2, 11, 'no_penalty', '甲行为'), entry(3, 12, 'no_penalty', '甲行为')]);
    expect(again[0]?.key).toBe(two[0]?.key);
    expect(three[0]?.key).not.toBe(two[0]?.key);
  });
});

describe('one comparable form for the duplicate review and the importer', () => {
  it('reads traditional characters as simplified, like every other key text', () => {
    expect(normalizeViolationText('未按規定報送材料的')).toBe(normalizeViolationText('未按规定报送材料'));
  });

  it('builds on normaliseKeyText: whatever it treats as equal, the violation rule does too', () => {
    for (const [a, b] of [
      ['食品经营者 未按规定悬挂许可证', '食品经营者未按规定悬挂许可证。'],
      ['ＡＢＣ违法行为', 'abc违法行为'],
    ] as const) {
      expect(normaliseKeyText(a)).toBe(normaliseKeyText(b));
      expect(normalizeViolationText(a)).toBe(normalizeViolationText(b));
    }
  });
});
