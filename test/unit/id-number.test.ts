import { describe, expect, it } from 'vitest';
import { checkIdNumber, composeIdNumber, idCheckChar, idSexMismatch, maskIdNumber, normalizeIdNumber } from '../../shared/domain/id-number.ts';

// Check characters worked out by hand with GB 11643's weights (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11 → "10X98765432").
describe('GB 11643-1999 ID numbers', () => {
  it('computes the check character, including X and 0', () => {
    // 11010519491231002: weighted sum 167, 167 mod 11 = 2 → 'X'
    expect(idCheckChar('11010519491231002')).toBe('X');
    // 43098119850510679: weighted sum 391, 391 mod 11 = 6 → '6'
    expect(idCheckChar('43098119850510679')).toBe('6');
    expect(() => idCheckChar('4309811985051067')).toThrow(RangeError);
  });

  it('accepts a valid number and derives birth date and sex from it', () => {
    const male = checkIdNumber('430981198505106796', '2026-01-01');
    expect(male).toEqual({ ok: true, idNumber: '430981198505106796', regionCode: '430981', birthDate: '1985-05-10', sex: '男' });
    const female = checkIdNumber('11010519491231002X');
    expect(female.ok && female.sex).toBe('女');
    expect(female.ok && female.birthDate).toBe('1949-12-31');
  });

  it.each([
    ['', 'empty', '身份证号为空'],
    ['430981850510679', 'old_15_digit', '15位'],
    ['43098119850510679', 'length', '应为18位，实际为17位'],
    ['4309811985051067960', 'length', '实际为19位'],
    ['43098119850510679A', 'characters', '最后一位可以是X'],
    ['4309811985O5106796', 'characters', '只能由数字组成'],
    ['430981198502306791', 'birth_date', '19850230'],
    ['430981198513016791', 'birth_date', '不是有效日期'],
    ['430981198505106797', 'check_digit', '最后一位应为 6，实际为 7'],
  ])('refuses %s (%s)', (id, problem, message) => {
    const check = checkIdNumber(id);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problem).toBe(problem);
      expect(check.message).toContain(message);
    }
  });

  it('refuses a birth date after today, and a 29 February only in leap years', () => {
    const future = composeIdNumber('430981', '2030-01-01', 11);
    expect(checkIdNumber(future, '2026-11-29')).toMatchObject({ ok: false, problem: 'birth_in_future' });
    expect(checkIdNumber(future, '2030-01-01').ok).toBe(true);
    expect(checkIdNumber(composeIdNumber('430981', '2000-02-29', 11)).ok).toBe(true);
    const notLeap = `43098119000229011`;
    expect(checkIdNumber(notLeap + idCheckChar(notLeap))).toMatchObject({ ok: false, problem: 'birth_date' });
  });

  it('cleans what clerks paste: full-width digits, spaces, lower-case x', () => {
    expect(normalizeIdNumber(' ４３０９８１ 1949 1231 002x ')).toBe('43098119491231002X');
    expect(normalizeIdNumber('430981\u30001985')).toBe('4309811985');
  });

  it('masks as the first 6 and last 4 characters', () => {
    expect(maskIdNumber('430981198505106796')).toBe('430981********6796');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('reports a recorded sex that contradicts the number, and only then', () => {
    expect(idSexMismatch('430981198505106796', '女')).toBe('男');
    expect(idSexMismatch('430981198505106796', '男')).toBeNull();
    expect(idSexMismatch('11010519491231002X', '男')).toBe('女');
    // an invalid number is reported on its own, not as a sex conflict
    expect(idSexMismatch('430981198505106797', '女')).toBeNull();
  });
});
