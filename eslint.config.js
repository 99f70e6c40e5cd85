// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * `npm run lint`. TypeScript files are linted with type information: the project service finds
 * each file's own tsconfig (tsconfig.json references shared / node / web / test), so a rule sees
 * the same types as `npm run typecheck`.
 *
 * The layer rule (like VS Code's import map; do not relax it):
 * - shared/   imports only shared/, zod and pinyin-pro: no Node, no DOM, no Electron
 * - renderer/ imports renderer/, shared/ and browser packages: never Node, the backend's packages
 *             or electron/
 * - electron/ imports electron/, shared/, Node and packages, never renderer/; only the three
 *             glue files import `electron`; electron/backend/ never imports the hosts
 *             (electron/web, electron/cli) or the tools (electron/tools)
 * test/unit/layers.test.ts lints probe files with this configuration to show each rule can fail.
 */

/** The files that may import the `electron` package. start.ts is the launcher. */
const ELECTRON_GLUE = ['electron/main.ts', 'electron/preload.ts', 'electron/tools/start.ts'];
/** Pure JavaScript packages that run in Node and in the browser alike. */
const SHARED_PACKAGES = ['zod', 'pinyin-pro'];
/** Packages the renderer must never load: native, Node-only or build tools. */
const NODE_ONLY_PACKAGES = ['electron', 'better-sqlite3', 'exceljs', 'xlsx', 'esbuild', 'vite', 'vitest', 'playwright-core'];

const layers = {
  settings: {
    // Folder elements, matched from the repository root. A file takes the first element that
    // matches, so the narrower electron/ folders come before electron/ itself.
    'boundaries/elements': [
      { type: 'shared', pattern: 'shared', partialMatch: false },
      { type: 'renderer', pattern: 'renderer', partialMatch: false },
      { type: 'electron-backend', pattern: 'electron/backend', partialMatch: false },
      { type: 'electron-host', pattern: 'electron/{web,cli,tools}', partialMatch: false },
      { type: 'electron', pattern: 'electron', partialMatch: false },
      { type: 'test', pattern: 'test', partialMatch: false },
      { type: 'migrations', pattern: 'migrations', partialMatch: false },
    ],
    'boundaries/files': [{ category: 'electron-glue', pattern: ELECTRON_GLUE }],
    'boundaries/legacy-templates': false,
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        // Check packages and Node built-ins too, and imports of files outside every layer.
        checkAllOrigins: true,
        checkUnknownLocals: true,
        // Policies are read in order and the last one that matches decides.
        message: 'layers: {{from.element.type}} may not import {{dependency.source}} (the layer rule in eslint.config.js)',
        policies: [
          {
            from: { element: { type: 'shared' } },
            allow: [{ to: { element: { type: 'shared' } } }, { to: { module: { origin: 'external', source: SHARED_PACKAGES } } }],
          },
          {
            from: { element: { type: 'renderer' } },
            allow: [{ to: { element: { types: ['renderer', 'shared'] } } }, { to: { module: { origin: 'external' } } }],
          },
          {
            from: { element: { type: 'renderer' } },
            disallow: { to: { module: { origin: 'external', source: NODE_ONLY_PACKAGES } } },
            message: 'layers: the renderer must not use Node or backend packages ({{dependency.source}})',
          },
          {
            from: { element: { type: 'electron*' } },
            allow: [{ to: { element: { types: ['electron*', 'shared'] } } }, { to: { module: { origin: ['core', 'external'] } } }],
          },
          {
            from: { element: { type: 'electron*' } },
            disallow: { to: { module: { origin: 'external', source: 'electron' } } },
            message: `layers: only ${ELECTRON_GLUE.join(', ')} may import electron`,
          },
          {
            from: { file: { categories: 'electron-glue' } },
            allow: { to: { module: { origin: 'external', source: 'electron' } } },
          },
          {
            from: { element: { type: 'electron-backend' } },
            disallow: { to: { element: { type: 'electron-host' } } },
            message: 'layers: electron/backend/ must not import the hosts or tools (electron/web, electron/cli, electron/tools): {{dependency.source}}',
          },
        ],
      },
    ],
  },
};

export default defineConfig([
  globalIgnores(['dist/', 'release/', 'test-results/']),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
  },

  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Chinese text is laid out with ideographic spaces (U+3000) in templates and JSX text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true, skipComments: true }],
      // A leading underscore marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Passing on a caught `unknown` unchanged is fine; creating a non-Error rejection is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },

  {
    files: ['test/**/*.ts'],
    rules: {
      // vitest's asymmetric matchers (expect.any, expect.stringContaining …) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Tests stringify spreadsheet cells on purpose; a wrong value fails the assertion anyway.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },

  {
    files: ['{shared,renderer,electron}/**/*.{ts,tsx}'],
    plugins: { boundaries },
    ...layers,
  },

  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The renderer's "today" is the backend's (the registry's clock, also in tests and demos).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='Identifier'][callee.name='dayjs'][arguments.length=0]",
          message: "renderer: take today from useToday() (the backend's clock), never the browser's",
        },
        {
          selector: "NewExpression[callee.type='Identifier'][callee.name='Date'][arguments.length=0]",
          message: "renderer: take today from useToday() (the backend's clock), never the browser's",
        },
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.object.name='Date'][callee.property.name='now']",
          message: "renderer: take today from useToday() (the backend's clock), never the browser's",
        },
      ],
    },
  },
]);
