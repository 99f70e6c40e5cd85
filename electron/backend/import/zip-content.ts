import zlib from 'node:zlib';
import type { ZipEntryInfo } from './zip-directory.ts';

/**
 * Inflates every entry of a zip once, natively and chunk by chunk, keeping nothing but counts: the
 * directory's sizes are only claims (SheetJS trusts the local headers and inflates until the deflate
 * stream ends, whatever was declared), so before SheetJS sees the file each entry is checked against
 * what it really holds — its local header agrees with the directory, it inflates to exactly the
 * declared size and checksum, and all of them together stay under the cap. A lying or damaged zip
 * is refused for what it is, not read as an empty workbook. Peak memory is one chunk; the time is
 * native inflation (a 45 MB sheet takes about 0.1 s).
 *
 * The first bytes of each XML part are also looked at for a DTD (<!DOCTYPE, <!ENTITY), which Excel,
 * WPS and LibreOffice never write: SheetJS expands no entities, so it is harmless, but the clerk is
 * told (parse-findings.ts).
 */

export type ZipContentProblem =
  | { kind: 'mismatch'; entry: string; detail: string }
  | { kind: 'too-large'; entry: string; inflated: number }
  | { kind: 'corrupt'; entry: string; detail: string }
  | { kind: 'encrypted' }
  | { kind: 'unsupported'; entry: string; method: number };

export type ZipContent = { ok: true; inflatedBytes: number; doctypeParts: string[] } | { ok: false; problem: ZipContentProblem };

const LOCAL_SIG = 0x04034b50;
const DOCTYPE_SCAN_BYTES = 64 * 1024;
const DOCTYPE = /<!(DOCTYPE|ENTITY)\b/i;

function localHeader(buf: Buffer, e: ZipEntryInfo): { dataStart: number; name: Buffer; compressedSize: number; uncompressedSize: number } | null {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL_SIG) return null;
  const nameLen = buf.readUInt16LE(p + 26);
  const extraLen = buf.readUInt16LE(p + 28);
  return { dataStart: p + 30 + nameLen + extraLen, name: buf.subarray(p + 30, p + 30 + nameLen), compressedSize: buf.readUInt32LE(p + 18), uncompressedSize: buf.readUInt32LE(p + 22) };
}

interface Inflated {
  bytes: number;
  crc: number;
  head: string;
  error: string | null;
  over: boolean;
}

/** Reads an entry's inflated bytes as they come (ods-cells.ts). */
export type EntryObserver = (chunk: Buffer) => void;

/** Inflates `raw`, counting; stops (over) once more than `limit` bytes came out. */
function inflateCounting(raw: Buffer, limit: number, keepHead: boolean, observe: EntryObserver | undefined): Promise<Inflated> {
  return new Promise((resolve) => {
    const out: Inflated = { bytes: 0, crc: 0, head: '', error: null, over: false };
    const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(out);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (keepHead && out.head.length < DOCTYPE_SCAN_BYTES) out.head += chunk.subarray(0, DOCTYPE_SCAN_BYTES - out.head.length).toString('latin1');
      out.bytes += chunk.length;
      if (out.bytes > limit) {
        out.over = true;
        inflater.destroy();
        finish();
        return;
      }
      out.crc = zlib.crc32(chunk, out.crc);
      observe?.(chunk);
    });
    inflater.on('error', (err: Error) => {
      out.error = err.message;
      finish();
    });
    inflater.on('end', finish);
    inflater.end(raw);
  });
}

const MB = 1024 * 1024;
const size = (n: number) => (n >= MB ? `${(n / MB).toFixed(0)} MB` : `${n.toLocaleString('en-US')} 字节`);

/**
 * Checks every entry; `maxTotal` caps what they inflate to together. Entries are checked one after
 * another, so at most one inflater is alive at a time.
 */
export async function checkZipContent(buf: Buffer, entries: readonly ZipEntryInfo[], maxTotal: number, observers: ReadonlyMap<string, EntryObserver> = new Map()): Promise<ZipContent> {
  let total = 0;
  const doctypeParts: string[] = [];
  for (const e of entries) {
    if ((e.flags & 0x1) !== 0) return { ok: false, problem: { kind: 'encrypted' } };
    const local = localHeader(buf, e);
    if (!local) return { ok: false, problem: { kind: 'corrupt', entry: e.name, detail: '找不到文件头' } };
    if (local.name.toString('utf8') !== e.name) {
      return { ok: false, problem: { kind: 'mismatch', entry: e.name, detail: `目录中的“${e.name}”在文件头中名为“${local.name.toString('utf8')}”` } };
    }
    // With a data descriptor (flag bit 3) the local header carries zeros; ZIP64 puts 0xFFFFFFFF there.
    if ((e.flags & 0x8) === 0 && local.uncompressedSize !== 0xffffffff && (local.uncompressedSize !== e.uncompressedSize || local.compressedSize !== e.compressedSize)) {
      return { ok: false, problem: { kind: 'mismatch', entry: e.name, detail: `“${e.name}”在目录和文件头中声明的大小不同` } };
    }
    const raw = buf.subarray(local.dataStart, local.dataStart + e.compressedSize);
    const isXml = /\.(xml|rels)$/i.test(e.name);
    const observe = observers.get(e.name);
    let inflated: Inflated;
    if (e.method === 0) {
      inflated = { bytes: raw.length, crc: zlib.crc32(raw), head: isXml ? raw.subarray(0, DOCTYPE_SCAN_BYTES).toString('latin1') : '', error: null, over: raw.length > maxTotal - total };
      if (!inflated.over) observe?.(raw);
    } else if (e.method === 8 && e.compressedSize === 0 && e.uncompressedSize === 0) {
      inflated = { bytes: 0, crc: 0, head: '', error: null, over: false };
    } else if (e.method === 8) {
      // Never more than declared (one byte more proves a lie), nor more than the cap allows.
      inflated = await inflateCounting(raw, Math.min(e.uncompressedSize, maxTotal - total), isXml, observe);
    } else {
      return { ok: false, problem: { kind: 'unsupported', entry: e.name, method: e.method } };
    }
    if (inflated.over) {
      if (inflated.bytes > e.uncompressedSize) {
        return { ok: false, problem: { kind: 'mismatch', entry: e.name, detail: `“${e.name}”声明解压后为 ${size(e.uncompressedSize)}，实际超过此数` } };
      }
      return { ok: false, problem: { kind: 'too-large', entry: e.name, inflated: total + inflated.bytes } };
    }
    if (inflated.error !== null) return { ok: false, problem: { kind: 'corrupt', entry: e.name, detail: `“${e.name}”无法解压` } };
    if (inflated.bytes !== e.uncompressedSize) {
      return { ok: false, problem: { kind: 'mismatch', entry: e.name, detail: `“${e.name}”声明解压后为 ${size(e.uncompressedSize)}，实际为 ${size(inflated.bytes)}` } };
    }
    if (inflated.crc >>> 0 !== e.crc32 >>> 0) return { ok: false, problem: { kind: 'corrupt', entry: e.name, detail: `“${e.name}”的校验和不符` } };
    if (isXml && DOCTYPE.test(inflated.head)) doctypeParts.push(e.name);
    total += inflated.bytes;
  }
  return { ok: true, inflatedBytes: total, doctypeParts };
}
