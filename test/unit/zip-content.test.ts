import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkZipContent } from '../../electron/backend/import/zip-content.ts';
import { readZipDirectory } from '../../electron/backend/import/zip-directory.ts';
import { writeZip } from '../fixtures/import/hostile/hostile-files.ts';

/** What a zip really holds, against what its directory declares: sizes, names, checksums, methods, the cap on the total. */

describe('what a zip really holds', () => {
  const check = (zip: Buffer, maxTotal = 1024 * 1024) => {
    const dir = readZipDirectory(zip);
    if (!dir.ok) throw new Error(dir.problem);
    return checkZipContent(zip, dir.entries, maxTotal);
  };
  const sheet = Buffer.from('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');

  it('passes an honest zip and says how much it inflates to', async () => {
    expect(
      await check(
        writeZip([
          { name: 'a.xml', data: sheet },
          { name: 'b.bin', data: Buffer.alloc(10), stored: true },
        ]),
      ),
    ).toEqual({ ok: true, inflatedBytes: sheet.length + 10, doctypeParts: [] });
  });

  it('refuses an entry that inflates to more than declared, after inflating no more than declared', async () => {
    expect(await check(writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5_000_000, 'a'), declaredSize: 2048 }]))).toEqual({
      ok: false,
      problem: { kind: 'mismatch', entry: 'xl/worksheets/sheet1.xml', detail: '“xl/worksheets/sheet1.xml”声明解压后为 2,048 字节，实际超过此数' },
    });
  });

  it('refuses an entry that inflates to less than declared, and one whose checksum is wrong', async () => {
    expect(await check(writeZip([{ name: 'a.xml', data: sheet, declaredSize: sheet.length + 1 }]))).toMatchObject({ ok: false, problem: { kind: 'mismatch' } });
    const zip = writeZip([{ name: 'a.xml', data: sheet }]);
    zip.writeUInt32LE(0x12345678, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16);
    expect(await check(zip)).toMatchObject({ ok: false, problem: { kind: 'corrupt', detail: '“a.xml”的校验和不符' } });
  });

  it('refuses a local header that names another entry than the directory', async () => {
    const zip = writeZip([{ name: 'a.xml', data: sheet }]);
    zip.write('b', 30);
    expect(await check(zip)).toMatchObject({ ok: false, problem: { kind: 'mismatch', detail: '目录中的“a.xml”在文件头中名为“b.xml”' } });
  });

  it('stops at the cap on what all entries inflate to', async () => {
    expect(
      await check(
        writeZip([
          { name: 'a.xml', data: sheet },
          { name: 'b.xml', data: sheet },
        ]),
        sheet.length + 5,
      ),
    ).toMatchObject({ ok: false, problem: { kind: 'too-large', entry: 'b.xml' } });
  });

  it('notes an XML part that declares a DTD or entities', async () => {
    const sst = Buffer.from('<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst/>');
    expect(
      await check(
        writeZip([
          { name: 'xl/sharedStrings.xml', data: sst },
          { name: 'a.xml', data: sheet },
        ]),
      ),
    ).toMatchObject({ ok: true, doctypeParts: ['xl/sharedStrings.xml'] });
  });

  it('refuses a compression method it does not know and an encrypted entry', async () => {
    const zip = writeZip([{ name: 'a.xml', data: sheet }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const other = Buffer.from(zip);
    other.writeUInt16LE(14, central + 10);
    expect(await check(other)).toMatchObject({ ok: false, problem: { kind: 'unsupported', method: 14 } });
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(0x0801, central + 8);
    expect(await check(encrypted)).toEqual({ ok: false, problem: { kind: 'encrypted' } });
  });

  it('refuses a lying entry whatever it would inflate to (the check stops once past the declared size)', async () => {
    const big = zlib.deflateRawSync(Buffer.alloc(20_000_000, ' '));
    const zip = writeZip([{ name: 'a.xml', deflated: { raw: big, size: 20_000_000, crc: 0 }, declaredSize: 1000 }]);
    expect(await check(zip, 500 * 1024 * 1024)).toMatchObject({ ok: false, problem: { kind: 'mismatch' } });
  });
});
