import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../electron/backend/import/csv-decoding.ts';
import { fillMerges } from '../../electron/backend/import/merge-fill.ts';
import type { ParsedSheet } from '../../electron/backend/import/parse-workbook.ts';
import { classifyRow, classifyRowAbove, findHeader, type RowContext } from '../../electron/backend/import/table-finder.ts';
import { readZipDirectory } from '../../electron/backend/import/zip-directory.ts';
import type { RawCell } from '../../shared/import/cell-cleaning.ts';

function sheet(rows: RawCell[][], merges: string[] = []): ParsedSheet {
  const decode = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(ref);
    return { r: Number(m[2]) - 1, c: (m[1] ?? 'A').charCodeAt(0) - 65 };
  };
  return {
    name: 'S',
    hidden: false,
    rows,
    merges: merges.map((range) => {
      const [a, b] = range.split(':') as [string, string];
      return { s: decode(a), e: decode(b) };
    }),
    declaredRange: null,
  };
}

describe('finding the header', () => {
  it('takes two header rows under a merged group cell and names the columns group/sub', () => {
    const s = sheet(
      [
        ['沅江市公安局行政执法人员花名册'],
        ['序号', '姓名', '身份证号码', '执法证件信息', null, null],
        [null, null, null, '证号', '发证时间', '有效期限'],
        [1, '张伟', '430102198503150110', 'GA-1', '2021-03-15', '2026-03-14'],
      ],
      ['A1:F1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2'],
    );
    fillMerges(s);
    const found = findHeader(s.rows, new Set([1]));
    expect(found?.shape).toBe('personnel');
    expect(found?.headerRows).toEqual([1, 2]);
    expect(found?.columns.map((c) => [c.column, c.header, c.field])).toEqual([
      ['A', '序号', 'seq'],
      ['B', '姓名', 'name'],
      ['C', '身份证号码', 'id_number'],
      ['D', '执法证件信息/证号', 'cert_number'],
      ['E', '执法证件信息/发证时间', 'issue_date'],
      ['F', '执法证件信息/有效期限', 'expiry_date'],
    ]);
  });

  it('reads sub-headers under a group row whose other cells are not merged down', () => {
    const rows: RawCell[][] = [
      ['姓名', '身份证号', '执法证件', null],
      [null, null, '证号', '有效期至'],
      ['张伟', '430102198503150110', 'GA-1', '2026-03-14'],
    ];
    expect(findHeader(rows, new Set())?.headerRows).toEqual([0, 1]);
  });

  it('recognises a catalog and a list by their headers and finds nothing in prose', () => {
    expect(findHeader([['序号', '检查事项名称', '事项类别', '检查对象']], new Set())?.shape).toBe('inspection_items');
    expect(findHeader([['序号', '违法行为', '处罚依据', '适用情形']], new Set())?.shape).toBe('penalty_list');
    expect(findHeader([['关于报送名册的通知'], ['请各单位于3月底前报送。']], new Set())).toBeNull();
  });
});

describe('sorting rows', () => {
  const ctx: RowContext = {
    dataColumns: new Set([1, 2]),
    seqColumn: 0,
    headerByColumn: new Map([
      [0, '序号'],
      [1, '姓名'],
      [2, '身份证号'],
    ]),
    wideMerges: new Map([[5, { from: 0, to: 2 }]]),
  };
  const rows: RawCell[][] = [
    [1, '张伟', '430102198503150110'],
    ['合计', '1人', null],
    ['填表人：张三', null, '审核人：李四'],
    ['注：身份证号请以文本格式填写', null, null],
    [2, null, null],
    ['一、执法大队', '一、执法大队', '一、执法大队'],
    ['序号', '姓名', '身份证号'],
    [null, null, null],
  ];
  it.each([
    [0, { kind: 'data' }],
    [1, { kind: 'skipped', reason: '合计行' }],
    [2, { kind: 'skipped', reason: '签名行' }],
    [3, { kind: 'skipped', reason: '说明行' }],
    [4, { kind: 'blank' }],
    [5, { kind: 'skipped', reason: '分组标题行' }],
    [6, { kind: 'skipped', reason: '重复的表头行' }],
    [7, { kind: 'blank' }],
  ])('row %i', (r, expected) => {
    expect(classifyRow(rows, r, ctx)).toEqual(expected);
  });

  it('tells a title from a 填报单位 line above the header', () => {
    const above: RawCell[][] = [['沅江市水利局执法人员名册'], ['填报单位（盖章）：沅江市水利局', null, '填报日期：2024年3月1日'], ['说明文字']];
    expect([0, 1, 2].map((r) => classifyRowAbove(above, r, r === 0))).toEqual([
      { kind: 'skipped', reason: '标题行' },
      { kind: 'skipped', reason: '填报信息行' },
      { kind: 'skipped', reason: '表头上方的内容' },
    ]);
  });
});

describe('the zip directory check', () => {
  function zip(entries: { name: string; data: Buffer; declared?: number }[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
      const name = Buffer.from(e.name);
      const comp = zlib.deflateRawSync(e.data);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(comp.length, 18);
      local.writeUInt32LE(e.declared ?? e.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(comp.length, 20);
      central.writeUInt32LE(e.declared ?? e.data.length, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      locals.push(local, name, comp);
      centrals.push(central, name);
      offset += 30 + name.length + comp.length;
    }
    const dir = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, dir, end]);
  }

  it('lists entries with their declared sizes', () => {
    const dir = readZipDirectory(
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), declared: 4_000_000_000 },
      ]),
    );
    expect(dir.ok && dir.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['xl/workbook.xml', 11],
      ['xl/worksheets/sheet1.xml', 4_000_000_000],
    ]);
  });

  it('calls a file cut short truncated, at any cut', () => {
    const whole = zip([
      { name: 'a.xml', data: Buffer.alloc(5000, 65) },
      { name: 'b.xml', data: Buffer.alloc(5000, 66) },
    ]);
    for (const cut of [10, whole.length / 2, whole.length - 10]) {
      expect(readZipDirectory(whole.subarray(0, Math.floor(cut)))).toEqual({ ok: false, problem: 'truncated' });
    }
  });
});

describe('CSV text encodings', () => {
  const text = '姓名,身份证号\r\n张伟,430102198503150110\r\n';
  const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]); // 姓名 in GBK

  it('reads UTF-8 with and without BOM, and GBK, and obeys a forced encoding', () => {
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])).encoding).toBe('utf-8');
    expect(decodeCsv(gbk)).toEqual({ text: '姓名', encoding: 'gb18030' });
    expect(decodeCsv(gbk, 'utf-8').text).not.toBe('姓名');
    expect(decodeCsv(Buffer.from(text, 'utf8'), 'gb18030').text).not.toBe(text);
  });
});
