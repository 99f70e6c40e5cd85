import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError } from '../../shared/api/result.ts';
import { WEB_TOKEN_FRAGMENT, WEB_TOKEN_HEADER } from '../../shared/api/web-access.ts';
import type { Backend } from '../backend/backend.ts';
import { SECURITY_HEADERS } from '../security/content-security-policy.ts';
import { createAccessToken, tokenMatches } from './auth-token.ts';
import { resolveStaticFile } from './static-files.ts';

export interface WebHostOptions {
  backend: Backend;
  /** The built renderer (vite's output). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The launch's access token (tests pass one); a fresh random one otherwise. */
  token?: string;
}

export interface WebHost {
  /** The server's address, without the token. */
  readonly url: string;
  /** The address to open: url#token=…, printed for the clerk (and opened in the browser). */
  readonly openUrl: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Slow or idle connections are closed in seconds, not minutes: a local process holding many
 * half-sent requests must not tie the host up. An upload (at most ~72 MB over loopback) arrives in
 * well under the request time; a handler's own work (a big import) is not limited by these.
 */
export const CONNECTION_LIMITS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  /** How often Node looks for connections past those limits. */
  checkIntervalMs: 1_000,
  maxConnections: 64,
} as const;

/** base64 of a 50 MB upload plus JSON framing. */
const MAX_BODY_BYTES = 72 * 1024 * 1024;
const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]'];

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

/**
 * The host header must name this server on a loopback address: a page on another site that
 * resolves its own hostname to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return LOOPBACK_HOSTNAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** Browsers send Origin on cross-origin and on all POST requests; only our own origin may call. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOOPBACK_HOSTNAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, backend: Backend, method: string, token: string): Promise<void> {
  // Without this launch's token no call is answered: not even a method name is checked, no data served.
  if (!tokenMatches(token, req.headers[WEB_TOKEN_HEADER.toLowerCase()])) {
    req.resume();
    sendError(res, 401, { code: 'UNAUTHORIZED', message: '访问令牌无效或缺失：请使用执法台账启动时显示的完整地址（末尾带有 #token=…）打开本页面。' });
    return;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, { code: 'FORBIDDEN', message: '接口只接受 POST 请求' });
    return;
  }
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    // A form on another page cannot send application/json without a CORS preflight, which we never grant.
    sendError(res, 415, { code: 'FORBIDDEN', message: '接口只接受 JSON 请求' });
    return;
  }
  const body = await readBody(req);
  if (body === 'too_large') {
    sendError(res, 413, { code: 'FILE_TOO_LARGE', message: '请求过大（文件超过 50 MB 的上限）' });
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    sendError(res, 400, { code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' });
    return;
  }
  const result = await backend.call(method, input);
  sendJson(res, 200, result);
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, rendererDir: string, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, { code: 'FORBIDDEN', message: '不支持的请求方法' });
    return;
  }
  const file = resolveStaticFile(rendererDir, pathname);
  if (!file) {
    sendError(res, 404, { code: 'NOT_FOUND', message: '页面不存在' });
    return;
  }
  const stat = fs.statSync(file.path);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': stat.size,
    'Cache-Control': file.cacheable ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file.path).pipe(res);
}

/** Serves the renderer and the backend over HTTP on 127.0.0.1 only. */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { backend, rendererDir } = options;
  const token = options.token ?? createAccessToken();
  let port = options.port ?? 0;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (!isAllowedHost(req.headers.host, port)) {
      sendError(res, 403, { code: 'FORBIDDEN', message: '只允许从本机地址访问' });
      return;
    }
    const origin = req.headers.origin;
    if (!isAllowedOrigin(origin, port)) {
      sendError(res, 403, { code: 'FORBIDDEN', message: '拒绝来自其他网站的请求' });
      return;
    }
    const pathname = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    const apiMatch = /^\/api\/([A-Za-z0-9_.]{1,80})$/.exec(pathname);
    const handled = apiMatch ? handleApi(req, res, backend, apiMatch[1] ?? '', token) : Promise.resolve(serveStatic(req, res, rendererDir, pathname));
    handled.catch((err: unknown) => {
      backend.context.log.write('error', `web host: ${req.method} ${pathname}`, err);
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: '程序内部错误，详细信息已写入日志文件' });
      else res.destroy();
    });
  };
  const server = http.createServer(
    {
      headersTimeout: CONNECTION_LIMITS.headersTimeoutMs,
      requestTimeout: CONNECTION_LIMITS.requestTimeoutMs,
      keepAliveTimeout: CONNECTION_LIMITS.keepAliveTimeoutMs,
      connectionsCheckingInterval: CONNECTION_LIMITS.checkIntervalMs,
    },
    handle,
  );
  server.maxConnections = CONNECTION_LIMITS.maxConnections;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#${WEB_TOKEN_FRAGMENT}=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
