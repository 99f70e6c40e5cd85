import type { RosterFilterInput, RosterSort } from '../../../shared/api/methods/personnel.ts';
import { CERT_STATUSES, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import { CERT_TYPES, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { PERSONNEL_KINDS, STAFFING_TYPES, type PersonnelKind, type StaffingType } from '../../../shared/domain/personnel-fields.ts';
import { ROSTER_SORT_KEYS } from '../../../shared/domain/roster-query.ts';
import { UNIT_KINDS, type UnitKind } from '../../../shared/domain/unit-kinds.ts';

/**
 * The roster's filter and sort live in the address (#/personnel?status=即将到期&days=180), so going
 * back from a person's page, reloading, or printing "the current selection" all see the same list.
 */
export interface RosterView {
  filter: Required<Pick<RosterFilterInput, 'search' | 'unitIds' | 'statuses' | 'staffingTypes' | 'includeExpired' | 'trainingShort' | 'legalReviewersOnly'>> & {
    unitKind: UnitKind | null;
    personnelKind: PersonnelKind | null;
    certType: CertType | null;
    expiringWithinDays: number | null;
  };
  sort: RosterSort;
}

/** sessionStorage key: the roster's last address, so 返回名册 restores the clerk's filter. */
export const ROSTER_HASH_KEY = 'personnel.rosterHash';

export const DEFAULT_SORT: RosterSort = { key: 'unit', order: 'asc' };

export function emptyFilter(): RosterView['filter'] {
  return {
    search: '',
    unitIds: [],
    unitKind: null,
    personnelKind: null,
    statuses: [],
    staffingTypes: [],
    certType: null,
    expiringWithinDays: null,
    includeExpired: false,
    trainingShort: false,
    legalReviewersOnly: false,
  };
}

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

export function viewFromQuery(query: URLSearchParams): RosterView {
  const filter = emptyFilter();
  filter.search = query.get('q') ?? '';
  filter.unitIds = (query.get('units') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  filter.unitKind = oneOf(UNIT_KINDS, query.get('unitKind'));
  filter.personnelKind = oneOf(PERSONNEL_KINDS, query.get('kind'));
  filter.statuses = (query.get('status') ?? '').split(',').filter((s): s is CertStatus => (CERT_STATUSES as readonly string[]).includes(s));
  filter.staffingTypes = (query.get('staffing') ?? '').split(',').filter((s): s is StaffingType => (STAFFING_TYPES as readonly string[]).includes(s));
  filter.certType = oneOf(CERT_TYPES, query.get('certType'));
  const days = query.get('days');
  filter.expiringWithinDays = days !== null && /^\d{1,4}$/.test(days) ? Number(days) : null;
  filter.includeExpired = query.get('expired') === '1';
  filter.trainingShort = query.get('training') === 'short';
  filter.legalReviewersOnly = query.get('reviewers') === '1';
  const sortKey = oneOf(ROSTER_SORT_KEYS, query.get('sort')) ?? DEFAULT_SORT.key;
  return { filter, sort: { key: sortKey, order: query.get('order') === 'desc' ? 'desc' : 'asc' } };
}

export function queryFromView(view: RosterView): URLSearchParams {
  const { filter, sort } = view;
  const q = new URLSearchParams();
  if (filter.search.trim()) q.set('q', filter.search.trim());
  if (filter.unitIds.length) q.set('units', filter.unitIds.join(','));
  if (filter.unitKind) q.set('unitKind', filter.unitKind);
  if (filter.personnelKind) q.set('kind', filter.personnelKind);
  if (filter.statuses.length) q.set('status', filter.statuses.join(','));
  if (filter.staffingTypes.length) q.set('staffing', filter.staffingTypes.join(','));
  if (filter.certType) q.set('certType', filter.certType);
  if (filter.expiringWithinDays !== null) q.set('days', String(filter.expiringWithinDays));
  if (filter.includeExpired) q.set('expired', '1');
  if (filter.trainingShort) q.set('training', 'short');
  if (filter.legalReviewersOnly) q.set('reviewers', '1');
  if (sort.key !== DEFAULT_SORT.key || sort.order !== DEFAULT_SORT.order) {
    q.set('sort', sort.key);
    q.set('order', sort.order);
  }
  return q;
}

export function isFiltered(filter: RosterView['filter']): boolean {
  return queryFromView({ filter, sort: DEFAULT_SORT }).toString() !== '';
}
