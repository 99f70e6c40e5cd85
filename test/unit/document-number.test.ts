import { describe, expect, it } from 'vitest';
import { normaliseDocNumber, normaliseDocRef } from '../../shared/domain/document-number.ts';

describe('文号 in the official form (GB/T 9704: 〔年份〕, no 第, no leading zeros, 号)', () => {
  it.each([
    ['沅教发〔2026〕12号', '沅教发〔2026〕12号'],
    ['沅教发[2026]12号', '沅教发〔2026〕12号'],
    ['沅教发（2026）12号', '沅教发〔2026〕12号'],
    ['沅教发(2026)12号', '沅教发〔2026〕12号'],
    ['沅教发【2026】12号', '沅教发〔2026〕12号'],
    ['沅教发［２０２６］１２号', '沅教发〔2026〕12号'],
    ['沅教发〔2026〕第12号', '沅教发〔2026〕12号'],
    ['沅教发〔2026〕012号', '沅教发〔2026〕12号'],
    ['沅教发〔2026〕12', '沅教发〔2026〕12号'],
    ['  沅教发 [ 2026 ] 12 号 ', '沅教发〔2026〕12号'],
    ['沅司函《2019》3号', '沅司函〔2019〕3号'],
  ])('%s → %s', (typed, official) => {
    expect(normaliseDocNumber(typed)).toBe(official);
  });

  it.each([
    '见局务会纪要', // free text
    '湘政办函〔2026〕', // no sequence number
    '沅教发〔26〕12号', // a two-digit year is not guessed
    '沅教发2026年12号', // no brackets: not rewritten, kept as typed
    '12号',
    '',
  ])('keeps %j as typed (trimmed)', (typed) => {
    expect(normaliseDocNumber(` ${typed} `)).toBe(typed.trim());
  });

  it('an optional reference: null and blank stay null, a number is put right', () => {
    expect(normaliseDocRef(null)).toBeNull();
    expect(normaliseDocRef('   ')).toBeNull();
    expect(normaliseDocRef('沅人社发(2025)第07号')).toBe('沅人社发〔2025〕7号');
  });
});
