import { describe, expect, it } from 'vitest';
import { checkReportedTotals, comparePublishedAgencies, reconcileCounts, resolveUnitName, type UnitNames } from '../../shared/domain/catalog-statistics.ts';
import { REPORT_2023, reportedFiguresSchema } from '../../shared/domain/reported-figures.ts';

const units: UnitNames[] = [
  { id: 1, name: '沅江市公安局', shortName: '市公安局', aliases: [] },
  { id: 2, name: '沅江市卫生健康局', shortName: '市卫健局', aliases: ['沅江市卫健委'] },
  { id: 3, name: '益阳市生态环境局沅江分局', shortName: '沅江生态环境分局', aliases: [] },
  { id: 4, name: '沅江市水利局', shortName: null, aliases: [] },
  { id: 5, name: '沅江市农业农村局', shortName: null, aliases: [] },
  { id: 6, name: '益阳市农业农村局', shortName: null, aliases: [] },
];

describe('reconcileCounts', () => {
  it('sets registry beside reported figures and shows every difference', () => {
    const rows = reconcileCounts({ items: 1770, general: 1538, key: 232, no_penalty: 221, lighter_penalty: 89, reduced_penalty: 96, no_coercion: 23 }, { ...REPORT_2023.totals, no_coercion: null });
    expect(rows.map((r) => [r.key, r.difference])).toEqual([
      ['items', -1],
      ['general', 0],
      ['key', -1],
      ['no_penalty', 1],
      ['lighter_penalty', 0],
      ['reduced_penalty', 0],
      ['no_coercion', null],
    ]);
  });

  it('checks that a report agrees with itself (1,771 = 1,538 + 233)', () => {
    expect(checkReportedTotals(REPORT_2023.totals)).toEqual({ ok: true, text: '1,771 = 1,538 + 233' });
    expect(checkReportedTotals({ ...REPORT_2023.totals, key: 230 })).toEqual({ ok: false, text: '1,771 ≠ 1,538 + 230（相差 3）' });
    expect(checkReportedTotals({ ...REPORT_2023.totals, key: null })).toBeNull();
  });
});

describe('resolveUnitName', () => {
  it.each([
    ['市公安局', 1],
    ['沅江市公安局', 1],
    ['市卫健局', 2],
    ['沅江市卫健委', 2],
    ['沅江生态环境分局', 3],
    ['市水利局', 4],
  ])('%s → unit %i', (written, id) => {
    expect(resolveUnitName(written, units)).toBe(id);
  });

  it('refuses to guess when no unit or several units fit', () => {
    expect(resolveUnitName('市林业局', units)).toBeNull();
    expect(resolveUnitName('农业农村局', units)).toBeNull();
  });
});

describe('comparePublishedAgencies', () => {
  it('lists named-but-unpublished, published-but-unnamed and unmatched names', () => {
    const result = comparePublishedAgencies(['市公安局', '市卫健局', '市林业局'], units, new Set([1, 4]));
    expect(result).toEqual({ namedButNotPublished: [{ written: '市卫健局', unitId: 2 }], publishedButNotNamed: [4], unresolved: ['市林业局'] });
  });
});

describe('reported figures', () => {
  it('holds the 2023 report as its default, valid against its own schema', () => {
    expect(reportedFiguresSchema.safeParse({ years: [REPORT_2023] }).success).toBe(true);
    expect(REPORT_2023.publishedAgencies).toHaveLength(REPORT_2023.published ?? -1);
  });

  it('refuses two reports for one year', () => {
    expect(reportedFiguresSchema.safeParse({ years: [REPORT_2023, REPORT_2023] }).success).toBe(false);
  });
});
