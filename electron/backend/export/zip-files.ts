import { zipSync } from 'fflate';

/**
 * Several exported files as one .zip (the browser downloads one file, not twenty-three). The
 * workbooks are compressed already, so they are stored; names are UTF-8 (flagged in the zip, as
 * Windows' and WPS's unzip tools expect for Chinese names).
 */
export function zipFiles(files: readonly { name: string; bytes: Uint8Array }[]): Buffer {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.name] = [f.bytes, { level: 0 }];
  return Buffer.from(zipSync(entries));
}
