import type { RosterFilterInput, RosterSort } from '../../../shared/api/methods/personnel.ts';
import { CERT_STATUSES, type CertStatus } from '../../../shared/domain/certificate-status.ts';
import { CERT_TYPES, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { CERT_FLOWS, type CertFlow } from '../../../shared/domain/certificate-flows.ts';
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
    /** Filters that arrive by a link (概览's charts, the annual report), shown as tags above the table. */
    expiryFrom: string | null;
    expiryTo: string | null;
    trainingHoursMin: number | null;
    trainingHoursBelow: number | null;
    certFlow: { kind: CertFlow; year: number } | null;
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
    expiryFrom: null,
    expiryTo: null,
    trainingHoursMin: null,
    trainingHoursBelow: null,
    certFlow: null,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HOURS = /^\d{1,4}(\.\d)?$/;

function dateParam(raw: string | null): string | null {
  return raw !== null && ISO_DATE.test(raw) ? raw : null;
}

function hoursParam(raw: string | null): number | null {
  return raw !== null && HOURS.test(raw) ? Number(raw) : null;
}

/** `issued:2023` → { kind: 'issued', year: 2023 }. */
function flowParam(raw: string | null): RosterView['filter']['certFlow'] {
  const m = /^(\w+):(\d{4})$/.exec(raw ?? '');
  const kind = oneOf(CERT_FLOWS, m?.[1] ?? null);
  return kind && m ? { kind, year: Number(m[2]) } : null;
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
  filter.expiryFrom = dateParam(query.get('expFrom'));
  filter.expiryTo = dateParam(query.get('expTo'));
  filter.trainingHoursMin = hoursParam(query.get('hmin'));
  filter.trainingHoursBelow = hoursParam(query.get('hbelow'));
  filter.certFlow = flowParam(query.get('flow'));
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
  if (filter.expiryFrom) q.set('expFrom', filter.expiryFrom);
  if (filter.expiryTo) q.set('expTo', filter.expiryTo);
  if (filter.trainingHoursMin !== null) q.set('hmin', String(filter.trainingHoursMin));
  if (filter.trainingHoursBelow !== null) q.set('hbelow', String(filter.trainingHoursBelow));
  if (filter.certFlow) q.set('flow', `${filter.certFlow.kind}:${filter.certFlow.year}`);
  if (sort.key !== DEFAULT_SORT.key || sort.order !== DEFAULT_SORT.order) {
    q.set('sort', sort.key);
    q.set('order', sort.order);
  }
  return q;
}

export function isFiltered(filter: RosterView['filter']): boolean {
  return queryFromView({ filter, sort: DEFAULT_SORT }).toString() !== '';
}
