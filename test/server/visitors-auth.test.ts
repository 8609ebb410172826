// Visitor registration and organizer/staff sign-in — per dialect. Tokens are stored only hashed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResponseSchema } from '../../src/shared/auth.schema.js';
import { registerVisitorResponseSchema } from '../../src/shared/visitor.schema.js';
import { hashToken } from '../../src/server/security/token.js';
import { devicePublicKey } from './fixtures.js';
import { DIALECTS, bearer, createTestApp, type TestApp } from './harness.js';

describe.each(DIALECTS)('visitors and accounts (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { DEMO_STAFF_PASSWORD: 'staff-secret-1' });
  });
  afterAll(() => t.close());

  it('registers an anonymous device and stores only a hash of its token', async () => {
    const key = devicePublicKey();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns/demo/visitors',
      payload: { devicePublicKey: key },
    });
    expect(res.statusCode).toBe(201);
    const { visitorId, token } = registerVisitorResponseSchema.parse(res.json());
    const stored = await t.repos.visitors.findByTokenHash(hashToken(token));
    expect(stored?.id).toBe(visitorId);
    expect(stored?.device_public_key).toBe(key);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('refuses a device key that is not a P-256 public key', async () => {
    for (const devicePublicKey of ['short', 'A'.repeat(91), '!'.repeat(60)]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/campaigns/demo/visitors',
        payload: { devicePublicKey },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const wrongCampaign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns/nope/visitors',
      payload: { devicePublicKey: devicePublicKey() },
    });
    expect(wrongCampaign.statusCode).toBe(404);
  });

  const signIn = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });

  it('signs in the demo accounts with env-given passwords and signs out', async () => {
    const organizer = signInResponseSchema.parse(
      (await signIn('organizer', 'rally-organizer')).json(),
    );
    expect(organizer.role).toBe('organizer');
    const staffRes = await signIn('staff', 'staff-secret-1');
    expect(staffRes.statusCode).toBe(200);
    const staff = signInResponseSchema.parse(staffRes.json());
    expect(staff.role).toBe('staff');

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: bearer(staff.token),
    });
    expect(me.json()).toMatchObject({ username: 'staff', role: 'staff' });
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: bearer(staff.token),
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: bearer(staff.token),
    });
    expect(after.statusCode).toBe(401);
  });

  it('refuses wrong credentials and expired sessions with 401', async () => {
    for (const [u, p] of [
      ['staff', 'rally-staff'],
      ['nobody', 'whatever-pass'],
    ] as const) {
      const res = await signIn(u, p);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({
        code: 'unauthorized',
        message: 'Wrong username or password',
      });
    }
    const { token } = signInResponseSchema.parse(
      (await signIn('organizer', 'rally-organizer')).json(),
    );
    t.clock.advance(13 * 3600 * 1000);
    const expired = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: bearer(token),
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toMatch(/expired/);
  });
});
