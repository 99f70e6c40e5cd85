import { describe, expect, it } from 'vitest';
import { charsMatchExpression, findMatchRanges, parseSearchQuery, trigramMatchExpression } from '../../shared/domain/catalog-search.ts';
import { namePinyin } from '../../electron/backend/personnel/name-initials.ts';
import { DEFAULT_SEARCH_SYNONYMS, searchSynonymSchema, synonymVariants, SYNONYM_VARIANTS_MAX } from '../../shared/domain/search-synonyms.ts';
import { DEFAULT_SETTINGS, registrySettingsSchema } from '../../shared/domain/settings.ts';

describe('synonym variants', () => {
  it('replace an abbreviation inside the text by its full form, and a full form by its abbreviation', () => {
    expect(synonymVariants('危化品经营', DEFAULT_SEARCH_SYNONYMS)).toEqual(['危化品经营', '危险化学品经营']);
    expect(synonymVariants('危险化学品', DEFAULT_SEARCH_SYNONYMS)).toEqual(['危险化学品', '危化品']);
    expect(synonymVariants('市监局', DEFAULT_SEARCH_SYNONYMS)).toEqual(['市监局', '市场监督管理局']);
    expect(synonymVariants('文旅局', DEFAULT_SEARCH_SYNONYMS)).toEqual(['文旅局', '文旅广体局']);
    expect(synonymVariants('营业执照', DEFAULT_SEARCH_SYNONYMS)).toEqual(['营业执照']);
  });

  it('are capped, so a query full of abbreviations stays one search', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ short: `简${i}`, full: `全称${i}` }));
    expect(synonymVariants(many.map((s) => s.short).join(''), many)).toHaveLength(SYNONYM_VARIANTS_MAX);
  });

  it('are the default of the settings, and an entry is checked', () => {
    expect(DEFAULT_SETTINGS.searchSynonyms).toEqual(DEFAULT_SEARCH_SYNONYMS);
    expect(registrySettingsSchema.parse({}).searchSynonyms).not.toBe(registrySettingsSchema.parse({}).searchSynonyms);
    expect(searchSynonymSchema.safeParse({ short: '市监局', full: '市场监督管理局' }).success).toBe(true);
    for (const bad of [
      { short: '局', full: '市场监督管理局' },
      { short: '市 监局', full: '市场监督管理局' },
      { short: '市监局', full: '市监局' },
    ]) {
      expect(searchSynonymSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('the catalog query with synonyms', () => {
  it('matches any variant of a term, in the trigram index when every variant is long enough', () => {
    const terms = parseSearchQuery('危化品 仓库', DEFAULT_SEARCH_SYNONYMS);
    expect(terms).toEqual([
      { text: '危化品', index: 'trigram', alternatives: ['危险化学品'] },
      { text: '仓库', index: 'chars' },
    ]);
    expect(trigramMatchExpression(terms)).toBe('("危化品" OR "危险化学品")');
    expect(charsMatchExpression(terms)).toBe('"仓 库"');
    expect(findMatchRanges('危险化学品仓库', terms)).toEqual([[0, 7]]);
  });

  it('puts a term with a short variant in the per-character index', () => {
    const terms = parseSearchQuery('应急局', [{ short: '应急局', full: '安监' }]);
    expect(terms[0]?.index).toBe('chars');
    expect(charsMatchExpression(terms)).toBe('("应 急 局" OR "安 监")');
  });

  it('is unchanged without synonyms', () => {
    expect(parseSearchQuery('危化品')).toEqual([{ text: '危化品', index: 'trigram' }]);
  });
});

describe('full pinyin of a name', () => {
  it('is lower-case letters without tones, surnames read as surnames, ü typed as v', () => {
    expect(namePinyin('张三')).toBe('zhangsan');
    expect(namePinyin('曾志强')).toBe('zengzhiqiang');
    expect(namePinyin('单雪')).toBe('shanxue');
    expect(namePinyin('吕娜')).toBe('lvna');
    expect(namePinyin('欧阳娜娜')).toBe('ouyangnana');
  });
});
