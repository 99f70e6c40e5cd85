import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * The layering rule, checked on every file's imports (like VS Code's import-map lint):
 * - shared/   imports only shared/, zod and pinyin-pro; no Node, no DOM, no Electron
 * - renderer/ imports only renderer/ and shared/ (and browser packages); never Node or the backend
 * - electron/ imports electron/ and shared/, never renderer/; only the Electron glue files import `electron`
 */

// start.ts is the launcher: it asks the electron package for its binary path, in a child process.
const ELECTRON_GLUE = new Set(['electron/main.ts', 'electron/preload.ts', 'electron/tools/start.ts']);
// Pure JavaScript packages that run in Node and the browser alike.
const SHARED_PACKAGES = new Set(['zod', 'pinyin-pro']);
const NODE_ONLY_PACKAGES = new Set(['electron', 'better-sqlite3', 'exceljs', 'xlsx', 'esbuild', 'vite', 'vitest', 'playwright-core']);
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name)) out.push(path.relative(REPO_ROOT, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(REPO_ROOT, dir));
  return out;
}

/** Every module specifier in a file: static imports and re-exports, dynamic import(), require(). */
export function importsOf(source: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) specs.push(m[1]);
  return specs;
}

function packageName(spec: string): string {
  if (spec.startsWith('@')) return spec.split('/').slice(0, 2).join('/');
  return spec.split('/')[0] ?? spec;
}

function violations(file: string): string[] {
  const layer = file.split('/')[0] ?? '';
  const source = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const problems: string[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = path.relative(REPO_ROOT, path.resolve(path.dirname(path.join(REPO_ROOT, file)), spec)).split(path.sep).join('/');
      const targetLayer = target.split('/')[0] ?? '';
      const allowed: Record<string, string[]> = { shared: ['shared'], renderer: ['renderer', 'shared'], electron: ['electron', 'shared'] };
      if (!(allowed[layer] ?? []).includes(targetLayer)) problems.push(`${file} imports ${spec} (${targetLayer}/ is off limits to ${layer}/)`);
      continue;
    }
    const pkg = packageName(spec);
    if (layer === 'shared' && !SHARED_PACKAGES.has(pkg)) problems.push(`${file} imports ${spec}: shared/ may only import ${[...SHARED_PACKAGES].join(', ')}`);
    if (layer === 'renderer' && (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(pkg) || NODE_ONLY_PACKAGES.has(pkg))) problems.push(`${file} imports ${spec}: the renderer must not use Node or backend packages`);
    if (layer === 'electron' && pkg === 'electron' && !ELECTRON_GLUE.has(file)) problems.push(`${file} imports electron: only ${[...ELECTRON_GLUE].join(', ')} may`);
  }
  if (layer === 'shared') {
    // Globals that exist only in Node or only in a browser.
    const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const global of ['process.', 'Buffer', '__dirname', 'require(', 'window.', 'document.', 'localStorage', 'navigator.']) {
      if (code.includes(global)) problems.push(`${file} uses ${global.replace(/[.(]$/, '')}: shared/ must run in Node and in the browser alike`);
    }
  }
  return problems;
}

describe('layers', () => {
  const files = [...sourceFiles('shared'), ...sourceFiles('renderer'), ...sourceFiles('electron')];

  it('finds the source files', () => {
    expect(files).toContain('shared/api/contract.ts');
    expect(files).toContain('electron/main.ts');
    expect(files.some((f) => f.startsWith('renderer/'))).toBe(true);
  });

  it('keeps every import inside its layer', () => {
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('detects violations (the checker itself can fail)', () => {
    expect(importsOf(`import fs from 'node:fs';\nexport { x } from '../electron/backend/backend.ts';\nconst y = await import('electron');`)).toEqual([
      'node:fs',
      '../electron/backend/backend.ts',
      'electron',
    ]);
    const fake = path.join(REPO_ROOT, 'shared', '__layer_probe__.ts');
    fs.writeFileSync(fake, `import fs from 'node:fs';\nimport { createBackend } from '../electron/backend/backend.ts';\nexport const x = process.env;\n`);
    try {
      const found = violations('shared/__layer_probe__.ts');
      expect(found).toHaveLength(3);
    } finally {
      fs.rmSync(fake);
    }
  });
});
