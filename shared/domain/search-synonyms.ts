import { z } from 'zod';

/**
 * Abbreviations and older names the clerk types for what the registry spells in full: 危化品 for
 * 危险化学品, 市监局 for 市场监督管理局. Every search (the header's global search, the catalog's
 * full-text search, the roster's search box) expands a query through the one list the clerk keeps
 * in 设置 › 业务规则; this is its default. Each entry works both ways: the full form also finds
 * records that use the abbreviation.
 */
export interface SearchSynonym {
  /** What is typed: the abbreviation or variant. */
  short: string;
  /** What the records say. */
  full: string;
}

export const SYNONYM_TEXT_MAX_LENGTH = 30;
export const SYNONYMS_MAX_COUNT = 200;
/** Variants of one query (itself included): a query containing many abbreviations stays one search, not dozens. */
export const SYNONYM_VARIANTS_MAX = 8;

const synonymText = z.string().trim().min(2, '至少2个字').max(SYNONYM_TEXT_MAX_LENGTH, `不能超过${SYNONYM_TEXT_MAX_LENGTH}个字`).regex(/^\S+$/, '不能含空格');

export const searchSynonymSchema = z.object({ short: synonymText, full: synonymText }).refine((s) => s.short !== s.full, { message: '简称与全称相同', path: ['full'] });

export const DEFAULT_SEARCH_SYNONYMS: readonly SearchSynonym[] = [
  { short: '危化品', full: '危险化学品' },
  { short: '市监局', full: '市场监督管理局' },
  { short: '市场监管局', full: '市场监督管理局' },
  { short: '文旅局', full: '文旅广体局' },
  { short: '人社局', full: '人力资源和社会保障局' },
  { short: '住建局', full: '住房和城乡建设局' },
  { short: '卫健局', full: '卫生健康局' },
  { short: '城管局', full: '城市管理和综合执法局' },
  { short: '发改局', full: '发展和改革局' },
  { short: '应急局', full: '应急管理局' },
  { short: '安监局', full: '应急管理局' },
  { short: '交通局', full: '交通运输局' },
  { short: '农业局', full: '农业农村局' },
  { short: '国土局', full: '自然资源局' },
  { short: '环保局', full: '生态环境局' },
  { short: '医保局', full: '医疗保障局' },
];

/**
 * The texts a search for `text` stands for: `text` itself first, then `text` with each listed
 * abbreviation replaced by its full form and each full form by its abbreviation (one replacement
 * at a time, so 文旅局 → 文旅广体局 does not go on to something else), without repeats, at most
 * SYNONYM_VARIANTS_MAX. Case-insensitive for Latin letters.
 */
export function synonymVariants(text: string, synonyms: readonly SearchSynonym[]): string[] {
  const out = [text];
  const lower = text.toLowerCase();
  const add = (from: string, to: string) => {
    const at = lower.indexOf(from.toLowerCase());
    if (at < 0) return;
    const variant = text.slice(0, at) + to + text.slice(at + from.length);
    if (!out.includes(variant)) out.push(variant);
  };
  for (const s of synonyms) {
    if (out.length >= SYNONYM_VARIANTS_MAX) break;
    add(s.short, s.full);
    if (out.length < SYNONYM_VARIANTS_MAX) add(s.full, s.short);
  }
  return out;
}
