import { describe, expect, it } from 'vitest';
import { charsMatchExpression, findMatchRanges, isSearchable, parseSearchQuery, snippetAround, splitByRanges, trigramMatchExpression } from '../../shared/domain/catalog-search.ts';

describe('parseSearchQuery', () => {
  it('sends 1- and 2-character terms to the per-character index and longer ones to the trigram index', () => {
    expect(parseSearchQuery('证')).toEqual([{ text: '证', index: 'chars' }]);
    expect(parseSearchQuery('许可')).toEqual([{ text: '许可', index: 'chars' }]);
    expect(parseSearchQuery('许可证')).toEqual([{ text: '许可证', index: 'trigram' }]);
    expect(parseSearchQuery(' 食品\u3000许可证  ')).toEqual([
      { text: '食品', index: 'chars' },
      { text: '许可证', index: 'trigram' },
    ]);
  });

  it('drops repeated terms and terms contained in another term', () => {
    expect(parseSearchQuery('许可 许可证 许可').map((t) => t.text)).toEqual(['许可证']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(parseSearchQuery('𠀀𠀁')[0]?.index).toBe('chars');
  });
});

describe('MATCH expressions', () => {
  it('quotes every term as a phrase and escapes double quotes', () => {
    const terms = parseSearchQuery('安全生产 "引号" 证');
    expect(trigramMatchExpression(terms)).toBe('"安全生产" AND """引号"""');
    expect(charsMatchExpression(terms)).toBe('"证"');
  });

  it('spells short terms as a phrase of their characters, punctuation included', () => {
    expect(charsMatchExpression(parseSearchQuery('许可'))).toBe('"许 可"');
    expect(charsMatchExpression(parseSearchQuery('5%'))).toBe('"5 %"');
    expect(charsMatchExpression(parseSearchQuery('《'))).toBe('"《"');
    expect(isSearchable(parseSearchQuery('《'))).toBe(true);
    expect(charsMatchExpression(parseSearchQuery('\u200b'))).toBeNull();
    expect(isSearchable(parseSearchQuery('\u200b'))).toBe(false);
  });
});

describe('highlighting', () => {
  it('finds every occurrence of every term, case-insensitively, merged', () => {
    const terms = parseSearchQuery('许可 gb');
    expect(findMatchRanges('取得许可，GB 标准，再许可', terms)).toEqual([
      [2, 4],
      [5, 7],
      [12, 14],
    ]);
    expect(findMatchRanges('安全生产', parseSearchQuery('安全 全生'))).toEqual([[0, 3]]);
    expect(findMatchRanges('无关', terms)).toEqual([]);
  });

  it('cuts a window around the first match and shifts the ranges', () => {
    const text = `${'甲'.repeat(100)}许可${'乙'.repeat(100)}`;
    const s = snippetAround(text, findMatchRanges(text, parseSearchQuery('许可')), 30);
    expect(s.text).toHaveLength(30);
    expect(s.cutBefore).toBe(true);
    expect(s.cutAfter).toBe(true);
    const [start, end] = s.ranges[0] ?? [0, 0];
    expect(s.text.slice(start, end)).toBe('许可');
  });

  it('splits text into plain and highlighted pieces that join back to the text', () => {
    const text = '<b>许可</b>证';
    const parts = splitByRanges(text, findMatchRanges(text, parseSearchQuery('许可')));
    expect(parts).toEqual([
      { text: '<b>', hit: false },
      { text: '许可', hit: true },
      { text: '</b>证', hit: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
});
