import { CERT_TYPES, type CertState, type CertType } from '../domain/certificate-vocabulary.ts';
import { PERSONNEL_KINDS, SEXES, STAFFING_TYPES, type PersonnelKind, type Sex, type StaffingType } from '../domain/personnel-fields.ts';
import { normaliseWord } from './text-normalise.ts';

/**
 * The spellings agencies use for the registry's fixed values. Each reader returns the canonical
 * value or null when the text is not one of the known spellings (the importer then reports it).
 * Words are compared after normaliseWord (full-width, traditional characters and spaces folded).
 */

function lookup<T extends string>(table: Readonly<Record<string, T>>, canon: readonly T[], raw: string): T | null {
  // Most cells already hold the canonical word: skip the normalisation (a 100,000-row roster calls this per cell).
  if ((canon as readonly string[]).includes(raw)) return raw as T;
  if (Object.hasOwn(table, raw)) return table[raw] ?? null;
  const word = normaliseWord(raw).replace(/[()（）]/g, '');
  if ((canon as readonly string[]).includes(word)) return word as T;
  return Object.hasOwn(table, word) ? (table[word] ?? null) : null;
}

const SEX_WORDS: Readonly<Record<string, Sex>> = { 男性: '男', 女性: '女', M: '男', F: '女', m: '男', f: '女' };
export function parseSex(raw: string): Sex | null {
  return lookup(SEX_WORDS, SEXES, raw);
}

/**
 * 合同工、临时工 and 协管员 are hired auxiliaries in the sense of 湘政府令第280号 (they may assist
 * but never hold a certificate), so they read as 聘用辅助人员.
 */
const STAFFING_WORDS: Readonly<Record<string, StaffingType>> = {
  行政: '行政编制',
  行政编: '行政编制',
  公务员: '行政编制',
  公务员编制: '行政编制',
  参公: '参照公务员管理',
  参照公务员: '参照公务员管理',
  参照公务员法管理: '参照公务员管理',
  参公管理: '参照公务员管理',
  参公编制: '参照公务员管理',
  事业: '事业编制',
  事业编: '事业编制',
  事业单位编制: '事业编制',
  工勤人员: '工勤',
  工勤编制: '工勤',
  工勤岗: '工勤',
  聘用: '聘用辅助人员',
  聘用人员: '聘用辅助人员',
  辅助人员: '聘用辅助人员',
  执法辅助人员: '聘用辅助人员',
  行政执法辅助人员: '聘用辅助人员',
  协管员: '聘用辅助人员',
  合同工: '聘用辅助人员',
  临时工: '聘用辅助人员',
  编外聘用: '聘用辅助人员',
};
export function parseStaffingType(raw: string): StaffingType | null {
  return lookup(STAFFING_WORDS, STAFFING_TYPES, raw);
}

const KIND_WORDS: Readonly<Record<string, PersonnelKind>> = {
  行政执法人员: '执法人员',
  执法: '执法人员',
  监督人员: '监督人员',
  行政执法监督人员: '监督人员',
  执法监督人员: '监督人员',
  监督: '监督人员',
};
export function parsePersonnelKind(raw: string): PersonnelKind | null {
  return lookup(KIND_WORDS, PERSONNEL_KINDS, raw);
}

/** 证件类型 = 1 / 2 is the code of the national forms. */
const CERT_TYPE_WORDS: Readonly<Record<string, CertType>> = {
  执法证: '行政执法证',
  '1': '行政执法证',
  中华人民共和国行政执法证: '行政执法证',
  湖南省行政执法证: '行政执法证',
  执法监督证: '行政执法监督证',
  监督证: '行政执法监督证',
  '2': '行政执法监督证',
  湖南省行政执法监督证: '行政执法监督证',
};
export function parseCertType(raw: string): CertType | null {
  return lookup(CERT_TYPE_WORDS, CERT_TYPES, raw);
}

/**
 * The certificate states an import may record: a card in force (有效, also written 正常 / 在用 /
 * 已过期 — expiry is derived from the dates) or suspended (暂扣). Revocation and cancellation are
 * lifecycle steps with reasons and dates; they are never taken from a spreadsheet cell.
 */
export const IMPORTABLE_CERT_STATES = ['有效', '暂扣'] as const satisfies readonly CertState[];
export type ImportableCertState = (typeof IMPORTABLE_CERT_STATES)[number];
const CERT_STATE_WORDS: Readonly<Record<string, ImportableCertState>> = {
  正常: '有效',
  在用: '有效',
  持证: '有效',
  已过期: '有效',
  过期: '有效',
  即将到期: '有效',
  已暂扣: '暂扣',
};
export function parseCertState(raw: string): ImportableCertState | null {
  return lookup(CERT_STATE_WORDS, IMPORTABLE_CERT_STATES, raw);
}

const YES_WORDS = new Set(['是', 'Y', 'y', 'YES', 'yes', '√', '✓', '✔', '1', '有', 'TRUE', 'true']);
const NO_WORDS = new Set(['否', 'N', 'n', 'NO', 'no', '×', '✗', '0', '无', '不是', 'FALSE', 'false']);
export function parseYesNo(raw: string): boolean | null {
  const word = normaliseWord(raw);
  if (YES_WORDS.has(word)) return true;
  if (NO_WORDS.has(word)) return false;
  return null;
}
