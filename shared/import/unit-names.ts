import type { UnitKind } from '../domain/unit-kinds.ts';
import { normaliseWord, tidyText } from './text-normalise.ts';
import { toSimplified } from './traditional-chars.ts';

/**
 * Unit names in what agencies write, for a registry whose unit list is empty or incomplete: the
 * name a title, a 填报单位 line or a file name gives (沅江市农业农村局分类检查事项目录 → 沅江市农业农村局),
 * the full name of a short one (市林业局 → 沅江市林业局), and a unit's kind guessed from its name
 * (镇、乡、街道、办事处 → 乡镇（街道）). The importer proposes such names as units to add; the clerk
 * confirms them.
 */

/** How unit names end (longest first): 局, 委员会, 大队, 镇, 街道办事处 … */
const SUFFIXES = [
  '街道办事处',
  '人民政府',
  '服务中心',
  '委员会',
  '办事处',
  '管理局',
  '管理处',
  '管理站',
  '管理所',
  '联合会',
  '政府',
  '中心',
  '大队',
  '中队',
  '支队',
  '分局',
  '街道',
  '局',
  '委',
  '办',
  '院',
  '所',
  '站',
  '队',
  '镇',
  '乡',
  '处',
  '社',
] as const;

/** Words that start what a title says after the unit's name: the kind of table. */
const TABLE_WORDS = [
  '行政执法',
  '执法人员',
  '执法证',
  '持证',
  '花名册',
  '名册',
  '名单',
  '人员',
  '分类检查',
  '检查事项',
  '检查目录',
  '事项目录',
  '目录',
  '一目录四清单',
  '四项清单',
  '不予',
  '从轻',
  '减轻',
  '免予',
  '免罚',
  '首违不罚',
  '轻微违法',
  '清单',
  '汇总',
  '统计',
  '信息表',
  '登记表',
  '一览表',
  '报表',
  '基本情况',
  '情况表',
] as const;

const BRACKETED = /[（(【[〔<《][^）)】\]〕>》]*[）)】\]〕>》]/g;
const NOISE = /(\d{4}\s*年度?|\d{4}|\d{1,2}\s*月份?|第[一二三四五六七八九十\d]+次|关于|报送|上报|最新|更新|修订|调整后?|附件\s*\d*|[.．]?(xlsx|xls|et|ods|csv)$)/gi;
const SEPARATORS = /[-_—–·•~～\s、，,:：;；/\\|]+/;
const FILL_IN_LABEL = /(填报|报送|填表|申报|制表)单位[^:：]{0,8}[:：]\s*/;
const HAN_NAME = /^[\p{Script=Han}（）()]+$/u;

function endsWithSuffix(text: string): boolean {
  return SUFFIXES.some((s) => text.endsWith(s));
}

/** A text that can be a unit's name: Chinese characters only, 3 to 40 of them, ending like a unit. */
export function looksLikeUnitName(text: string): boolean {
  const t = normaliseWord(text);
  const length = [...t].length;
  return length >= 3 && length <= 40 && HAN_NAME.test(t) && endsWithSuffix(t);
}

/**
 * The longest beginning of `segment` that ends like a unit's name and is followed by nothing or by
 * the kind of table (名册, 检查事项目录, 清单 …): 草尾镇人民政府行政执法人员名册 → 草尾镇人民政府.
 */
function nameAtStart(segment: string): string | null {
  let best: string | null = null;
  const chars = [...segment];
  for (let end = 3; end <= Math.min(chars.length, 40); end += 1) {
    const prefix = chars.slice(0, end).join('');
    if (!endsWithSuffix(prefix) || !HAN_NAME.test(prefix)) continue;
    const rest = chars.slice(end).join('');
    if (rest === '' || TABLE_WORDS.some((w) => rest.startsWith(w))) best = prefix;
  }
  return best;
}

/**
 * The unit a title, a 填报单位 line or a file name speaks for, as written there (without the kind of
 * table, years, bracketed notes), or null when it names none.
 */
export function unitNameIn(text: string): string | null {
  let t = toSimplified(tidyText(text.normalize('NFKC')));
  const label = FILL_IN_LABEL.exec(t);
  if (label) {
    // 填报单位（盖章）：沅江市公安局   填报日期：2024年3月1日
    const after = t.slice(label.index + label[0].length);
    const value = after.split(/\s|(?=填报日期|填表日期|报送日期|日期|联系人|联系电话)/)[0] ?? '';
    const cleaned = value.replace(BRACKETED, '');
    return looksLikeUnitName(cleaned) ? normaliseWord(cleaned) : nameAtStart(normaliseWord(cleaned));
  }
  t = t.replace(BRACKETED, ' ').replace(NOISE, ' ');
  for (const segment of t.split(SEPARATORS)) {
    const name = nameAtStart(normaliseWord(segment));
    if (name) return name;
  }
  return null;
}

// 市场监管局, 市容, 市政 … begin with 市 without naming a city.
const PLACE_QUALIFIED = /^[\p{Script=Han}]{1,8}?(省|自治区|自治州|市|县|区|旗)(?!场|容|政|民|直|级)/u;
const LOCAL_PREFIX = /^(市|县|区)(?!场|容|政|民|直|级)/;

/**
 * The full name of a unit a submission calls by a short name: 公安局 → 沅江市公安局, 市林业局 →
 * 沅江市林业局. A name that already names a place (益阳市生态环境局沅江分局) and a town (草尾镇)
 * stay as they are; so does every name when the county's name is not set up.
 */
export function fullUnitName(name: string, countyName: string): string {
  const county = countyName.trim();
  if (!county || name.startsWith(county) || guessUnitKind(name) === '乡镇街道') return name;
  if (LOCAL_PREFIX.test(name) && /[市县区]$/.test(county)) return `${county}${name.slice(1)}`;
  if (PLACE_QUALIFIED.test(name)) return name;
  return `${county}${name}`;
}

const TOWN = /(镇|乡|街道|街道办事处|办事处)(人民政府|政府)?$/;

/** 镇, 乡, 街道 and 办事处 (with or without 人民政府) are 乡镇（街道）; every other unit is a 市直单位. */
export function guessUnitKind(name: string): UnitKind {
  return TOWN.test(normaliseWord(name)) ? '乡镇街道' : '市直单位';
}

const UNIT_KIND_WORDS: Readonly<Record<string, UnitKind>> = {
  市直单位: '市直单位',
  市直: '市直单位',
  市直部门: '市直单位',
  县直单位: '市直单位',
  县直: '市直单位',
  县直部门: '市直单位',
  区直单位: '市直单位',
  区直: '市直单位',
  直属单位: '市直单位',
  部门: '市直单位',
  乡镇街道: '乡镇街道',
  乡镇: '乡镇街道',
  街道: '乡镇街道',
  乡: '乡镇街道',
  镇: '乡镇街道',
  乡镇人民政府: '乡镇街道',
  街道办事处: '乡镇街道',
};

/** The kind a 类型 cell states (市直单位, 县直, 乡镇（街道）, 街道 …), or null. */
export function parseUnitKind(raw: string): UnitKind | null {
  const word = normaliseWord(raw).replace(/[()（）]/g, '');
  return Object.hasOwn(UNIT_KIND_WORDS, word) ? (UNIT_KIND_WORDS[word] ?? null) : null;
}

/** How a unit kind reads for the clerk. */
export function unitKindLabel(kind: UnitKind): string {
  return kind === '乡镇街道' ? '乡镇（街道）' : kind;
}

/** The aliases a 简称/别名 cell lists (separated by 、，,;；/ or line breaks). */
export function splitAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，,;；/／\n]+/)
        .map((a) => tidyText(a))
        .filter((a) => [...a].length >= 2),
    ),
  ];
}
