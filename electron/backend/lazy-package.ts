import { createRequire } from 'node:module';

/**
 * Loads an npm package when it is first needed instead of at start-up (issue 13: ExcelJS and
 * pinyin-pro were a third of the web host's start and ~50 MiB of its idle memory).
 *
 * Synchronous, for code that runs inside a transaction. The Electron main bundle is CommonJS and
 * has `require`, which reads packages from app.asar like every static import there; the
 * type-stripped sources (web host, CLI, tests) are ES modules and make one from their own URL. The
 * package must be requireable (CommonJS, or an `exports` entry with `require`).
 */
export function requirePackage<T>(specifier: string): T {
  return nodeRequire()(specifier) as T;
}

function nodeRequire(): NodeJS.Require {
  if (typeof require === 'function') return require;
  // In a try block: esbuild then knows the CommonJS bundle never needs import.meta here.
  try {
    return createRequire(import.meta.url);
  } catch (err) {
    throw new Error('neither require nor import.meta.url is available to load a package', { cause: err });
  }
}
