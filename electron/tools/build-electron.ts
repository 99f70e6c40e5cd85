import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export interface BuildElectronOptions {
  /**
   * Source maps beside the bundles. On for `npm start` (stack traces point at the .ts files); off
   * for `npm run build`, which feeds the installers: no source maps ship in the package.
   */
  sourcemap?: boolean;
}

/**
 * Bundles the main process, the preload and the import's parse worker into dist/electron/*.cjs. Main keeps node_modules
 * external (better-sqlite3 loads its prebuilt binary from there); the sandboxed preload cannot
 * require anything but `electron`, so everything else is bundled into it. The parse worker is
 * bundled whole (SheetJS included): in the installed app it runs from app.asar.unpacked, outside
 * the archive, where node_modules cannot be reached.
 */
export async function buildElectron(
  appRoot: string,
  outdir = path.join(appRoot, 'dist', 'electron'),
  options: BuildElectronOptions = {},
): Promise<{ main: string; preload: string; parseWorker: string }> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: options.sourcemap ?? false,
    logLevel: 'warning' as const,
    absWorkingDir: appRoot,
  };
  await build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outdir, 'main.cjs'), packages: 'external' });
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs'), external: ['electron'] });
  // The import's parse worker runs beside main.cjs (electron/backend/import/parse-runner.ts looks for it there).
  await build({ ...common, entryPoints: ['electron/backend/import/parse-worker.ts'], outfile: path.join(outdir, 'parse-worker.cjs') });
  // A development build may have left maps behind; a production build must not carry them along.
  if (!common.sourcemap) for (const name of ['main', 'preload', 'parse-worker']) fs.rmSync(path.join(outdir, `${name}.cjs.map`), { force: true });
  return { main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs'), parseWorker: path.join(outdir, 'parse-worker.cjs') };
}

if (import.meta.main) {
  const appRoot = path.resolve(import.meta.dirname, '..', '..');
  const out = await buildElectron(appRoot, undefined, { sourcemap: process.argv.includes('--sourcemap') });
  process.stdout.write(`built ${[out.main, out.preload, out.parseWorker].map((file) => path.relative(appRoot, file)).join(', ')}\n`);
}
