import { normalizeInspectionCategory } from '../../../shared/domain/inspection-category.ts';
import type { InspectionCategory } from '../../../shared/domain/list-kinds.ts';
import { cleanCode, cleanText, type Cleaned } from '../../../shared/import/cell-cleaning.ts';
import { normalizeViolationText } from '../../../shared/domain/violation-text.ts';
import { normaliseKeyText } from '../../../shared/import/text-normalise.ts';
import { RowReader, type RowContext, type RowDraft } from './row-draft.ts';

/**
 * Reads and checks one row of an inspection catalog (分类检查事项目录) or of one of the four lists.
 * The category goes through the one rule in shared/domain/inspection-category.ts; anything it
 * does not recognise is an error, never a guess.
 */

export const ITEM_TEXT_FIELDS = ['basis', 'subject', 'undertaking_body', 'target', 'content', 'method', 'frequency', 'notes'] as const;
export const LIST_TEXT_FIELDS = ['matter', 'violation_basis', 'penalty_basis', 'conditions', 'discretion', 'notes'] as const;

export interface ItemDraft extends RowDraft {
  item: {
    code: string | null;
    name: string | null;
    category: InspectionCategory | null;
    texts: Record<(typeof ITEM_TEXT_FIELDS)[number], string | null>;
  };
  /** Agency + code when there is a code, else the normalised name. */
  key: string | null;
}

export interface ListDraft extends RowDraft {
  listItem: {
    violation: string | null;
    texts: Record<(typeof LIST_TEXT_FIELDS)[number], string | null>;
  };
  key: string | null;
}

function take(reader: RowReader, field: string, cleaned: Cleaned): string | null {
  if (!cleaned.ok) {
    reader.issue('NUMBER_PRECISION_LOST', field, cleaned.reason);
    return null;
  }
  return cleaned.value;
}

function text(reader: RowReader, field: string): string | null {
  if (!reader.has(field)) return null;
  const value = take(reader, field, cleanText(reader.cell(field)));
  if (value !== null && value.length > 5000) {
    reader.issue('TEXT_TOO_LONG', field, '内容超过 5000 字，请核对是否把几格内容粘贴到了一格');
    return null;
  }
  reader.set(field, value);
  return value;
}

export function readItemRow(rowIndex: number, ctx: RowContext): ItemDraft {
  const reader = new RowReader(rowIndex, ctx);
  const code = reader.has('item_code') ? take(reader, 'item_code', cleanCode(reader.cell('item_code'))) : null;
  if (reader.has('item_code')) reader.set('item_code', code);
  if (code !== null && code.length > 60) reader.issue('TEXT_TOO_LONG', 'item_code', '事项编码超过 60 个字符');
  const name = text(reader, 'name');
  if (name === null) reader.issue('ITEM_NAME_MISSING', 'name', '缺少检查事项名称');
  let category: InspectionCategory | null = null;
  const rawCategory = reader.has('category') ? take(reader, 'category', cleanText(reader.cell('category'))) : null;
  if (rawCategory === null) {
    reader.issue('CATEGORY_INVALID', 'category', '缺少事项类别，应为“一般检查事项”或“重点检查事项”');
  } else {
    category = normalizeInspectionCategory(rawCategory);
    if (category === null) reader.issue('CATEGORY_INVALID', 'category', `事项类别“${rawCategory}”无法识别，应为“一般检查事项”或“重点检查事项”`);
  }
  reader.set('category', category);
  const texts = Object.fromEntries(ITEM_TEXT_FIELDS.map((f) => [f, text(reader, f)])) as ItemDraft['item']['texts'];
  const key = code !== null ? `code:${code}` : name !== null ? `name:${normaliseKeyText(name)}` : null;
  return Object.assign(reader.draft, { item: { code, name, category, texts }, key });
}

export function readListRow(rowIndex: number, ctx: RowContext): ListDraft {
  const reader = new RowReader(rowIndex, ctx);
  const violation = text(reader, 'violation');
  if (violation === null) reader.issue('VIOLATION_MISSING', 'violation', '缺少违法行为（或强制措施）的描述');
  const texts = Object.fromEntries(LIST_TEXT_FIELDS.map((f) => [f, text(reader, f)])) as ListDraft['listItem']['texts'];
  const key = violation !== null ? normalizeViolationText(violation) : null;
  return Object.assign(reader.draft, { listItem: { violation, texts }, key });
}
