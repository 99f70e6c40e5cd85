import type { AgencySummary, CatalogStatistics, CountsRow } from '../../../shared/api/methods/catalog.ts';
import { checkReportedTotals, comparePublishedAgencies, difference, emptyCounts, reconcileCounts, resolveUnitName, type UnitNames } from '../../../shared/domain/catalog-statistics.ts';
import { FIGURE_KEYS, type FigureCounts } from '../../../shared/domain/reported-figures.ts';
import type { ListKind } from '../../../shared/domain/list-kinds.ts';
import type { Db } from '../db/open-database.ts';
import { documentsByUnit, listAgencies, publicationState } from './publications-service.ts';
import { readReportedFigures } from './reported-figures-store.ts';

/** Per agency: 一般/重点 items, each list, and the publication status. */
export function agencySummaries(db: Db, today: string, warningDays: number): AgencySummary[] {
  const items = db
    .prepare(
      `SELECT unit_id AS unitId, count(*) AS items,
              count(*) FILTER (WHERE category = '一般检查事项') AS general,
              count(*) FILTER (WHERE category = '重点检查事项') AS key
         FROM inspection_items GROUP BY unit_id`,
    )
    .all() as { unitId: number; items: number; general: number; key: number }[];
  const lists = db.prepare(`SELECT unit_id AS unitId, list_kind AS kind, count(*) AS n FROM penalty_list_items GROUP BY unit_id, list_kind`).all() as {
    unitId: number;
    kind: ListKind;
    n: number;
  }[];
  const counts = new Map<number, CountsRow>();
  const of = (unitId: number): CountsRow => {
    let c = counts.get(unitId);
    if (!c) {
      c = emptyCounts();
      counts.set(unitId, c);
    }
    return c;
  };
  for (const r of items) Object.assign(of(r.unitId), { items: r.items, general: r.general, key: r.key });
  for (const r of lists) of(r.unitId)[r.kind] = r.n;
  const docs = documentsByUnit(db);
  return listAgencies(db).map((a) => ({
    unitId: a.id,
    name: a.name,
    shortName: a.short_name,
    counts: counts.get(a.id) ?? emptyCounts(),
    publication: publicationState(docs.get(a.id), today, warningDays),
  }));
}

/**
 * Every row of the tables, not only those of current agencies, so nothing can drop out of the total.
 * The overview shows the same totals.
 */
export function registryTotals(db: Db): CountsRow {
  const t = db
    .prepare(
      `SELECT count(*) AS items,
              count(*) FILTER (WHERE category = '一般检查事项') AS general,
              count(*) FILTER (WHERE category = '重点检查事项') AS key
         FROM inspection_items`,
    )
    .get() as { items: number; general: number; key: number };
  const l = db
    .prepare(
      `SELECT count(*) FILTER (WHERE list_kind = 'no_penalty') AS no_penalty,
              count(*) FILTER (WHERE list_kind = 'lighter_penalty') AS lighter_penalty,
              count(*) FILTER (WHERE list_kind = 'reduced_penalty') AS reduced_penalty,
              count(*) FILTER (WHERE list_kind = 'no_coercion') AS no_coercion
         FROM penalty_list_items`,
    )
    .get() as Pick<CountsRow, ListKind>;
  return { ...t, ...l };
}

function unitNames(db: Db): UnitNames[] {
  const units = db.prepare(`SELECT id, name, short_name FROM units`).all() as { id: number; name: string; short_name: string | null }[];
  const aliases = db.prepare(`SELECT unit_id, alias FROM unit_aliases`).all() as { unit_id: number; alias: string }[];
  return units.map((u) => ({ id: u.id, name: u.name, shortName: u.short_name, aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias) }));
}

function differs(registry: CountsRow, reported: FigureCounts): boolean {
  return FIGURE_KEYS.some((k) => {
    const d = difference(registry[k], reported[k]);
    return d !== null && d !== 0;
  });
}

export function computeStatistics(db: Db, today: string, warningDays: number, year: number | null): CatalogStatistics {
  const agencies = agencySummaries(db, today, warningDays);
  const totals = registryTotals(db);
  const figures = readReportedFigures(db);
  const report = (year === null ? figures.years[0] : figures.years.find((y) => y.year === year)) ?? null;
  const publishedIds = new Set(agencies.filter((a) => a.publication.status === '已发布').map((a) => a.unitId));
  const names = unitNames(db);
  const nameOf = (id: number) => names.find((u) => u.id === id)?.name ?? `单位 ${id}`;
  const named = new Set((report?.publishedAgencies ?? []).map((w) => resolveUnitName(w, names)).filter((id): id is number => id !== null));
  const perAgency = new Map((report?.perAgency ?? []).map((r) => [r.unitId, r]));

  const rows = agencies.map((a) => {
    const reported = perAgency.get(a.unitId);
    return { ...a, reported: reported ? stripUnit(reported) : null, namedInReport: named.has(a.unitId) };
  });

  let reportOut: CatalogStatistics['report'] = null;
  if (report) {
    const comparison = comparePublishedAgencies(report.publishedAgencies, names, publishedIds);
    reportOut = {
      year: report.year,
      source: report.source,
      rows: [
        { key: 'agencies', label: '行政执法单位', reported: report.agencies, registry: agencies.length, difference: difference(agencies.length, report.agencies) },
        ...reconcileCounts(totals, report.totals),
        { key: 'published', label: '已发布“一目录四清单”的单位', reported: report.published, registry: publishedIds.size, difference: difference(publishedIds.size, report.published) },
      ],
      consistency: checkReportedTotals(report.totals),
      namedButNotPublished: comparison.namedButNotPublished.map((n) => ({
        written: n.written,
        unitId: n.unitId,
        unitName: nameOf(n.unitId),
        status: agencies.find((a) => a.unitId === n.unitId)?.publication.status ?? '未发布',
      })),
      publishedButNotNamed: comparison.publishedButNotNamed.map((id) => ({ unitId: id, unitName: nameOf(id) })),
      unresolved: comparison.unresolved,
      agenciesWithDifferences: agencies.filter((a) => {
        const r = perAgency.get(a.unitId);
        return r !== undefined && differs(a.counts, r);
      }).length,
    };
  }

  return {
    today,
    agencies: rows,
    totals,
    agencyCount: agencies.length,
    publishedCount: publishedIds.size,
    years: figures.years.map((y) => y.year),
    report: reportOut,
  };
}

function stripUnit(r: FigureCounts): FigureCounts {
  return { items: r.items, general: r.general, key: r.key, no_penalty: r.no_penalty, lighter_penalty: r.lighter_penalty, reduced_penalty: r.reduced_penalty, no_coercion: r.no_coercion };
}
