import { type CatalogKind, type ListKind, isListKind } from '../../../shared/domain/list-kinds.ts';
import type { Route } from '../../app/use-hash-route.ts';

/**
 * The catalog page's place, kept in the hash so reload and back keep it:
 *   #/catalog[?unit=ID][&open=ID]            the catalog tab
 *   #/lists[/KIND][?unit=ID][&open=ID]       one of the four lists (default 不予处罚)
 *   #/catalog/publications | statistics | duplicates
 */
export type CatalogView = 'browse' | 'publications' | 'statistics' | 'duplicates';

export interface CatalogPlace {
  view: CatalogView;
  tab: CatalogKind;
  unitId: number | null;
  /** The record whose detail drawer is open (of the current tab). */
  open: number | null;
}

const VIEWS: readonly CatalogView[] = ['publications', 'statistics', 'duplicates'];

function positiveInt(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

export function parsePlace(route: Route): CatalogPlace {
  const unitId = positiveInt(route.query.get('unit'));
  const open = positiveInt(route.query.get('open'));
  if (route.page === 'lists') {
    const kind = route.params[0] ?? 'no_penalty';
    return { view: 'browse', tab: isListKind(kind) ? kind : 'no_penalty', unitId, open };
  }
  const view = VIEWS.find((v) => v === route.params[0]) ?? 'browse';
  return { view, tab: 'inspection_items', unitId, open };
}

export function placeHash(place: CatalogPlace): string {
  if (place.view !== 'browse') return `/catalog/${place.view}`;
  const query = new URLSearchParams();
  if (place.unitId !== null) query.set('unit', String(place.unitId));
  if (place.open !== null) query.set('open', String(place.open));
  const q = query.toString();
  const path = place.tab === 'inspection_items' ? '/catalog' : `/lists/${place.tab satisfies ListKind}`;
  return q ? `${path}?${q}` : path;
}
