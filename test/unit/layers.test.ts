import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

/**
 * The layering rule is enforced by `npm run lint` (eslint.config.js, eslint-plugin-boundaries):
 * - shared/   imports only shared/, zod and pinyin-pro; no Node, no DOM, no Electron
 * - renderer/ imports only renderer/ and shared/ (and browser packages); never Node or the backend
 * - electron/ imports electron/ and shared/, never renderer/; only the Electron glue files import
 *   `electron`; electron/backend/ never imports electron/web, electron/cli or electron/tools
 * Here the lint rules run on probe files to show that each of them can fail, and a plain check
 * keeps Node-only and browser-only globals out of shared/ (lint checks imports, not globals).
 */

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

const NODE_OR_BROWSER_GLOBALS = ['process.', 'Buffer', '__dirname', 'require(', 'window.', 'document.', 'localStorage', 'navigator.'];

/** Globals that exist only in Node or only in a browser, used in a shared/ file's code (comments aside). */
function globalsIn(file: string, source: string): string[] {
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  return NODE_OR_BROWSER_GLOBALS.filter((g) => code.includes(g)).map((g) => `${file} uses ${g.replace(/[.(]$/, '')}: shared/ must run in Node and in the browser alike`);
}

describe('shared/ globals', () => {
  const files = sourceFiles('shared');

  it('finds the source files', () => {
    expect(files).toContain('shared/api/contract.ts');
  });

  it('uses no Node-only or browser-only globals', () => {
    expect(files.flatMap((f) => globalsIn(f, fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')))).toEqual([]);
  });

  it('detects them (the check itself can fail)', () => {
    expect(globalsIn('shared/x.ts', `// process.env in a comment is fine\nexport const x = process.env;\nexport const y = window.location;\n`)).toHaveLength(2);
  });
});

describe('layer rules in eslint.config.js', () => {
  // The project's own configuration, limited to the layer and clock rules and without type
  // information (the probes are not files of any tsconfig).
  const eslint = new ESLint({
    cwd: REPO_ROOT,
    cache: false,
    ruleFilter: ({ ruleId }) => ruleId.startsWith('boundaries/') || ruleId === 'no-restricted-syntax',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  });

  async function problems(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, filePath) });
    return (result?.messages ?? []).map((m) => `${m.line}: ${m.ruleId ?? 'fatal'}: ${m.message}`);
  }

  it('shared/ may import only shared/, zod and pinyin-pro', { timeout: 60_000 }, async () => {
    const found = await problems(
      'shared/__layer_probe__.ts',
      [
        `import fs from 'node:fs';`,
        `import { createBackend } from '../electron/backend/backend.ts';`,
        `import { useState } from 'react';`,
        `import { REPO_ROOT } from '../test/helpers/paths.ts';`,
        `import { z } from 'zod';`,
        `import { pinyin } from 'pinyin-pro';`,
        `import { addDays } from './domain/dates.ts';`,
      ].join('\n'),
    );
    expect(found.map((p) => p.split(':')[0])).toEqual(['1', '2', '3', '4']);
    expect(found.every((p) => p.includes('boundaries/dependencies'))).toBe(true);
  });

  it('renderer/ may not import Node, backend packages or electron/', { timeout: 60_000 }, async () => {
    const found = await problems(
      'renderer/__layer_probe__.ts',
      [
        `import path from 'node:path';`,
        `import Database from 'better-sqlite3';`,
        `import ExcelJS from 'exceljs';`,
        `import { ipcRenderer } from 'electron';`,
        `import { createBackend } from '../electron/backend/backend.ts';`,
        `import { Button } from 'antd';`,
        `import type { ColumnsType } from 'antd/es/table/interface';`,
        `import { addDays } from '../shared/domain/dates.ts';`,
      ].join('\n'),
    );
    expect(found.map((p) => p.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('electron/: only the glue files import electron; the backend never imports the hosts or tools; nothing imports renderer/', { timeout: 60_000 }, async () => {
    const backend = await problems(
      'electron/backend/__layer_probe__.ts',
      [
        `import { app } from 'electron';`,
        `import { startWebHost } from '../web/web-host.ts';`,
        `import { runCli } from '../cli/registry-cli.ts';`,
        `import { buildElectron } from '../tools/build-electron.ts';`,
        `import { App } from '../../renderer/app/App.tsx';`,
        `import fs from 'node:fs';`,
        `import Database from 'better-sqlite3';`,
        `import { addDays } from '../../shared/domain/dates.ts';`,
        `import { windowOptions } from '../window-options.ts';`,
      ].join('\n'),
    );
    expect(backend.map((p) => p.split(':')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(await problems('electron/web/__layer_probe__.ts', `import { app } from 'electron';\nimport { createBackend } from '../backend/backend.ts';\n`)).toHaveLength(1);
    expect(await problems('electron/main.ts', `import { app } from 'electron';\nimport { createBackend } from './backend/backend.ts';\n`)).toEqual([]);
    expect(await problems('electron/preload.ts', `import { contextBridge } from 'electron';\n`)).toEqual([]);
  });

  it("renderer/ takes today from the backend, never from the browser's clock", { timeout: 60_000 }, async () => {
    const found = await problems(
      'renderer/__clock_probe__.ts',
      [
        `import dayjs from 'dayjs';`,
        `export const a = dayjs();`,
        `export const b = new Date();`,
        `export const c = Date.now();`,
        `export const d = dayjs('2024-01-01');`,
        `export const e = new Date('2024-01-01');`,
      ].join('\n'),
    );
    expect(found).toEqual([2, 3, 4].map((line) => `${line}: no-restricted-syntax: renderer: take today from useToday() (the backend's clock), never the browser's`));
  });
});
