import { describe, expect, it } from 'vitest';
import { normalizeInspectionCategory } from '../../shared/domain/inspection-category.ts';

describe('normalizeInspectionCategory', () => {
  it.each([
    ['一般检查事项', '一般检查事项'],
    ['一般', '一般检查事项'],
    [' 一般事项 ', '一般检查事项'],
    ['一般检查', '一般检查事项'],
    ['一般类', '一般检查事项'],
    ['重点', '重点检查事项'],
    ['重点检查事项', '重点检查事项'],
    ['重點檢查事項', '重点检查事项'],
    ['重点事项（高风险）', '重点检查事项'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeInspectionCategory(raw)).toBe(expected);
  });

  it.each(['', '其他', '特别重点', '一般或重点', '1'])('refuses %j instead of guessing', (raw) => {
    expect(normalizeInspectionCategory(raw)).toBeNull();
  });
});
