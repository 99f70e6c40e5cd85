import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    rendererDir: string;
  }
}

/**
 * Builds the renderer once per run into a private folder (so a developer's dist/ and parallel runs
 * never collide), then every e2e file serves it through `npm run web --renderer-dir`.
 */
export default function setup(project: TestProject): () => void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-renderer-'));
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`renderer build failed:\n${result.stdout}\n${result.stderr}`);
  project.provide('rendererDir', outDir);
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
