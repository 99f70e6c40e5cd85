import { INSPECTION_CATEGORIES, type InspectionCategory } from './list-kinds.ts';

/**
 * Agencies write the category of an inspection item many ways: 一般 / 一般事项 / 一般检查 / 一般类,
 * 重点 / 重点事项 / 重點檢查事項 … This maps every spelling to the canonical value, or null when the
 * text is not recognisable (the importer then reports it; it never guesses).
 */
const TRADITIONAL: Record<string, string> = { 點: '点', 檢: '检', 査: '查', 項: '项', 類: '类', 規: '规' };

export function normalizeInspectionCategory(raw: string): InspectionCategory | null {
  let text = raw.normalize('NFKC').replace(/\s+/g, '');
  for (const [trad, simp] of Object.entries(TRADITIONAL)) text = text.replaceAll(trad, simp);
  text = text.replace(/[（(].*?[）)]/g, '');
  if ((INSPECTION_CATEGORIES as readonly string[]).includes(text)) return text as InspectionCategory;
  const stem = text.replace(/(检查)?(事项)?(类)?$/, '');
  if (stem === '一般') return '一般检查事项';
  if (stem === '重点') return '重点检查事项';
  return null;
}
