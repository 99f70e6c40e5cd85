import { normalizeInspectionCategory } from '../../../shared/domain/inspection-category.ts';
import type { InspectionCategory } from '../../../shared/domain/list-kinds.ts';
import { cleanCode, cleanLongText, cleanText, type Cleaned } from '../../../shared/import/cell-cleaning.ts';
import { fieldDef } from '../../../shared/import/column-synonyms.ts';
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

/**
 * What makes a catalog item or a list entry the same one (in the file, and against the registry):
 * its headline, compared in one normalised form, together with the texts that tell entries with the
 * same headline apart. An empty part is "not given", not a difference (see sameEntry).
 */
export interface EntryIdentity {
  /** The normalised 事项名称, or 违法行为 (normalizeViolationText). */
  headline: string;
  /** Catalog: 实施依据 and 检查对象. Lists: 违法依据 (违反条款) and 处罚依据. Normalised; '' when not given. */
  parts: readonly [string, string];
}

export interface ItemDraft extends RowDraft {
  item: {
    code: string | null;
    name: string | null;
    category: InspectionCategory | null;
    texts: Record<(typeof ITEM_TEXT_FIELDS)[number], string | null>;
  };
  /** The agency's item code when there is one (`code:…`), else the name with its basis and target. */
  key: string | null;
  identity: EntryIdentity | null;
}

export interface ListDraft extends RowDraft {
  listItem: {
    violation: string | null;
    texts: Record<(typeof LIST_TEXT_FIELDS)[number], string | null>;
  };
  /** The violation with its clause and its basis. */
  key: string | null;
  identity: EntryIdentity | null;
}

const keyPart = (text: string | null | undefined) => (text ? normaliseKeyText(text) : '');

export function itemIdentity(name: string, basis: string | null | undefined, target: string | null | undefined): EntryIdentity {
  return { headline: normaliseKeyText(name), parts: [keyPart(basis), keyPart(target)] };
}

export function listIdentity(violation: string, clause: string | null | undefined, basis: string | null | undefined): EntryIdentity {
  return { headline: normalizeViolationText(violation), parts: [keyPart(clause), keyPart(basis)] };
}

export function identityKey(identity: EntryIdentity): string {
  return [identity.headline, ...identity.parts].join('|');
}

/**
 * Whether a row's identity names a registry entry: the same headline, and each part equal where
 * the row gives it (a file without a 违法依据 column still finds the entry that has one).
 */
export function sameEntry(row: EntryIdentity, registry: EntryIdentity): boolean {
  return row.headline === registry.headline && row.parts.every((p, i) => p === '' || p === registry.parts[i]);
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
  // Long texts keep their line breaks (numbered conditions, several legal bases); short ones are collapsed.
  const long = fieldDef(reader.shape, field)?.long === true;
  const value = take(reader, field, long ? cleanLongText(reader.cell(field)) : cleanText(reader.cell(field)));
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
  const identity = name !== null ? itemIdentity(name, texts.basis, texts.target) : null;
  const key = code !== null ? `code:${code}` : identity !== null ? `name:${identityKey(identity)}` : null;
  return Object.assign(reader.draft, { item: { code, name, category, texts }, key, identity });
}

export function readListRow(rowIndex: number, ctx: RowContext): ListDraft {
  const reader = new RowReader(rowIndex, ctx);
  const violation = text(reader, 'violation');
  if (violation === null) reader.issue('VIOLATION_MISSING', 'violation', '缺少违法行为（或强制措施）的描述');
  const texts = Object.fromEntries(LIST_TEXT_FIELDS.map((f) => [f, text(reader, f)])) as ListDraft['listItem']['texts'];
  const identity = violation !== null ? listIdentity(violation, texts.violation_basis, texts.penalty_basis) : null;
  return Object.assign(reader.draft, { listItem: { violation, texts }, key: identity ? identityKey(identity) : null, identity });
}
