// Cross-cutting HTTP behaviour: security headers, health, rate limits, closed CORS, posters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOOTHS } from '../../src/server/seed/demo-booths.js';
import { registerVisitor } from './fixtures.js';
import { DIALECTS, bearer, createTestApp, type TestApp } from './harness.js';

describe.each(DIALECTS)('http (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      RATE_LIMIT_PER_MINUTE: '40',
      TOKEN_RATE_LIMIT_PER_MINUTE: '3',
    });
  });
  afterAll(() => t.close());

  it('reports health with the dialect and schema version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      dialect,
      schemaVersion: 2,
      schemaLatest: '0002-pattern-set-quality',
    });
  });

  it('isolates cross-origin and sets a CSP on every response', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/demo' });
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(res.headers['content-security-policy']).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps CORS closed by default', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/campaigns/demo',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits requests per token with 429 and Retry-After', async () => {
    const token = await registerVisitor(t.app);
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await t.app.inject({
        method: 'POST',
        url: '/api/v1/campaigns/demo/sync',
        headers: bearer(token),
        payload: { v: 1, events: [] },
      });
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.json().error.code).toBe('rate_limited');
    // Another visitor behind the same IP is not blocked by the first one's limit.
    const other = await registerVisitor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns/demo/sync',
      headers: bearer(other),
      payload: { v: 1, events: [] },
    });
    expect(res.statusCode).toBe(200);
  });

  it('limits requests per IP', async () => {
    const codes = [];
    for (let i = 0; i < 45; i++) {
      codes.push(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/campaigns/nope',
            remoteAddress: '10.9.9.9',
          })
        ).statusCode,
      );
    }
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/api/v1/campaigns/demo',
      remoteAddress: '10.9.9.8',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('serves printable demo posters with a join QR code', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/demo/posters',
      remoteAddress: '10.1.1.1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body.match(/<img /g)).toHaveLength(DEMO_BOOTHS.length);
    expect(res.body).toContain('<svg');
    expect(res.body).toContain('/r/demo');
  });
});
