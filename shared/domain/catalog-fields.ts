import type { ListKind } from './list-kinds.ts';

/**
 * Column names of the catalog and the four lists as the agencies' documents print them (湘政办发
 * 〔2025〕5号 for the catalog; the list layouts in domain.md). One place for the page, the detail
 * drawer, search results and exports.
 */

export const INSPECTION_ITEM_FIELDS = ['itemCode', 'name', 'category', 'basis', 'subject', 'undertakingBody', 'target', 'content', 'method', 'frequency', 'notes'] as const;
export type InspectionItemField = (typeof INSPECTION_ITEM_FIELDS)[number];

export const INSPECTION_ITEM_LABELS: Readonly<Record<InspectionItemField, string>> = {
  itemCode: '事项编码',
  name: '事项名称',
  category: '检查类别',
  basis: '实施依据',
  subject: '检查主体',
  undertakingBody: '承办机构',
  target: '检查对象',
  content: '检查内容',
  method: '检查方式',
  frequency: '检查频次',
  notes: '备注',
};

export const LIST_ITEM_FIELDS = ['matter', 'violation', 'violationBasis', 'penaltyBasis', 'conditions', 'discretion', 'notes'] as const;
export type ListItemField = (typeof LIST_ITEM_FIELDS)[number];

const LIST_LABELS: Readonly<Record<ListItemField, string>> = {
  matter: '监管领域',
  violation: '违法行为',
  violationBasis: '违法依据',
  penaltyBasis: '处罚依据',
  conditions: '适用情形',
  discretion: '裁量幅度',
  notes: '备注',
};

/** 不予实施行政强制措施 lists name a coercive measure and its 实施依据 instead of a violation and 处罚依据. */
const NO_COERCION_LABELS: Readonly<Partial<Record<ListItemField, string>>> = {
  violation: '强制措施',
  penaltyBasis: '实施依据',
  conditions: '适用条件',
};

export function listItemLabel(kind: ListKind, field: ListItemField): string {
  return (kind === 'no_coercion' ? NO_COERCION_LABELS[field] : undefined) ?? LIST_LABELS[field];
}

/** The fields a list shows: 裁量幅度 belongs to the 减轻 list only. */
export function listItemFieldsOf(kind: ListKind): readonly ListItemField[] {
  return LIST_ITEM_FIELDS.filter((f) => f !== 'discretion' || kind === 'reduced_penalty');
}
