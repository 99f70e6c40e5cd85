import { describe, expect, it } from 'vitest';
import { rosterFilterSchema } from '../../shared/api/methods/personnel.ts';
import { documentKind, requestFromQuery } from '../../renderer/pages/print/print-request.ts';
import { emptyFilter, isFiltered, queryFromView, viewFromQuery } from '../../renderer/pages/personnel/roster-params.ts';

describe('the roster filter in the address', () => {
  it('round-trips every filter and the sort', () => {
    const view = {
      filter: {
        search: 'zw',
        unitIds: [3, 7],
        unitKind: '乡镇街道' as const,
        personnelKind: '监督人员' as const,
        statuses: ['即将到期' as const, '已过期' as const],
        certType: '行政执法证' as const,
        expiringWithinDays: 90,
        includeExpired: true,
        trainingShort: true,
        legalReviewersOnly: true,
        staffingTypes: ['聘用辅助人员' as const, '工勤' as const],
        expiryFrom: '2027-03-01',
        expiryTo: '2027-03-31',
        trainingHoursMin: 20,
        trainingHoursBelow: 40,
        certFlow: { kind: 'issued' as const, year: 2023 },
      },
      sort: { key: 'expiryDate' as const, order: 'desc' as const },
    };
    const query = queryFromView(view);
    expect(query.toString()).toContain('days=90');
    expect(query.get('flow')).toBe('issued:2023');
    expect(query.get('staffing')).toBe('聘用辅助人员,工勤');
    expect(viewFromQuery(new URLSearchParams(query.toString()))).toEqual(view);
    // what the page keeps is exactly what the API accepts
    expect(rosterFilterSchema.safeParse(view.filter).success).toBe(true);
  });

  it('leaves an unfiltered roster with an empty address and ignores foreign values', () => {
    expect(queryFromView({ filter: emptyFilter(), sort: { key: 'unit', order: 'asc' } }).toString()).toBe('');
    expect(isFiltered(emptyFilter())).toBe(false);
    const odd = viewFromQuery(new URLSearchParams('status=有效,乱码&days=abc&units=1,x,-2&sort=drop&certType=驾驶证'));
    expect(odd.filter.statuses).toEqual(['有效']);
    expect(odd.filter.expiringWithinDays).toBeNull();
    expect(odd.filter.unitIds).toEqual([1]);
    expect(odd.filter.certType).toBeNull();
    expect(odd.sort).toEqual({ key: 'unit', order: 'asc' });
    const links = viewFromQuery(new URLSearchParams('staffing=未知,工勤&expFrom=2027-3-1&hmin=1e9&flow=stolen:2023'));
    expect(links.filter.staffingTypes).toEqual(['工勤']);
    expect(links.filter.expiryFrom).toBeNull();
    expect(links.filter.trainingHoursMin).toBeNull();
    expect(links.filter.certFlow).toBeNull();
  });
});

describe('print-preview addresses', () => {
  it('knows the four documents and nothing else', () => {
    expect(['renewal', 'cancellation', 'public-list', 'training-short'].map(documentKind)).toEqual(['renewal', 'cancellation', 'public-list', 'training-short']);
    expect(documentKind('payroll')).toBeNull();
    expect(documentKind(undefined)).toBeNull();
  });

  it('prints a renewal roster for hand-picked people, or for the roster’s filter, masked unless full=1', () => {
    expect(requestFromQuery('renewal', new URLSearchParams('ids=5,9,12'))).toEqual({ kind: 'renewal', personIds: [5, 9, 12], filter: null, pagePerUnit: false, fullIdNumbers: false });
    const byFilter = requestFromQuery('renewal', new URLSearchParams('days=180&expired=1&units=3&perUnit=1&full=1'));
    expect(byFilter).toMatchObject({ kind: 'renewal', personIds: null, pagePerUnit: true, fullIdNumbers: true });
    expect(byFilter.kind === 'renewal' && byFilter.filter).toMatchObject({ expiringWithinDays: 180, includeExpired: true, unitIds: [3] });
  });

  it('reads the cancellation, public list and training options', () => {
    expect(requestFromQuery('cancellation', new URLSearchParams('from=2026-01-01&to=2026-02-30&all=1'))).toEqual({
      kind: 'cancellation',
      from: '2026-01-01',
      to: null,
      unitIds: [],
      onlyUnannounced: false,
      fullIdNumbers: false,
    });
    expect(requestFromQuery('public-list', new URLSearchParams('certType=行政执法监督证&units=4'))).toEqual({ kind: 'public-list', unitIds: [4], certType: '行政执法监督证' });
    expect(requestFromQuery('training-short', new URLSearchParams('year=1999'))).toEqual({ kind: 'training-short', year: null, unitIds: [] });
  });
});
