import type { ListKind } from '../domain/list-kinds.ts';
import { normaliseWord } from './text-normalise.ts';

/**
 * Which of the four lists a sheet is, read from words in its title, sheet name or file name. The
 * four lists share one column layout, so only these words tell them apart. A text naming two
 * lists ('从轻减轻处罚事项清单') is ambiguous: the clerk chooses.
 */
const LIST_KIND_WORDS: Readonly<Record<ListKind, readonly string[]>> = {
  no_penalty: ['不予处罚', '不予行政处罚', '免予处罚', '免予行政处罚', '免罚', '首违不罚', '轻微违法不罚', '不罚'],
  lighter_penalty: ['从轻处罚', '从轻行政处罚', '从轻'],
  reduced_penalty: ['减轻处罚', '减轻行政处罚', '减轻'],
  no_coercion: ['不予实施行政强制措施', '不予实施行政强制', '不予采取行政强制措施', '不予强制', '免予强制', '不予实施强制措施', '不予行政强制'],
};

/** The list kinds a text names (empty when none, several when ambiguous). */
export function listKindsNamedIn(text: string): ListKind[] {
  const norm = normaliseWord(text);
  const found: ListKind[] = [];
  for (const [kind, words] of Object.entries(LIST_KIND_WORDS) as [ListKind, readonly string[]][]) {
    if (words.some((w) => norm.includes(w))) found.push(kind);
  }
  // '不予实施行政强制措施' does not contain 不予处罚, but '不予处罚和不予实施行政强制措施' names both: keep both.
  return found;
}

/** Words that mark an instruction sheet (填表说明), skipped and said so. */
const INSTRUCTION_WORDS = ['填表说明', '填报说明', '填写说明', '使用说明', '说明', '注意事项', '填表须知', '填报要求', 'readme', 'instructions'];

export function isInstructionSheetName(name: string): boolean {
  const norm = normaliseWord(name).toLowerCase();
  return INSTRUCTION_WORDS.some((w) => norm === w || norm.includes(w));
}
