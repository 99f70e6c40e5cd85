import { requirePackage } from '../lazy-package.ts';

type PinyinPro = typeof import('pinyin-pro');

/**
 * pinyin-pro's dictionary (~140 ms and ~16 MiB) is loaded by the first name that needs initials,
 * not at start-up: most sessions open the registry without adding anyone (issue 13).
 */
let pinyinPro: PinyinPro | null = null;

function loadPinyin(): PinyinPro {
  pinyinPro ??= requirePackage<PinyinPro>('pinyin-pro');
  return pinyinPro;
}

// pinyin-pro takes ~10 µs a name; a 100,000-row roster repeats a few thousand distinct names.
const MEMO_LIMIT = 50_000;
const memo = new Map<string, string>();

/**
 * Lower-case pinyin initials of a name ('张伟' → 'zw'), stored in personnel.name_initials for the
 * quick search. `surname: 'head'` reads the first character with its surname pronunciation:
 * without it pinyin-pro gives 曾志强 → 'czq' and 单雪 → 'dx', but as surnames they are Zēng and
 * Shàn, and 曾 is one of the most common surnames in Hunan.
 *
 * The sample data, the personnel service and the importer all store initials through this one function.
 */
export function nameInitials(name: string): string {
  let initials = memo.get(name);
  if (initials === undefined) {
    initials = loadPinyin()
      .pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, initials);
  }
  return initials;
}

const fullMemo = new Map<string, string>();

/**
 * The name's full pinyin without tones or spaces ('张三' → 'zhangsan', 吕 → 'lv' as typed on a
 * keyboard), for finding people by full pinyin; read with the same surname rule as nameInitials.
 * Stored per distinct name in the name_pinyin table (migration 0007).
 */
export function namePinyin(name: string): string {
  let full = fullMemo.get(name);
  if (full === undefined) {
    full = loadPinyin()
      .pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    if (fullMemo.size >= MEMO_LIMIT) fullMemo.clear();
    fullMemo.set(name, full);
  }
  return full;
}
