import zlib from 'node:zlib';

/**
 * Reads a zip's central directory (the table at the end of every .xlsx/.ods) without inflating
 * anything, so the importer can refuse a truncated file or a zip bomb before SheetJS sees it:
 * SheetJS inflates every entry in memory and has no limit of its own.
 */

export interface ZipEntryInfo {
  name: string;
  method: number;
  /** General-purpose flags: bit 0 encrypted, bit 3 sizes in a data descriptor after the data. */
  flags: number;
  /** The CRC-32 the directory declares for the inflated bytes. */
  crc32: number;
  compressedSize: number;
  /** As the directory declares it (a zip bomb lies here only by being honest about a huge size). */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntryInfo[] } | { ok: false; problem: 'truncated' | 'corrupt' };

const EOCD_SIG = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function findEndOfDirectory(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let p = buf.length - 22; p >= stop; p -= 1) {
    if (buf.readUInt32LE(p) === EOCD_SIG) return p;
  }
  return -1;
}

export function readZipDirectory(buf: Buffer): ZipDirectory {
  if (buf.length < 22) return { ok: false, problem: 'truncated' };
  const eocd = findEndOfDirectory(buf);
  if (eocd < 0) return { ok: false, problem: 'truncated' };
  let count = buf.readUInt16LE(eocd + 10);
  let dirSize = buf.readUInt32LE(eocd + 12);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && buf.readUInt32LE(locator) === ZIP64_EOCD_LOCATOR_SIG) {
    const z64 = Number(buf.readBigUInt64LE(locator + 8));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD_SIG) return { ok: false, problem: 'corrupt' };
    count = Number(buf.readBigUInt64LE(z64 + 32));
    dirSize = Number(buf.readBigUInt64LE(z64 + 40));
    dirOffset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  if (dirOffset + dirSize > buf.length) return { ok: false, problem: 'truncated' };
  const entries: ZipEntryInfo[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG) return { ok: false, problem: 'corrupt' };
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    // ZIP64: sizes of 0xFFFFFFFF are in the extra field, in this order.
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = buf.readUInt16LE(x);
      const len = buf.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
          uncompressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
          compressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= x + 4 + len) localHeaderOffset = Number(buf.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLen;
  }
  for (const e of entries) {
    if (e.localHeaderOffset + 30 > buf.length) return { ok: false, problem: 'truncated' };
    if (buf.readUInt32LE(e.localHeaderOffset) !== LOCAL_SIG) return { ok: false, problem: 'corrupt' };
    const dataStart = e.localHeaderOffset + 30 + buf.readUInt16LE(e.localHeaderOffset + 26) + buf.readUInt16LE(e.localHeaderOffset + 28);
    if (dataStart + e.compressedSize > buf.length) return { ok: false, problem: 'truncated' };
  }
  return { ok: true, entries };
}

/** The whole of a (small) entry, inflated; null when it cannot be read. Used for workbook.xml and its rels. */
export function readZipEntry(buf: Buffer, entry: ZipEntryInfo, maxBytes = 4 * 1024 * 1024): Buffer | null {
  if (entry.uncompressedSize > maxBytes) return null;
  const start = entry.localHeaderOffset + 30 + buf.readUInt16LE(entry.localHeaderOffset + 26) + buf.readUInt16LE(entry.localHeaderOffset + 28);
  const raw = buf.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return Buffer.from(raw);
    if (entry.method === 8) return zlib.inflateRawSync(raw, { maxOutputLength: maxBytes });
  } catch {
    return null;
  }
  return null;
}

/** The first bytes of an entry (a worksheet's <dimension> sits near its start), without inflating the rest. */
export function readZipEntryHead(buf: Buffer, entry: ZipEntryInfo, bytes = 2048): string | null {
  const start = entry.localHeaderOffset + 30 + buf.readUInt16LE(entry.localHeaderOffset + 26) + buf.readUInt16LE(entry.localHeaderOffset + 28);
  const raw = buf.subarray(start, start + Math.min(entry.compressedSize, 16 * 1024));
  try {
    if (entry.method === 0) return raw.subarray(0, bytes).toString('utf8');
    if (entry.method === 8) {
      const out = zlib.inflateRawSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 64 * 1024 });
      return out.subarray(0, bytes).toString('utf8');
    }
  } catch {
    return null;
  }
  return null;
}
