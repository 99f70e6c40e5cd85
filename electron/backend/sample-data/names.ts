import type { Sex } from '../../../shared/domain/personnel-fields.ts';
import type { Random } from './random.ts';

/**
 * Plausible Chinese personal names for a Hunan county. Surnames are weighted roughly as they occur
 * in Hunan (刘、李、陈 lead; 曾、谭、彭、贺 are far more common there than nationally), so common
 * full names (张伟, 刘敏, 李静) repeat the way they do in a real roster, which the search must cope
 * with. Given-name characters come from curated lists of ordinary name characters, and a short
 * list of well-known unfortunate homophones is refused.
 */

// prettier-ignore
const SURNAMES: readonly (readonly [string, number])[] = [
  ['刘', 75], ['李', 70], ['陈', 65], ['王', 50], ['张', 50], ['周', 40], ['杨', 28], ['黄', 35], ['罗', 30],
  ['彭', 30], ['曾', 28], ['邓', 25], ['谭', 25], ['胡', 25], ['肖', 20], ['唐', 20], ['贺', 15], ['吴', 15],
  ['何', 15], ['蒋', 13], ['龚', 12], ['熊', 12], ['廖', 12], ['赵', 12], ['谢', 12], ['汤', 10], ['向', 10],
  ['易', 10], ['夏', 10], ['徐', 10], ['朱', 10], ['郭', 10], ['段', 8], ['文', 8], ['钟', 8], ['邹', 8],
  ['袁', 8], ['余', 8], ['姚', 7], ['丁', 6], ['万', 6], ['孙', 6], ['卢', 6], ['戴', 6], ['雷', 6], ['高', 6],
  ['郑', 6], ['许', 6], ['付', 5], ['严', 5], ['方', 5], ['梁', 5], ['田', 5], ['石', 5], ['宋', 5], ['蔡', 5],
  ['康', 4], ['莫', 4], ['邱', 4], ['潘', 4], ['魏', 4], ['冯', 4], ['皮', 3], ['符', 3], ['欧阳', 3],
];

// prettier-ignore
const MALE_FIRST = [
  '志', '建', '国', '文', '海', '永', '俊', '家', '子', '宇', '浩', '晓', '明', '天', '振', '立', '德', '正', '光',
  '新', '世', '嘉', '泽', '伟', '红', '卫', '学', '小', '长', '金', '玉', '克', '云', '湘', '鹏', '少',
] as const;
// prettier-ignore
const MALE_SECOND = [
  '伟', '强', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '磊',
  '宇', '浩', '俊', '峰', '亮', '东', '林', '建', '国', '文', '海', '成', '兵', '春', '宏', '彬', '凯', '健',
  '晖', '锋', '龙', '坤', '毅', '翔', '晨', '阳', '哲', '轩', '博', '帆', '航', '泽', '昊', '旭', '振', '松',
  '荣', '良', '清', '兴', '祥', '胜', '立', '忠', '武', '军', '江', '山', '雄', '炎', '平',
] as const;
// prettier-ignore
const FEMALE_FIRST = [
  '丽', '秀', '美', '晓', '雪', '春', '海', '小', '玉', '金', '红', '欣', '思', '佳', '梦', '雨', '紫', '嘉',
  '慧', '静', '婉', '淑', '艳', '素', '月', '彩', '湘', '诗', '若', '文',
] as const;
// prettier-ignore
const FEMALE_SECOND = [
  '芳', '丽', '娟', '敏', '静', '燕', '艳', '玲', '霞', '红', '梅', '婷', '琳', '慧', '莉', '萍', '娜', '雪',
  '颖', '倩', '佳', '琴', '丹', '洁', '蓉', '妍', '欣', '怡', '瑶', '璐', '露', '岚', '蕾', '晶', '薇', '菲',
  '莹', '珊', '茜', '婧', '媛', '兰', '凤', '英', '华', '云', '晴', '雯', '君', '平',
] as const;

/** Names (or name beginnings) that read as jokes; a clerk would think the sample data mocks them. */
const REFUSED_PREFIXES = ['杨伟', '吴德', '胡丽', '朱逸', '吴仁', '杜子', '范剑', '史珍', '魏生', '沈晶', '蔡花', '杨梅', '王八', '龚鸡'];

function given(rng: Random, sex: Sex): string {
  const second = sex === '男' ? MALE_SECOND : FEMALE_SECOND;
  // About a third of people born 1967–2002 have a one-character given name.
  if (rng.chance(0.3)) return rng.pick(second);
  const first = sex === '男' ? MALE_FIRST : FEMALE_FIRST;
  return rng.pick(first) + rng.pick(second);
}

export function generateName(rng: Random, sex: Sex): string {
  for (;;) {
    const surname = rng.weighted(SURNAMES);
    const name = surname + given(rng, sex);
    const givenPart = name.slice(surname.length);
    if (givenPart.length === 2 && givenPart[0] === givenPart[1]) continue;
    if (givenPart.includes(surname)) continue;
    if (REFUSED_PREFIXES.some((p) => name.startsWith(p))) continue;
    return name;
  }
}
