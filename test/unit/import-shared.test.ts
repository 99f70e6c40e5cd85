import { describe, expect, it } from 'vitest';
import { cleanCode, cleanIdNumber, cleanName, cleanPhone, cleanText, displayCellText, ID_AS_NUMBER_MESSAGE, numberText } from '../../shared/import/cell-cleaning.ts';
import { matchHeader } from '../../shared/import/column-synonyms.ts';
import { excelSerialToIso, parseDateCell, splitDateRange } from '../../shared/import/date-parsing.ts';
import { columnIndex, columnLetter } from '../../shared/domain/spreadsheet-text.ts';
import { describePlace, makeIssue } from '../../shared/import/issues.ts';
import { isInstructionSheetName, listKindsNamedIn } from '../../shared/import/kind-keywords.ts';
import { normaliseHeader, normaliseKeyText, toHalfWidth } from '../../shared/import/text-normalise.ts';
import { toSimplified } from '../../shared/import/traditional-chars.ts';
import { parseCertState, parseCertType, parsePersonnelKind, parseSex, parseStaffingType, parseYesNo } from '../../shared/import/value-synonyms.ts';

const D1900 = { date1904: false };
const D1904 = { date1904: true };

describe('header normalisation and the synonym table', () => {
  it('folds width, traditional characters, spaces, stars and bracketed hints', () => {
    expect(normaliseHeader('身份證號碼（18位）*')).toBe('身份证号码');
    expect(normaliseHeader(' 姓　名 ')).toBe('姓名');
    expect(normaliseHeader('是否法制审核人员(是/否)')).toBe('是否法制审核人员');
    expect(normaliseHeader('有效期至：')).toBe('有效期至');
    expect(toSimplified('重點檢查事項')).toBe('重点检查事项');
  });

  it.each([
    ['身份证号', 'id_number'],
    ['身份证号码', 'id_number'],
    ['公民身份号码', 'id_number'],
    ['证件号码', 'id_number'],
    ['身份證號碼', 'id_number'],
    ['有效期至', 'expiry_date'],
    ['有效期限', 'expiry_date'],
    ['证件有效期', 'expiry_date'],
    ['執法證號', 'cert_number'],
    ['执法证件号码', 'cert_number'],
    ['证号', 'cert_number'],
    ['行政执法证件编号', 'cert_number'],
    ['发证时间', 'issue_date'],
    ['姓 名', 'name'],
    ['性別', 'sex'],
    ['序号', 'seq'],
  ])('personnel header %s → %s', (header, field) => {
    expect(matchHeader('personnel', header)).toBe(field);
  });

  it('does not map what it does not know, nor a header two fields could claim', () => {
    expect(matchHeader('personnel', '籍贯')).toBeNull();
    expect(matchHeader('personnel', '')).toBeNull();
    expect(matchHeader('inspection_items', '身份证号')).toBeNull();
  });

  it('maps catalog and list headers', () => {
    expect(matchHeader('inspection_items', '事项类别')).toBe('category');
    expect(matchHeader('inspection_items', '抽查比例及频次')).toBe('frequency');
    expect(matchHeader('inspection_items', '檢查對象')).toBe('target');
    expect(matchHeader('penalty_list', '违法行为')).toBe('violation');
    expect(matchHeader('penalty_list', '适用情形')).toBe('conditions');
    expect(matchHeader('penalty_list', '行政处罚事项')).toBe('matter');
    expect(matchHeader('penalty_list', '减轻处罚依据')).toBe('penalty_basis');
  });
});

describe('cell cleaning', () => {
  it('trims text, removes spaces inside names, folds full-width codes', () => {
    expect(cleanText('  市公安局\n 治安大队 ')).toEqual({ ok: true, value: '市公安局 治安大队' });
    expect(cleanName('王  伟')).toEqual({ ok: true, value: '王伟' });
    expect(cleanName('李　明 ')).toEqual({ ok: true, value: '李明' });
    expect(cleanPhone('１３９ １２３４ ５６７８')).toEqual({ ok: true, value: '13912345678' });
    expect(cleanCode('湘０９８１ ２３００１２')).toEqual({ ok: true, value: '湘0981230012' });
    expect(cleanText('')).toEqual({ ok: true, value: null });
  });

  it('upper-cases a trailing x and folds a full-width ID', () => {
    expect(cleanIdNumber('43010219850315123x')).toEqual({ ok: true, value: '43010219850315123X' });
    expect(cleanIdNumber('４３０１０２１９８５０３１５１２３Ｘ')).toEqual({ ok: true, value: '43010219850315123X' });
  });

  it('refuses an ID stored as a number, and never repairs it', () => {
    expect(cleanIdNumber(430102198503151000)).toEqual({ ok: false, code: 'ID_STORED_AS_NUMBER', reason: ID_AS_NUMBER_MESSAGE });
    expect(cleanIdNumber('4.30102E+17')).toEqual({ ok: false, code: 'ID_STORED_AS_NUMBER', reason: ID_AS_NUMBER_MESSAGE });
    expect(ID_AS_NUMBER_MESSAGE).toBe('身份证号以数字格式保存，后几位已丢失，请以文本格式重新填报');
  });

  it('shows a date cell as the date Excel shows, and every other number as written', () => {
    expect(displayCellText(44270, true, false)).toBe('2021-03-15');
    expect(displayCellText(42808, true, true)).toBe('2021-03-15');
    expect(displayCellText(1985.03, true, false)).toBe('1985.03');
    expect(displayCellText(44270, false, false)).toBe('44270');
    expect(displayCellText('2021.3.15', true, false)).toBe('2021.3.15');
  });

  it('refuses a code number with more than 15 digits but keeps a short one', () => {
    expect(cleanCode(1234567890123456).ok).toBe(false);
    expect(cleanCode(43098123001)).toEqual({ ok: true, value: '43098123001' });
    expect(numberText(13912345678)).toBe('13912345678');
  });
});

describe('dates', () => {
  it.each([
    ['2021.3.15', '2021-03-15'],
    ['2021年3月15日', '2021-03-15'],
    ['2021/3/15', '2021-03-15'],
    ['2021-3-15', '2021-03-15'],
    ['20210315', '2021-03-15'],
    ['２０２１年３月１５日', '2021-03-15'],
    ['2021-03-15 00:00:00', '2021-03-15'],
    [' 2021.03.15 ', '2021-03-15'],
  ])('text %s → %s', (text, iso) => {
    expect(parseDateCell(text, D1900)).toEqual({ ok: true, iso });
  });

  it('reads Excel serials in the 1900 and the 1904 date systems', () => {
    expect(parseDateCell(44270, D1900)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(parseDateCell(42808, D1904)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(parseDateCell(44270.75, D1900)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(excelSerialToIso(1, false)).toBe('1900-01-01');
    expect(excelSerialToIso(59, false)).toBe('1900-02-28');
    expect(excelSerialToIso(60, false)).toBeNull();
    expect(excelSerialToIso(61, false)).toBe('1900-03-01');
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(parseDateCell(20210315, D1900)).toEqual({ ok: true, iso: '2021-03-15' });
  });

  it.each([
    ['21.3.15', 'ambiguous'],
    ['03/04/2021', 'ambiguous'],
    ['15/3/2021', 'ambiguous'],
    ['2021-2-30', 'invalid'],
    ['2021', 'invalid'],
    ['二〇二一年三月', 'invalid'],
    ['明年', 'invalid'],
  ])('refuses %s (%s)', (text, kind) => {
    const result = parseDateCell(text, D1900);
    expect(result?.ok).toBe(false);
    expect(result && !result.ok ? result.kind : null).toBe(kind);
  });

  it('refuses a year typed as a decimal number, which could be January or October', () => {
    const result = parseDateCell(2021.1, D1900);
    expect(result).toMatchObject({ ok: false, kind: 'ambiguous' });
  });

  it('reads a year and month as a partial date and refuses implausible years', () => {
    expect(parseDateCell('1985.03', D1900)).toMatchObject({ ok: false, kind: 'month', year: 1985, month: 3 });
    expect(parseDateCell('1985年3月', D1900)).toMatchObject({ ok: false, kind: 'month', year: 1985, month: 3 });
    expect(parseDateCell(5, { date1904: false, minYear: 1950 })).toMatchObject({ ok: false, kind: 'range' });
    expect(parseDateCell('', D1900)).toBeNull();
    expect(parseDateCell(null, D1900)).toBeNull();
  });

  it('splits a validity range but never an ISO date', () => {
    expect(splitDateRange('2021.3.15至2026.3.14')).toEqual(['2021.3.15', '2026.3.14']);
    expect(splitDateRange('2021.3.15-2026.3.14')).toEqual(['2021.3.15', '2026.3.14']);
    expect(splitDateRange('2021-3-15')).toBeNull();
  });
});

describe('vocabulary', () => {
  it('reads the spellings of fixed values and refuses the rest', () => {
    expect(parseSex('男性')).toBe('男');
    expect(parseSex('未知')).toBeNull();
    expect(parseStaffingType('参公')).toBe('参照公务员管理');
    expect(parseStaffingType('合同工')).toBe('聘用辅助人员');
    expect(parseStaffingType('编外')).toBeNull();
    expect(parsePersonnelKind('行政执法监督人员')).toBe('监督人员');
    expect(parseCertType('执法监督证')).toBe('行政执法监督证');
    expect(parseCertType('2')).toBe('行政执法监督证');
    expect(parseCertState('正常')).toBe('有效');
    expect(parseCertState('吊销')).toBeNull();
    expect(parseYesNo('√')).toBe(true);
    expect(parseYesNo('否')).toBe(false);
    expect(parseYesNo('可能')).toBeNull();
  });

  it('names the list kinds a title speaks of', () => {
    expect(listKindsNamedIn('沅江市应急管理局不予处罚事项清单')).toEqual(['no_penalty']);
    expect(listKindsNamedIn('從輕處罰事項清單')).toEqual(['lighter_penalty']);
    expect(listKindsNamedIn('不予实施行政强制措施事项清单')).toEqual(['no_coercion']);
    expect(listKindsNamedIn('从轻、减轻处罚事项清单')).toEqual(['lighter_penalty', 'reduced_penalty']);
    expect(listKindsNamedIn('花名册')).toEqual([]);
    expect(isInstructionSheetName('填表说明')).toBe(true);
    expect(isInstructionSheetName('花名册')).toBe(false);
  });

  it('normalises free-text keys', () => {
    expect(normaliseKeyText('对 校外培训机构（含线上）的检查。')).toBe(normaliseKeyText('对校外培训机构(含线上)的检查'));
    expect(toHalfWidth('ＡＢＣ１２３')).toBe('ABC123');
  });
});

describe('issues', () => {
  it('names file, sheet, row and column in every message', () => {
    const issue = makeIssue('ID_STORED_AS_NUMBER', { file: '公安局.xlsx', sheet: '花名册', row: 7, column: 'D', header: '身份证号', field: 'id_number' }, ID_AS_NUMBER_MESSAGE);
    expect(issue).toEqual({
      row: 7,
      column: 'D',
      field: 'id_number',
      severity: 'error',
      code: 'ID_STORED_AS_NUMBER',
      message: '文件“公安局.xlsx”工作表“花名册”第 7 行 D 列（身份证号）：身份证号以数字格式保存，后几位已丢失，请以文本格式重新填报',
      detail: ID_AS_NUMBER_MESSAGE,
    });
    expect(describePlace({ file: 'a.csv', sheet: 'Sheet1' })).toBe('文件“a.csv”工作表“Sheet1”');
  });

  it('converts column letters both ways', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
  });
});
