import { z } from 'zod';
import { SEARCH_QUERY_MAX_LENGTH } from '../../domain/catalog-search.ts';
import { CATALOG_KINDS } from '../../domain/list-kinds.ts';
import { UNIT_KINDS } from '../../domain/unit-kinds.ts';
import { defineMethods } from '../define.ts';
import { idSchema } from '../schema-parts.ts';

/** The groups of the header's search, in the order they are shown. */
export const GLOBAL_SEARCH_GROUPS = ['people', 'units', 'inspection_items', 'list_items'] as const;
export type GlobalSearchGroupKind = (typeof GLOBAL_SEARCH_GROUPS)[number];

export const GLOBAL_SEARCH_GROUP_LABELS: Readonly<Record<GlobalSearchGroupKind, string>> = {
  people: '人员',
  units: '单位',
  inspection_items: '检查事项',
  list_items: '清单条目',
};

/** Hits shown per group; the group's total says how many more there are. */
export const GLOBAL_SEARCH_LIMIT_MAX = 20;

const personHit = z.object({
  kind: z.literal('person'),
  id: idSchema,
  name: z.string(),
  unitName: z.string(),
  /** Masked like the roster's (430981********0016): the full number is shown, and logged, only on the person's page. */
  idNumberMasked: z.string(),
  certNumber: z.string().nullable(),
});

const unitHit = z.object({
  kind: z.literal('unit'),
  id: idSchema,
  name: z.string(),
  unitKind: z.enum(UNIT_KINDS),
  /** The name it matched by, when not its own (a short name or an alias). */
  matchedAlias: z.string().nullable(),
  people: z.number().int().min(0),
});

const catalogHit = z.object({
  kind: z.literal('catalog'),
  /** inspection_items, or the list the entry belongs to. */
  catalogKind: z.enum(CATALOG_KINDS),
  id: idSchema,
  unitId: idSchema,
  unitName: z.string(),
  title: z.string(),
  itemCode: z.string().nullable(),
});

export const globalSearchHitSchema = z.discriminatedUnion('kind', [personHit, unitHit, catalogHit]);
export type GlobalSearchHit = z.infer<typeof globalSearchHitSchema>;

export const globalSearchResultSchema = z.object({
  query: z.string(),
  groups: z.array(
    z.object({
      kind: z.enum(GLOBAL_SEARCH_GROUPS),
      /** All matches of the kind; `hits` holds the first `limit`. */
      total: z.number().int().min(0),
      hits: z.array(globalSearchHitSchema),
    }),
  ),
});
export type GlobalSearchResult = z.infer<typeof globalSearchResultSchema>;

export const searchMethods = defineMethods({
  'search.global': {
    title: '全局搜索',
    input: z
      .object({
        q: z.string().max(SEARCH_QUERY_MAX_LENGTH, `搜索内容不能超过${SEARCH_QUERY_MAX_LENGTH}个字`),
        limit: z.number().int().min(1).max(GLOBAL_SEARCH_LIMIT_MAX).default(6),
      })
      .strict(),
    output: globalSearchResultSchema,
  },
});
