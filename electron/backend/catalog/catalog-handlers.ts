import type { catalogMethods } from '../../../shared/api/methods/catalog.ts';
import type { Handlers } from '../handler-types.ts';
import { listDuplicateFlags, reviewDuplicateFlag } from './duplicates-service.ts';
import { createInspectionItem, deleteInspectionItem, getInspectionItem, listInspectionItems, updateInspectionItem } from './inspection-items-service.ts';
import { createListItem, deleteListItem, getListItem, listListItems, updateListItem } from './list-items-service.ts';
import { createPublication, deletePublication, listPublications, updatePublication } from './publications-service.ts';
import { readReportedFigures, saveReportedFigures } from './reported-figures-store.ts';
import { searchCatalog } from './search-service.ts';
import { agencySummaries, computeStatistics } from './statistics-service.ts';

export const catalogHandlers = {
  'catalog.agencies': (_input, ctx) => ({ today: ctx.today(), agencies: agencySummaries(ctx.db, ctx.today(), ctx.settings().publicationWarningDays) }),
  'catalog.items': ({ unitId, limit }, ctx) => listInspectionItems(ctx.db, unitId, limit),
  'catalog.get': ({ id }, ctx) => getInspectionItem(ctx.db, id),
  'catalog.create': (values, ctx) => createInspectionItem(ctx.db, values, ctx.operator()),
  'catalog.update': ({ id, ...values }, ctx) => updateInspectionItem(ctx.db, id, values, ctx.operator()),
  'catalog.delete': ({ id }, ctx) => deleteInspectionItem(ctx.db, id, ctx.operator()),
  'catalog.statistics': ({ year }, ctx) => computeStatistics(ctx.db, ctx.today(), ctx.settings().publicationWarningDays, year),
  'catalog.reportedFigures': (_input, ctx) => readReportedFigures(ctx.db),
  'catalog.saveReportedFigures': (figures, ctx) => saveReportedFigures(ctx.db, figures),
  'catalog.duplicates': (_input, ctx) => ({ flags: listDuplicateFlags(ctx.db) }),
  'catalog.reviewDuplicate': ({ key, reviewed, note }, ctx) => reviewDuplicateFlag(ctx.db, key, reviewed, note, ctx.operator()),

  'lists.items': ({ unitId, listKind, limit }, ctx) => listListItems(ctx.db, unitId, listKind, limit),
  'lists.get': ({ id }, ctx) => getListItem(ctx.db, id),
  'lists.create': (values, ctx) => createListItem(ctx.db, values, ctx.operator()),
  'lists.update': ({ id, ...values }, ctx) => updateListItem(ctx.db, id, values, ctx.operator()),
  'lists.delete': ({ id }, ctx) => deleteListItem(ctx.db, id, ctx.operator()),

  'publications.list': (_input, ctx) => listPublications(ctx.db, ctx.today(), ctx.settings().publicationWarningDays),
  'publications.create': (values, ctx) => createPublication(ctx.db, values, ctx.operator()),
  'publications.update': ({ id, ...values }, ctx) => updatePublication(ctx.db, id, values, ctx.operator()),
  'publications.delete': ({ id }, ctx) => deletePublication(ctx.db, id, ctx.operator()),

  'search.query': (input, ctx) => searchCatalog(ctx.db, input, ctx.settings().searchSynonyms),
} satisfies Handlers<typeof catalogMethods>;
