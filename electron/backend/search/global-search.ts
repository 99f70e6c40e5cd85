import type { GlobalSearchHit, GlobalSearchResult } from '../../../shared/api/methods/search.ts';
import { LIST_KINDS, type CatalogKind } from '../../../shared/domain/list-kinds.ts';
import { maskIdNumber } from '../../../shared/domain/id-number.ts';
import { synonymVariants, type SearchSynonym } from '../../../shared/domain/search-synonyms.ts';
import type { UnitKind } from '../../../shared/domain/unit-kinds.ts';
import { searchCatalog } from '../catalog/search-service.ts';
import { roleCertTypeSql } from '../db/current-certificate.ts';
import type { Db } from '../db/open-database.ts';
import { likeContains, personSearchSql } from '../personnel/roster-query.ts';

/**
 * The header's search (Ctrl+K): one query over people, units, the inspection catalog and the four
 * lists, each group with its total and its first `limit` hits. Each part is the search its own
 * page runs, so a hit here is found there too: people through the roster's search
 * (personSearchSql: name, pinyin initials and full pinyin, ID fragment, card number), catalog and
 * lists through the full-text search, both expanded by the clerk's synonym list.
 */

export interface GlobalSearchInput {
  q: string;
  limit: number;
}

type Group = GlobalSearchResult['groups'][number];

interface PersonDbRow {
  id: number;
  name: string;
  unit_name: string;
  id_number: string;
  cert_number: string | null;
}

function searchPeople(db: Db, q: string, synonyms: readonly SearchSynonym[], limit: number): Group {
  // Names are not abbreviated: a unit's abbreviation is answered by the units group, not by its whole staff.
  const found = personSearchSql(q, synonyms, { byUnit: false });
  if (!found) return { kind: 'people', total: 0, hits: [] };
  const total = db.prepare(`SELECT count(*) FROM (${found.sql})`).pluck().get(found.params) as number;
  if (total === 0) return { kind: 'people', total, hits: [] };
  // The exact name first (the phone call: 张伟 before 张伟华), then pinyin order as on the roster.
  const rows = db
    .prepare(
      `SELECT p.id, p.name, u.name AS unit_name, p.id_number, cc.cert_number
         FROM personnel p
         JOIN units u ON u.id = p.unit_id
         LEFT JOIN certificate_current cc ON cc.person_id = p.id AND cc.cert_type = ${roleCertTypeSql('p')}
        WHERE p.id IN (${found.sql})
        ORDER BY p.name <> @exact, p.name_initials, p.name, p.id
        LIMIT @limit`,
    )
    .all({ ...found.params, exact: q.trim(), limit }) as PersonDbRow[];
  return {
    kind: 'people',
    total,
    hits: rows.map((r): GlobalSearchHit => ({ kind: 'person', id: r.id, name: r.name, unitName: r.unit_name, idNumberMasked: maskIdNumber(r.id_number), certNumber: r.cert_number })),
  };
}

interface UnitDbRow {
  id: number;
  name: string;
  kind: UnitKind;
  short_name: string | null;
  alias: string | null;
  people: number;
}

function searchUnits(db: Db, q: string, synonyms: readonly SearchSynonym[], limit: number): Group {
  const text = q.replace(/[\s\u3000]+/g, '');
  if (text.length === 0) return { kind: 'units', total: 0, hits: [] };
  const params: Record<string, string | number> = { limit };
  const likes = synonymVariants(text, synonyms).map((v, i) => {
    params[`like${i}`] = likeContains(v);
    return `@like${i}`;
  });
  const matches = (column: string) => `(${likes.map((l) => `${column} LIKE ${l} ESCAPE '\\'`).join(' OR ')})`;
  const rows = db
    .prepare(
      `WITH hit AS (
         SELECT id AS unit_id, NULL AS alias FROM units WHERE ${matches('name')}
         UNION ALL SELECT id, short_name FROM units WHERE ${matches("ifnull(short_name, '')")}
         UNION ALL SELECT unit_id, alias FROM unit_aliases WHERE ${matches('alias')}
       ), best AS (SELECT unit_id, min(ifnull(alias, '')) AS alias, min(alias IS NOT NULL) AS by_alias FROM hit GROUP BY unit_id)
       SELECT u.id, u.name, u.kind, u.short_name, CASE WHEN b.by_alias THEN b.alias END AS alias,
              (SELECT count(*) FROM personnel p WHERE p.unit_id = u.id) AS people,
              count(*) OVER () AS total
         FROM best b JOIN units u ON u.id = b.unit_id
        ORDER BY CASE u.kind WHEN '市直单位' THEN 0 ELSE 1 END, u.sort_order, u.id
        LIMIT @limit`,
    )
    .all(params) as (UnitDbRow & { total: number })[];
  return {
    kind: 'units',
    total: rows[0]?.total ?? 0,
    hits: rows.map((r): GlobalSearchHit => ({ kind: 'unit', id: r.id, name: r.name, unitKind: r.kind, matchedAlias: r.alias, people: r.people })),
  };
}

function searchCatalogKind(db: Db, q: string, kind: CatalogKind, synonyms: readonly SearchSynonym[], limit: number) {
  const result = searchCatalog(db, { q, unitId: null, kind, limit }, synonyms);
  return {
    total: result.total,
    hits: result.hits.map((h): GlobalSearchHit => ({ kind: 'catalog', catalogKind: h.kind, id: h.id, unitId: h.unitId, unitName: h.unitName, title: h.title.text, itemCode: h.itemCode })),
  };
}

export function globalSearch(db: Db, input: GlobalSearchInput, synonyms: readonly SearchSynonym[]): GlobalSearchResult {
  const q = input.q.trim();
  if (q.length === 0) return { query: input.q, groups: [] };
  const items = searchCatalogKind(db, q, 'inspection_items', synonyms, input.limit);
  // The four lists are one group: each list's best hits, in the lists' order, up to the limit.
  const lists = LIST_KINDS.map((kind) => searchCatalogKind(db, q, kind, synonyms, input.limit));
  const groups: Group[] = [
    searchPeople(db, q, synonyms, input.limit),
    searchUnits(db, q, synonyms, input.limit),
    { kind: 'inspection_items', ...items },
    { kind: 'list_items', total: lists.reduce((s, l) => s + l.total, 0), hits: lists.flatMap((l) => l.hits).slice(0, input.limit) },
  ];
  return { query: input.q, groups: groups.filter((g) => g.total > 0) };
}
