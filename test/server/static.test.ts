// Static serving of a built PWA: cache policy per file kind, precompressed files, SPA fallback.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.js';

describe('static PWA serving', () => {
  let t: TestApp;
  const js = 'console.log("hello stamp rally");'.repeat(50);
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sr-static-'));
    mkdirSync(join(dir, 'assets'));
    const html = `<!doctype html><title>shell</title>${' '.repeat(600)}`;
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(html));
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'assets', 'main-abc123.js'), js);
    writeFileSync(join(dir, 'assets', 'main-abc123.js.br'), brotliCompressSync(js));
    writeFileSync(join(dir, 'assets', 'main-abc123.js.gz'), gzipSync(js));
    t = await createTestApp('sqlite', { STATIC_DIR: dir });
  });
  afterAll(() => t.close());

  it('serves hashed assets immutable and precompressed when accepted', async () => {
    const br = await t.app.inject({
      method: 'GET',
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await t.app.inject({
      method: 'GET',
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('revalidates index.html and the service worker', async () => {
    const sw = await t.app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    const page = await t.app.inject({ method: 'GET', url: '/r/demo' });
    expect(page.statusCode).toBe(200);
    const compressed = await t.app.inject({
      method: 'GET',
      url: '/r/demo',
      headers: { 'accept-encoding': 'br' },
    });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['cache-control']).toBe('no-cache');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(page.body).toContain('<title>shell</title>');
  });

  it('falls back to the shell for app routes only', async () => {
    for (const url of ['/', '/r/demo', '/r/demo/scan', '/staff', '/admin/campaigns']) {
      expect((await t.app.inject({ method: 'GET', url })).body, url).toContain('shell');
    }
    const typo = await t.app.inject({
      method: 'GET',
      url: '/wp-admin',
      headers: { accept: 'text/html' },
    });
    expect(typo.statusCode).toBe(404);
    expect(typo.body).toContain('shell');
    const apiTypo = await t.app.inject({
      method: 'GET',
      url: '/api/v1/x',
      headers: { accept: 'text/html' },
    });
    expect(apiTypo.json().error.code).toBe('not_found');
    for (const url of ['/api/v1/nothing', '/api/nothing', '/nothing.png', '/wp-admin']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });
});
