/**
 * The four lists (四项清单). The codes are stable identifiers (database, CLI JSON, file names);
 * the labels are what the clerk reads.
 */
export const LIST_KINDS = ['no_penalty', 'lighter_penalty', 'reduced_penalty', 'no_coercion'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_KIND_LABELS: Readonly<Record<ListKind, string>> = {
  no_penalty: '不予处罚事项清单',
  lighter_penalty: '从轻处罚事项清单',
  reduced_penalty: '减轻处罚事项清单',
  no_coercion: '不予实施行政强制措施事项清单',
};

export const LIST_KIND_SHORT_LABELS: Readonly<Record<ListKind, string>> = {
  no_penalty: '不予处罚',
  lighter_penalty: '从轻处罚',
  reduced_penalty: '减轻处罚',
  no_coercion: '不予强制',
};

/** 检查类别 of an inspection item (湘政办发〔2025〕5号). */
export const INSPECTION_CATEGORIES = ['一般检查事项', '重点检查事项'] as const;
export type InspectionCategory = (typeof INSPECTION_CATEGORIES)[number];

/** Every kind of table an agency submits; `personnel` is the roster. */
export const RECORD_KINDS = ['personnel', 'inspection_items', ...LIST_KINDS] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  personnel: '执法人员名册',
  inspection_items: '分类检查事项目录',
  ...LIST_KIND_LABELS,
};

/** What the catalog page, search and statistics hold: the inspection catalog and the four lists. */
export const CATALOG_KINDS = ['inspection_items', ...LIST_KINDS] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export const CATALOG_KIND_SHORT_LABELS: Readonly<Record<CatalogKind, string>> = {
  inspection_items: '检查事项',
  ...LIST_KIND_SHORT_LABELS,
};

export function isListKind(kind: string): kind is ListKind {
  return (LIST_KINDS as readonly string[]).includes(kind);
}
