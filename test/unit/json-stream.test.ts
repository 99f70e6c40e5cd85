import { describe, expect, it } from 'vitest';
import { streamed, writeJsonObject } from '../../electron/cli/json-stream.ts';

async function written(fields: readonly (readonly [string, unknown])[]): Promise<{ text: string; chunks: number }> {
  const chunks: string[] = [];
  await writeJsonObject((c) => {
    chunks.push(c);
  }, fields);
  return { text: chunks.join(''), chunks: chunks.length };
}

const FILE = {
  file: '公安局/名册.xlsx',
  status: 'errors',
  sheets: [{ name: '花名册', rows: 3, issues: [{ row: 2, message: '身份证号\n校验位不对', cell: null }], empty: [], nested: { a: [1, 2.5, -0, true] } }],
  note: undefined,
};

describe('the CLI’s JSON report written in pieces', () => {
  it.each<[string, [string, unknown][]]>([
    [
      'files and folder notes',
      [
        ['files', [FILE, { ...FILE, file: 'b.csv', status: 'ready' }]],
        ['ignored', ['说明.docx']],
        ['skipped', [{ file: '~$a.xlsx', reason: 'lock' }]],
      ],
    ],
    ['an empty file list', [['files', []]]],
    ['one file', [['files', [FILE]]]],
    [
      'fields left out when undefined',
      [
        ['files', [FILE]],
        ['ignored', undefined],
        ['skipped', undefined],
      ],
    ],
    ['no fields at all', []],
    [
      'scalars, quotes, separators and astral characters',
      [
        ['files', ['a"b\\c', '\u2028\u2029', '𠮷', null, 0]],
        ['count', 3],
        ['flag', false],
        ['text', ''],
      ],
    ],
    ['undefined elements written as null', [['files', [undefined, 1]]]],
  ])('%s: byte for byte JSON.stringify(doc, null, 2)', async (_label, fields) => {
    const doc = Object.fromEntries(fields);
    const asArrays = await written(fields);
    const asStreams = await written(fields.map(([k, v]) => [k, Array.isArray(v) ? streamed(v) : v] as const));
    expect(asArrays.text).toBe(JSON.stringify(doc, null, 2));
    expect(asStreams.text).toBe(JSON.stringify(doc, null, 2));
  });

  it('makes each element of a streamed array only when the text before it has been written', async () => {
    const big = 'x'.repeat(100_000);
    let writtenChars = 0;
    const writtenWhenMade: number[] = [];
    function* files() {
      for (let i = 0; i < 50; i += 1) {
        writtenWhenMade.push(writtenChars);
        yield { n: i, rows: [{ text: big }] };
      }
    }
    const chunks: string[] = [];
    await writeJsonObject(
      (c) => {
        chunks.push(c);
        writtenChars += c.length;
      },
      [['files', streamed(files())]],
    );
    // Element i is made after the i elements before it (each over 100,000 characters) have gone out.
    writtenWhenMade.forEach((chars, i) => expect(chars).toBeGreaterThanOrEqual((i - 1) * 100_000));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(300_000);
    expect(JSON.parse(chunks.join(''))).toEqual({ files: Array.from({ length: 50 }, (_, n) => ({ n, rows: [{ text: big }] })) });
  });

  it('writes a large nested report (files → sheets → rows) in bounded pieces', async () => {
    const doc = {
      files: [
        {
          file: 'a.xlsx',
          sheets: [{ sheet: '花名册', rows: Array.from({ length: 20_000 }, (_, i) => ({ row: i + 3, status: 'add', values: { 姓名: `张${i}`, 日期: new Date(Date.UTC(2024, 0, 1 + (i % 300))) } })) }],
        },
      ],
    };
    const chunks: string[] = [];
    await writeJsonObject((c) => {
      chunks.push(c);
    }, Object.entries(doc));
    expect(chunks.join('')).toBe(JSON.stringify(doc, null, 2));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70_000);
  });

  it('waits for the writer before the next piece (a stream’s drain)', async () => {
    let pending = 0;
    let maxPending = 0;
    await writeJsonObject(async () => {
      pending += 1;
      maxPending = Math.max(maxPending, pending);
      await Promise.resolve();
      pending -= 1;
    }, [['files', streamed([1, 2, 3])]]);
    expect(maxPending).toBe(1);
  });
});
