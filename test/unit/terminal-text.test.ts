import { describe, expect, it } from 'vitest';
import { forTerminal, jsonForTerminal } from '../../electron/cli/terminal-text.ts';

describe('text from outside, on the terminal', () => {
  it('writes line breaks, escape sequences, C1 controls and bidirectional overrides as escapes', () => {
    expect(forTerminal('名册\n\x1b[2J\r\t\u009b31m\u202egpj.xlsx')).toBe('名册\\n\\x1b[2J\\r\\t\\x9b31m\\u{202e}gpj.xlsx');
    expect(forTerminal('沅江市公安局 名册（2024）.xlsx')).toBe('沅江市公安局 名册（2024）.xlsx');
  });

  it('keeps JSON parseable to the same values', () => {
    const value = { file: '名册\n\x1b[31m\u009b\u2028\u202e.xlsx' };
    const json = jsonForTerminal(JSON.stringify(value));
    expect(json).not.toMatch(/[\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
