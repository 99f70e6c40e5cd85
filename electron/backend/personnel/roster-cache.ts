import type { RosterFilter, RosterSort } from '../../../shared/api/methods/personnel.ts';
import type { Db } from '../db/open-database.ts';
import { rosterMembersQuery, rosterOrderQuery, rosterSortedMembersQuery, type RosterRules } from './roster-query.ts';

/**
 * personnel.query answers every matching id in order. Sorting 100,000 people in SQLite takes
 * 100–500 ms on the 2-core machine, every query. But a sort does not depend on the filter: the
 * whole roster's order per sort (ties broken down to the id, so the order is total) is kept here,
 * and a filter's people, taken in that order, are its sorted roster — a walk over an array. The
 * set each recent filter keeps is kept too (moving back and forth between filters, returning to
 * the roster from a person's page).
 *
 * Both are dropped when the registry changes: `total_changes()` counts every row this connection
 * wrote (the triggers' too, and a rolled-back write only drops them needlessly), `PRAGMA
 * data_version` the commits of any other connection (the command line on the same file). A
 * restore opens a new connection, which has its own cache.
 */

/** A filter keeping this many people or fewer is sorted by SQLite when the sort's order is not at hand: cheaper than ordering everyone. */
const SMALL_SET = 5_000;
const MAX_ORDERS = 6;
const MAX_SETS = 24;

interface ConnectionCache {
  stamp: string;
  orders: Map<string, Int32Array>;
  sets: Map<string, Int32Array | null>;
}

const caches = new WeakMap<Db, ConnectionCache>();

function stampOf(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const version = db.pragma('data_version', { simple: true }) as number;
  return `${changes}:${version}`;
}

function cacheOf(db: Db): ConnectionCache {
  const stamp = stampOf(db);
  let cache = caches.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, orders: new Map(), sets: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/** Map as a small LRU: a hit moves to the end, the oldest goes past the limit. */
function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as string);
  return value;
}

function recall<V>(map: Map<string, V>, key: string): V | undefined {
  if (!map.has(key)) return undefined;
  const value = map.get(key) as V;
  map.delete(key);
  map.set(key, value);
  return value;
}

/** What a sort's order depends on besides the sort: the card shown and the status and training rules. */
function orderKey(filter: RosterFilter, sort: RosterSort, rules: RosterRules): string {
  return JSON.stringify([sort.key, sort.order, filter.certType, rules.today, rules.warningDays]);
}

function setKey(filter: RosterFilter, rules: RosterRules): string {
  return JSON.stringify([filter, rules]);
}

/** The people a filter keeps, in no order, or null for everyone. */
function membersOf(db: Db, cache: ConnectionCache, filter: RosterFilter, rules: RosterRules): Int32Array | null {
  const key = setKey(filter, rules);
  const known = recall(cache.sets, key);
  if (known !== undefined) return known;
  const query = rosterMembersQuery(filter, rules);
  const members = query ? new Int32Array(JSON.parse(db.prepare(query.sql).pluck().get(query.params) as string) as number[]) : null;
  return remember(cache.sets, key, members, MAX_SETS);
}

function orderOf(db: Db, cache: ConnectionCache, filter: RosterFilter, sort: RosterSort, rules: RosterRules): Int32Array {
  const key = orderKey(filter, sort, rules);
  const known = recall(cache.orders, key);
  if (known) return known;
  const { sql, params } = rosterOrderQuery(filter.certType, sort, rules);
  return remember(cache.orders, key, new Int32Array(db.prepare(sql).pluck().all(params) as number[]), MAX_ORDERS);
}

/** The same ids as queryRosterIds (roster-query.ts), from the caches where they can answer. */
export function cachedRosterIds(db: Db, filter: RosterFilter, sort: RosterSort, rules: RosterRules, options: { smallSet: number } = { smallSet: SMALL_SET }): number[] {
  const cache = cacheOf(db);
  const members = membersOf(db, cache, filter, rules);
  // The people sorted by SQLite directly, when that is cheaper than ordering everyone first.
  if (members !== null && members.length <= options.smallSet && !cache.orders.has(orderKey(filter, sort, rules))) {
    if (members.length === 0) return [];
    const { sql, params } = rosterSortedMembersQuery(filter.certType, sort, rules);
    return db
      .prepare(sql)
      .pluck()
      .all({ ...params, memberIds: JSON.stringify(plainArray(members, members.length)) }) as number[];
  }
  const order = orderOf(db, cache, filter, sort, rules);
  // The order lists everyone that has a unit; a filter's people are a subset of it.
  if (members === null) return plainArray(order, order.length);
  let maxId = 0;
  for (const id of members) if (id > maxId) maxId = id;
  // Ids are the rowids SQLite handed out, so a byte per possible id is small; a Set where they are not.
  if (maxId > 16 * order.length + 1_000_000) {
    const kept = new Set(members);
    return plainArray(order, order.length).filter((id) => kept.has(id));
  }
  const kept = new Uint8Array(maxId + 1);
  for (const id of members) kept[id] = 1;
  const out = new Int32Array(members.length);
  let n = 0;
  for (const id of order) if (id <= maxId && kept[id] === 1) out[n++] = id;
  return plainArray(out, n);
}

/** The first `n` of `ids` as a plain array (Array.from on a typed array is ten times slower). */
function plainArray(ids: Int32Array, n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i += 1) out[i] = ids[i] as number;
  return out;
}
