import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the main process, the preload and the import's parse worker into dist/electron/*.cjs. Main keeps node_modules
 * external (better-sqlite3 loads its prebuilt binary from there); the sandboxed preload cannot
 * require anything but `electron`, so everything else is bundled into it.
 */
export async function buildElectron(appRoot: string, outdir = path.join(appRoot, 'dist', 'electron')): Promise<{ main: string; preload: string }> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning' as const,
    absWorkingDir: appRoot,
  };
  await build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outdir, 'main.cjs'), packages: 'external' });
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outdir, 'preload.cjs'), external: ['electron'] });
  // The import's parse worker runs beside main.cjs (electron/backend/import/parse-runner.ts looks for it there).
  await build({ ...common, entryPoints: ['electron/backend/import/parse-worker.ts'], outfile: path.join(outdir, 'parse-worker.cjs'), packages: 'external' });
  return { main: path.join(outdir, 'main.cjs'), preload: path.join(outdir, 'preload.cjs') };
}

if (import.meta.main) {
  const appRoot = path.resolve(import.meta.dirname, '..', '..');
  const out = await buildElectron(appRoot);
  process.stdout.write(`built ${path.relative(appRoot, out.main)} and ${path.relative(appRoot, out.preload)}\n`);
}
