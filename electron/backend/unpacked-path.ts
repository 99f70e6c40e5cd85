import fs from 'node:fs';

/**
 * In the installed app the code lives in resources/app.asar, and the files electron-builder's
 * `asarUnpack` names (native binaries, the import's parse worker) also as real files in
 * resources/app.asar.unpacked. Electron's patched `fs` reads either, but a worker thread is best
 * started from a real file, so a path inside app.asar is swapped for its unpacked twin when that
 * exists. Outside a package the path is returned unchanged.
 */
export function preferUnpacked(file: string, exists: (candidate: string) => boolean = fs.existsSync): string {
  const match = /([\\/])app\.asar([\\/])/.exec(file);
  if (!match) return file;
  const unpacked = `${file.slice(0, match.index)}${match[1]}app.asar.unpacked${match[2]}${file.slice(match.index + match[0].length)}`;
  return exists(unpacked) ? unpacked : file;
}
