import { describe, expect, it } from 'vitest';
import { headerMinWidth, parseSort, parseWidths, textWidth } from '../../renderer/app/table-sort.ts';
import { compareCells, sortRows } from '../../shared/domain/table-sort.ts';

describe('sorting a table on the page', () => {
  it('puts Chinese text in pinyin order, not code-point order', () => {
    const names = ['张伟', '安娜', '李强', '陈静', '白雪'];
    // Code-point order would put 陈 (U+9648) after 张 (U+5F20); pinyin order is a, b, c, l, z.
    expect(sortRows(names, (n) => n, 'asc')).toEqual(['安娜', '白雪', '陈静', '李强', '张伟']);
    expect([...names].sort()).not.toEqual(['安娜', '白雪', '陈静', '李强', '张伟']);
    expect(sortRows(names, (n) => n, 'desc')).toEqual(['张伟', '李强', '陈静', '白雪', '安娜']);
  });

  it('reads numbers inside text as numbers (文号, 第N项)', () => {
    const docs = ['沅教发〔2026〕12号', '沅教发〔2026〕9号', '沅教发〔2025〕30号'];
    expect(sortRows(docs, (d) => d, 'asc')).toEqual(['沅教发〔2025〕30号', '沅教发〔2026〕9号', '沅教发〔2026〕12号']);
  });

  it('compares numbers by value and dates in calendar order', () => {
    expect(sortRows([10, 9, 100, 0.5], (n) => n, 'asc')).toEqual([0.5, 9, 10, 100]);
    expect(sortRows(['2026-10-01', '2026-02-28', '2025-12-31'], (d) => d, 'desc')).toEqual(['2026-10-01', '2026-02-28', '2025-12-31']);
    expect(compareCells(true, false)).toBeLessThan(0);
  });

  it('keeps empty cells last in both directions and equal cells in their order', () => {
    const rows = [
      { id: 1, d: null },
      { id: 2, d: '2026-01-01' },
      { id: 3, d: '' },
      { id: 4, d: '2027-01-01' },
      { id: 5, d: '2026-01-01' },
    ];
    expect(sortRows(rows, (r) => r.d, 'asc').map((r) => r.id)).toEqual([2, 5, 4, 1, 3]);
    expect(sortRows(rows, (r) => r.d, 'desc').map((r) => r.id)).toEqual([4, 2, 5, 1, 3]);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('column widths', () => {
  it('gives a heading room for its text, sort arrows and filter', () => {
    expect(textWidth('有效期至')).toBe(56);
    expect(textWidth('ID号')).toBe(Math.ceil(2.2 * 14));
    const plain = headerMinWidth('法制审核', { sortable: false, filterable: false });
    const sortable = headerMinWidth('法制审核', { sortable: true, filterable: false });
    const both = headerMinWidth('法制审核', { sortable: true, filterable: true });
    expect(plain).toBeGreaterThan(56);
    expect(sortable).toBeGreaterThan(plain);
    expect(both).toBeGreaterThan(sortable);
  });

  it('reads back only sound stored values', () => {
    expect(parseWidths('{"name":120.4,"unit":-3,"x":"wide","y":null}')).toEqual({ name: 120 });
    expect(parseWidths('not json')).toEqual({});
    expect(parseWidths('[1,2]')).toEqual({});
    expect(parseWidths(null)).toEqual({});
    expect(parseSort('{"key":"name","order":"desc"}')).toEqual({ key: 'name', order: 'desc' });
    expect(parseSort('{"key":"name","order":"up"}')).toBeNull();
    expect(parseSort('{"key":"","order":"asc"}')).toBeNull();
    expect(parseSort('{')).toBeNull();
  });
});
