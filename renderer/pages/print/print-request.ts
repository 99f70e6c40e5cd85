import { ROSTER_DOCUMENTS, type RosterDocumentKind, type RosterRequestInput } from '../../../shared/api/methods/rosters.ts';
import { CERT_TYPES, type CertType } from '../../../shared/domain/certificate-vocabulary.ts';
import { isIsoDate } from '../../../shared/domain/dates.ts';
import { isFiltered, viewFromQuery } from '../personnel/roster-params.ts';

/**
 * What a print-preview address asks for: #/print/<document>?… . The roster's own filter
 * parameters select a renewal roster (so "print what I see" is one link); `ids` names people
 * picked by hand; `full=1` prints full ID numbers.
 */

export function documentKind(raw: string | undefined): RosterDocumentKind | null {
  return raw !== undefined && (ROSTER_DOCUMENTS as readonly string[]).includes(raw) ? (raw as RosterDocumentKind) : null;
}

function ids(raw: string | null): number[] {
  return (raw ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

function date(raw: string | null): string | null {
  return raw !== null && isIsoDate(raw) ? raw : null;
}

export function requestFromQuery(kind: RosterDocumentKind, query: URLSearchParams): RosterRequestInput {
  const full = query.get('full') === '1';
  switch (kind) {
    case 'renewal': {
      const picked = ids(query.get('ids'));
      const { filter } = viewFromQuery(query);
      return {
        kind,
        personIds: picked.length > 0 ? picked : null,
        filter: picked.length === 0 && isFiltered(filter) ? filter : null,
        pagePerUnit: query.get('perUnit') === '1',
        fullIdNumbers: full,
      };
    }
    case 'cancellation':
      return { kind, from: date(query.get('from')), to: date(query.get('to')), unitIds: ids(query.get('units')), onlyUnannounced: query.get('all') !== '1', fullIdNumbers: full };
    case 'public-list': {
      const certType = query.get('certType');
      return { kind, unitIds: ids(query.get('units')), certType: (CERT_TYPES as readonly string[]).includes(certType ?? '') ? (certType as CertType) : '行政执法证' };
    }
    case 'training-short':
    case 'training-notice': {
      const year = Number(query.get('year'));
      return { kind, year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null, unitIds: ids(query.get('units')) };
    }
    case 'renewal-notice': {
      // The roster's address as it is: its filter or the people picked on it.
      const picked = ids(query.get('ids'));
      const { filter } = viewFromQuery(query);
      return { kind, personIds: picked.length > 0 ? picked : null, filter: picked.length === 0 && isFiltered(filter) ? filter : null, fullIdNumbers: full };
    }
    case 'publication-notice':
      return { kind, unitIds: ids(query.get('units')) };
  }
}
