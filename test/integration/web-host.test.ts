import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { tokenMatches } from '../../electron/web/auth-token.ts';
import { CONNECTION_LIMITS, startWebHost, type WebHost } from '../../electron/web/web-host.ts';
import { freshBackend } from '../helpers/backend.ts';
import { tempDir } from '../helpers/paths.ts';

let backend: Backend;
let host: WebHost;

beforeAll(async () => {
  backend = await freshBackend();
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>执法台账</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ backend, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  backend.close();
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A raw request, so the test controls the Host and Origin headers exactly. It carries the launch's
 * access token unless `token` says otherwise (null: no token header at all).
 */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string; token?: string | null }): Promise<Reply> {
  const token = options.token === undefined ? host.token : options.token;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...(token === null ? {} : { 'X-Registry-Token': token }), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const json = { 'Content-Type': 'application/json' };

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a loopback address with a random per-launch token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.openUrl).toBe(`${host.url}#token=${host.token}`);
    // 32 random bytes, base64url.
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebHost({ backend, rendererDir: tempDir('renderer-'), port: 0 });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('serves the renderer with a strict CSP', async () => {
    const reply = await request({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('执法台账');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const asset = await request({ path: '/assets/app.js' });
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('answers API calls with a Result, same as IPC', async () => {
    const reply = await request({ method: 'POST', path: '/api/system.info', headers: json, body: '{}' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; value: { host: string } };
    expect(result.ok).toBe(true);
    expect(result.value.host).toBe('cli');
    const bad = JSON.parse((await request({ method: 'POST', path: '/api/units.delete', headers: json, body: '{"id":"x"}' })).body) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it.each([
    ['a foreign host name (DNS rebinding)', { Host: 'evil.example.com' }],
    ['a foreign host on our port', { Host: `evil.example.com:${0}` }],
    ['a LAN address', { Host: '192.168.1.20:80' }],
  ])('rejects %s', async (_label, headers) => {
    const fixed = headers.Host.endsWith(':0') ? { Host: headers.Host.replace(':0', `:${host.port}`) } : headers;
    const reply = await request({ method: 'POST', path: '/api/system.info', headers: { ...json, ...fixed }, body: '{}' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const page = await request({ path: '/', headers: fixed });
    expect(page.status).toBe(403);
  });

  it.each([['http://evil.example.com'], ['null'], [`http://127.0.0.1:1`], ['https://127.0.0.1']])('rejects Origin %s', async (origin) => {
    const reply = await request({ method: 'POST', path: '/api/system.info', headers: { ...json, Origin: origin }, body: '{}' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('accepts its own origin under both loopback names', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const reply = await request({ method: 'POST', path: '/api/system.info', headers: { ...json, Host: `${name}:${host.port}`, Origin: `http://${name}:${host.port}` }, body: '{}' });
      expect(reply.status).toBe(200);
    }
  });

  it('refuses non-JSON posts (no cross-site form submissions) and non-POST API calls', async () => {
    const form = await request({ method: 'POST', path: '/api/system.info', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    const get = await request({ path: '/api/system.info' });
    expect(get.status).toBe(405);
    const broken = await request({ method: 'POST', path: '/api/system.info', headers: json, body: '{not json' });
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers no API call without the launch token: 401, no data', async () => {
    const cases: Array<[string, string | null]> = [
      ['no token', null],
      ['an empty token', ''],
      ['a wrong token', 'A'.repeat(43)],
      ['the token with one character changed', `${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}`],
      ['the token twice', `${host.token}${host.token}`],
    ];
    for (const method of ['system.info', 'personnel.revealIdNumber', 'backups.download', 'files.get', 'no.such.method']) {
      for (const [label, token] of cases) {
        const reply = await request({ method: 'POST', path: `/api/${method}`, headers: json, body: '{"id":1}', token });
        expect(reply.status, `${method}, ${label}`).toBe(401);
        expect(JSON.parse(reply.body), `${method}, ${label}`).toEqual({
          ok: false,
          error: { code: 'UNAUTHORIZED', message: expect.stringContaining('访问令牌') },
        });
      }
    }
    // GET, form posts and preflights without the token are refused the same way.
    expect((await request({ path: '/api/system.info', token: null })).status).toBe(401);
    expect((await request({ method: 'OPTIONS', path: '/api/system.info', token: null, headers: { Origin: `http://127.0.0.1:${host.port}` } })).status).toBe(401);
    // The interface itself (which holds no data) is served without it.
    expect((await request({ path: '/', token: null })).status).toBe(200);
  });

  it('compares tokens in constant time, whatever their length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'ab')).toBe(false);
    expect(tokenMatches('abc', undefined)).toBe(false);
    expect(tokenMatches('abc', ['abc'])).toBe(false);
    expect(tokenMatches('abc', 'x'.repeat(100_000))).toBe(false);
  });

  it('closes a connection that sends its headers too slowly', async () => {
    const socket = net.connect(host.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // Half a request, then nothing: the server must hang up by itself (headers timeout of seconds).
    socket.write(`POST /api/system.info HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // 408 Request Timeout: the server closed it for its slowness, not for anything it sent.
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Seconds, not minutes.
    expect(CONNECTION_LIMITS.headersTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(CONNECTION_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(60_000);
    expect(CONNECTION_LIMITS.keepAliveTimeoutMs).toBeLessThanOrEqual(10_000);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../package.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5cpackage.json', '/missing.js', '/..%2f..%2f..%2fetc%2fpasswd']) {
      const reply = await request({ path: p });
      // Either a 404 or, for extension-less paths, the app shell (hash routing) — never the file.
      if (reply.status !== 404) expect(reply.body, p).toBe('<!doctype html><title>执法台账</title>');
      expect(reply.body).not.toContain('enforcement-registry');
      expect(reply.body).not.toContain('root:');
    }
    expect((await request({ path: '/missing.js' })).status).toBe(404);
  });
});
