import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  path: string;
  contentType: string;
  /** index.html must never be cached: a new build changes the asset names it points to. */
  cacheable: boolean;
}

/**
 * Resolves a URL path to a file inside `root`, or null. Paths that escape the root (.., encoded
 * slashes, absolute paths) resolve to null; unknown paths fall back to index.html (hash routing).
 */
export function resolveStaticFile(root: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolvedRoot = path.resolve(root);
  const candidate = path.resolve(resolvedRoot, relative);
  if (candidate !== resolvedRoot && !candidate.startsWith(resolvedRoot + path.sep)) return null;
  let file = candidate;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    // A path that looks like an asset and is missing is a real 404, not the app shell.
    if (path.extname(relative) !== '') return null;
    file = path.join(resolvedRoot, 'index.html');
    if (!fs.existsSync(file)) return null;
  }
  const ext = path.extname(file).toLowerCase();
  return { path: file, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', cacheable: ext !== '.html' };
}
