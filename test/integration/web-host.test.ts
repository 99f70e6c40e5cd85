import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.ts';
import { startWebHost, type WebHost } from '../../electron/web/web-host.ts';
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

/** A raw request, so the test controls the Host and Origin headers exactly. */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
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
  it('listens on 127.0.0.1 only and prints a loopback address', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
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
