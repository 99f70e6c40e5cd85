import type { SearchHit, SearchResult } from '../../../shared/api/methods/catalog.ts';
import { INSPECTION_ITEM_LABELS, listItemLabel, type InspectionItemField, type ListItemField } from '../../../shared/domain/catalog-fields.ts';
import {
  charsMatchExpression,
  findMatchRanges,
  isSearchable,
  parseSearchQuery,
  SEARCH_GROUP_LIMIT,
  SEARCH_RANK_LIMIT,
  snippetAround,
  trigramMatchExpression,
  type SearchTerm,
} from '../../../shared/domain/catalog-search.ts';
import { CATALOG_KINDS, type CatalogKind } from '../../../shared/domain/list-kinds.ts';
import type { SearchSynonym } from '../../../shared/domain/search-synonyms.ts';
import type { Db } from '../db/open-database.ts';
import { INSPECTION_ITEM_SELECT, LIST_ITEM_SELECT, toInspectionItemRow, toListItemRow, type InspectionItemDbRow, type ListItemDbRow } from './catalog-rows.ts';

/**
 * Full-text search over both FTS5 indexes of migration 0002 (rowid +id: inspection item, −id: list
 * entry). Every term must occur; terms of 3+ characters are looked up in the trigram index, shorter
 * ones in the per-character index, and a row must satisfy both. Up to SEARCH_RANK_LIMIT matches
 * are ranked by bm25 with the headline (事项名称 / 违法行为) weighing ten times the other text;
 * beyond that (a one-character query on a province-sized catalog) headline matches simply come
 * first, which costs nothing, instead of scoring every row.
 */

const TITLE_WEIGHT = 10;
const MAX_FIELDS_PER_HIT = 3;
const TITLE_SNIPPET_WIDTH = 200;
const FIELD_SNIPPET_WIDTH = 90;

interface MatchPlan {
  /** The index the row set and the score come from. */
  table: 'catalog_fts_trigram' | 'catalog_fts_chars';
  expression: string;
  /** The per-character terms, when the trigram index leads and both kinds of term are present. */
  alsoChars: string | null;
}

function planMatch(terms: readonly SearchTerm[]): MatchPlan | null {
  const tri = trigramMatchExpression(terms);
  const chars = charsMatchExpression(terms);
  if (tri) return { table: 'catalog_fts_trigram', expression: tri, alsoChars: chars };
  if (chars) return { table: 'catalog_fts_chars', expression: chars, alsoChars: null };
  return null;
}

export interface SearchFilter {
  unitId: number | null;
  kind: CatalogKind | null;
}

/**
 * WHERE clause over the leading index: its MATCH, then the other index's terms and the filter,
 * applied to the rows the MATCH yields. The unary + on `+rowid IN (…)` is what keeps it so:
 * without it SQLite hands the IN list to FTS5 as a rowid = constraint and runs the whole MATCH
 * once per row of the list — once per row of the agency, or per match of the other index — which
 * took seconds on a large catalog (issue 8). The rowid ranges of a kind filter (inspection items
 * > 0, list entries < 0) are left for FTS5 on purpose: it applies them while reading the MATCH's
 * doclists. test/integration/search-plan.test.ts checks the plan of every statement.
 */
function whereSql(plan: MatchPlan, filter: SearchFilter, expressionParam = '@expression'): string {
  const parts = [`${plan.table} MATCH ${expressionParam}`];
  if (plan.alsoChars) parts.push(`+rowid IN (SELECT rowid FROM catalog_fts_chars WHERE catalog_fts_chars MATCH @chars)`);
  if (filter.kind === 'inspection_items') parts.push('rowid > 0');
  else if (filter.kind !== null) parts.push('rowid < 0');
  if (filter.unitId !== null && filter.kind !== null) parts.push('+rowid IN (SELECT doc_id FROM catalog_fts_owners WHERE unit_id = @unitId AND kind = @kind)');
  else if (filter.unitId !== null) parts.push('+rowid IN (SELECT doc_id FROM catalog_fts_owners WHERE unit_id = @unitId)');
  else if (filter.kind !== null && filter.kind !== 'inspection_items') parts.push('+rowid IN (SELECT doc_id FROM catalog_fts_owners WHERE kind = @kind)');
  return parts.join(' AND ');
}

function params(plan: MatchPlan, filter: SearchFilter, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { expression: plan.expression, ...extra };
  if (plan.alsoChars) out['chars'] = plan.alsoChars;
  if (filter.unitId !== null) out['unitId'] = filter.unitId;
  if (filter.kind !== null && (filter.unitId !== null || filter.kind !== 'inspection_items')) out['kind'] = filter.kind;
  return out;
}

const NO_FILTER: SearchFilter = { unitId: null, kind: null };

/** One statement search runs, with its parameters. */
export interface SearchStatement {
  sql: string;
  params: Record<string, unknown>;
}

/** All matches after the filter. */
function countStatement(plan: MatchPlan, filter: SearchFilter): SearchStatement {
  return { sql: `SELECT count(*) FROM ${plan.table} WHERE ${whereSql(plan, filter)}`, params: params(plan, filter) };
}

/** Matches per agency and kind, over all agencies, reading at most SEARCH_GROUP_LIMIT + 1 of them. */
function groupStatement(plan: MatchPlan): SearchStatement {
  return {
    sql: `SELECT o.unit_id AS unitId, o.kind AS kind, count(*) AS count
            FROM (SELECT rowid FROM ${plan.table} WHERE ${whereSql(plan, NO_FILTER)} LIMIT ${SEARCH_GROUP_LIMIT + 1}) m
            JOIN catalog_fts_owners o ON o.doc_id = m.rowid
           GROUP BY o.unit_id, o.kind`,
    params: params(plan, NO_FILTER),
  };
}

/** The best `limit` rowids by bm25 (up to SEARCH_RANK_LIMIT matches). */
function scoredStatement(plan: MatchPlan, filter: SearchFilter, limit: number): SearchStatement {
  return {
    sql: `SELECT rowid FROM ${plan.table} WHERE ${whereSql(plan, filter)} ORDER BY bm25(${plan.table}, ${TITLE_WEIGHT}, 1), rowid < 0, abs(rowid) LIMIT @limit`,
    params: params(plan, filter, { limit }),
  };
}

/**
 * Beyond SEARCH_RANK_LIMIT matches, unscored: the first `limit` rowids in catalog order (inspection
 * items by id, then list entries by id) matching in the headline or anywhere. One statement per
 * sign of the rowid, each read in FTS5's own rowid order (ascending for items, descending for the
 * negative list rowids), so the scan stops after `limit` rows are kept instead of every match
 * being sorted; a kind filter needs only one of them.
 */
function inOrderStatements(plan: MatchPlan, filter: SearchFilter, where: 'title' | 'anywhere', limit: number): { items?: SearchStatement; lists?: SearchStatement } {
  const expressionParam = where === 'title' ? '@titleExpression' : '@expression';
  const p = params(plan, filter, where === 'title' ? { limit, titleExpression: `title : (${plan.expression})` } : { limit });
  // whereSql already holds the sign when the filter names a kind.
  const sign = (cond: string) => (filter.kind === null ? ` AND ${cond}` : '');
  const select = `SELECT rowid FROM ${plan.table} WHERE ${whereSql(plan, filter, expressionParam)}`;
  return {
    ...(filter.kind === null || filter.kind === 'inspection_items' ? { items: { sql: `${select}${sign('rowid > 0')} ORDER BY rowid LIMIT @limit`, params: p } } : {}),
    ...(filter.kind !== 'inspection_items' ? { lists: { sql: `${select}${sign('rowid < 0')} ORDER BY rowid DESC LIMIT @limit`, params: p } } : {}),
  };
}

/**
 * Every statement a search for `q` may run with this filter, whichever way the counts turn out,
 * so a test can check each one's query plan (EXPLAIN QUERY PLAN) on the SQL actually used.
 */
export function searchStatements(q: string, filter: SearchFilter, limit = 200): Record<string, SearchStatement> | null {
  const terms = parseSearchQuery(q);
  const plan = isSearchable(terms) ? planMatch(terms) : null;
  if (!plan) return null;
  const out: Record<string, SearchStatement> = { count: countStatement(plan, filter), groups: groupStatement(plan), scored: scoredStatement(plan, filter, limit) };
  for (const where of ['title', 'anywhere'] as const) {
    for (const [sign, statement] of Object.entries(inOrderStatements(plan, filter, where, limit))) out[`inOrder.${where}.${sign}`] = statement;
  }
  return out;
}

function countMatches(db: Db, plan: MatchPlan, filter: SearchFilter): number {
  const { sql, params: p } = countStatement(plan, filter);
  return db.prepare(sql).pluck().get(p) as number;
}

type Groups = NonNullable<SearchResult['groups']>;

/** Matches per agency and kind, or null when there are more than SEARCH_GROUP_LIMIT. */
function groupMatches(db: Db, plan: MatchPlan): Groups | null {
  const { sql, params: p } = groupStatement(plan);
  const rows = db.prepare(sql).all(p) as { unitId: number; kind: CatalogKind; count: number }[];
  if (rows.reduce((s, r) => s + r.count, 0) > SEARCH_GROUP_LIMIT) return null;
  const units = new Map((db.prepare(`SELECT id, name, sort_order FROM units`).all() as { id: number; name: string; sort_order: number }[]).map((u) => [u.id, u]));
  const kindOrder = (k: CatalogKind) => CATALOG_KINDS.indexOf(k);
  return rows
    .map((g) => ({ ...g, unitName: units.get(g.unitId)?.name ?? '', sortOrder: units.get(g.unitId)?.sort_order ?? 0 }))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.unitId - b.unitId || kindOrder(a.kind) - kindOrder(b.kind))
    .map(({ unitId, unitName, kind, count }) => ({ unitId, unitName, kind, count }));
}

function rowids(db: Db, { sql, params: p }: SearchStatement): number[] {
  return db.prepare(sql).pluck().all(p) as number[];
}

/** The first `limit` rowids in catalog order: inspection items, then list entries. */
function firstInOrder(db: Db, plan: MatchPlan, filter: SearchFilter, where: 'title' | 'anywhere', limit: number): number[] {
  const { items, lists } = inOrderStatements(plan, filter, where, limit);
  const out = items ? rowids(db, items) : [];
  if (lists && out.length < limit) out.push(...rowids(db, { ...lists, params: { ...lists.params, limit: limit - out.length } }));
  return out;
}

/** The best `limit` rowids: by bm25 when there are few enough matches, else headline matches first. */
function rankedRowids(db: Db, plan: MatchPlan, filter: SearchFilter, total: number, limit: number): number[] {
  if (total <= SEARCH_RANK_LIMIT) return rowids(db, scoredStatement(plan, filter, limit));
  const inTitle = firstInOrder(db, plan, filter, 'title', limit);
  if (inTitle.length >= limit) return inTitle;
  const seen = new Set(inTitle);
  const rest = firstInOrder(db, plan, filter, 'anywhere', limit + inTitle.length);
  return [...inTitle, ...rest.filter((r) => !seen.has(r))].slice(0, limit);
}

const ITEM_FIELDS: readonly InspectionItemField[] = ['itemCode', 'content', 'target', 'basis', 'subject', 'undertakingBody', 'method', 'frequency', 'notes', 'category'];
const LIST_FIELDS: readonly ListItemField[] = ['conditions', 'violationBasis', 'penaltyBasis', 'discretion', 'matter', 'notes'];

function fieldSnippets<F extends string>(fields: readonly F[], value: (f: F) => string | null, label: (f: F) => string, terms: readonly SearchTerm[]): SearchHit['fields'] {
  const out: SearchHit['fields'] = [];
  for (const field of fields) {
    const text = value(field);
    if (!text) continue;
    const ranges = findMatchRanges(text, terms);
    if (ranges.length === 0) continue;
    out.push({ field, label: label(field), snippet: snippetAround(text, ranges, FIELD_SNIPPET_WIDTH) });
    if (out.length >= MAX_FIELDS_PER_HIT) break;
  }
  return out;
}

function buildHits(db: Db, ranked: readonly number[], terms: readonly SearchTerm[]): SearchHit[] {
  const itemIds = ranked.filter((r) => r > 0);
  const listIds = ranked.filter((r) => r < 0).map((r) => -r);
  const items = new Map(
    itemIds.length === 0
      ? []
      : (db.prepare(`${INSPECTION_ITEM_SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(itemIds)) as InspectionItemDbRow[]).map((r) => [r.id, toInspectionItemRow(r)]),
  );
  const lists = new Map(
    listIds.length === 0 ? [] : (db.prepare(`${LIST_ITEM_SELECT} WHERE l.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(listIds)) as ListItemDbRow[]).map((r) => [r.id, toListItemRow(r)]),
  );
  const hits: SearchHit[] = [];
  for (const rowid of ranked) {
    if (rowid > 0) {
      const item = items.get(rowid);
      if (!item) continue;
      hits.push({
        kind: 'inspection_items',
        id: item.id,
        unitId: item.unitId,
        unitName: item.unitName,
        title: snippetAround(item.name, findMatchRanges(item.name, terms), TITLE_SNIPPET_WIDTH),
        itemCode: item.itemCode,
        category: item.category,
        fields: fieldSnippets(
          ITEM_FIELDS,
          (f) => item[f],
          (f) => INSPECTION_ITEM_LABELS[f],
          terms,
        ),
      });
    } else {
      const entry = lists.get(-rowid);
      if (!entry) continue;
      hits.push({
        kind: entry.listKind,
        id: entry.id,
        unitId: entry.unitId,
        unitName: entry.unitName,
        title: snippetAround(entry.violation, findMatchRanges(entry.violation, terms), TITLE_SNIPPET_WIDTH),
        itemCode: null,
        category: null,
        fields: fieldSnippets(
          LIST_FIELDS,
          (f) => entry[f],
          (f) => listItemLabel(entry.listKind, f),
          terms,
        ),
      });
    }
  }
  return hits;
}

export interface SearchInput {
  q: string;
  unitId: number | null;
  kind: CatalogKind | null;
  limit: number;
}

function empty(q: string, terms: SearchTerm[], notice: string | null): SearchResult {
  return { query: q, terms, total: 0, groups: [], hits: [], truncated: false, notice };
}

export function searchCatalog(db: Db, input: SearchInput, synonyms: readonly SearchSynonym[] = []): SearchResult {
  const terms = parseSearchQuery(input.q, synonyms);
  if (terms.length === 0) return empty(input.q, terms, null);
  const plan = isSearchable(terms) ? planMatch(terms) : null;
  if (!plan) return empty(input.q, terms, '检索词中没有可检索的文字，请输入文字、数字或符号');
  const filter: SearchFilter = { unitId: input.unitId, kind: input.kind };

  const groups = groupMatches(db, plan);
  const total = groups
    ? groups.filter((g) => (filter.unitId === null || g.unitId === filter.unitId) && (filter.kind === null || g.kind === filter.kind)).reduce((s, g) => s + g.count, 0)
    : countMatches(db, plan, filter);
  const hits = total === 0 ? [] : buildHits(db, rankedRowids(db, plan, filter, total, input.limit), terms);
  return { query: input.q, terms, total, groups, hits, truncated: total > hits.length, notice: null };
}
