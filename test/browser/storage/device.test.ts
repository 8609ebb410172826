// The device store in real Chromium: a non-extractable P-256 key that survives reopening, one key per
// campaign even when tabs race, and token bookkeeping.
import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetToken,
  getOrCreateDevice,
  saveRegistration,
} from '../../../src/storage/device.store.js';
import { disposeDbs, freshDb } from './test-db.js';

afterEach(disposeDbs);

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

describe('device key pair', () => {
  it('is created once, non-extractable, and the same after reopening', async () => {
    const { db, connect } = await freshDb();
    const device = await getOrCreateDevice(db, 'demo');
    expect(device.publicKeySpki).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect(device.privateKey.extractable).toBe(false);
    expect(device.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    await expect(crypto.subtle.exportKey('pkcs8', device.privateKey)).rejects.toThrow();
    db.close();

    const reopened = await getOrCreateDevice(await connect(), 'demo');
    expect(reopened.publicKeySpki).toBe(device.publicKeySpki);
    // The stored private key still signs, and the exported public key verifies it.
    const data = new TextEncoder().encode('redeem tier-1');
    const algorithm = { name: 'ECDSA', hash: 'SHA-256' };
    const signature = await crypto.subtle.sign(algorithm, reopened.privateKey, data);
    const publicKey = await crypto.subtle.importKey(
      'spki',
      fromBase64url(reopened.publicKeySpki),
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    expect(await crypto.subtle.verify(algorithm, publicKey, signature, data)).toBe(true);
  });

  it('gives racing tabs the same key, and each campaign its own', async () => {
    const { db, connect } = await freshDb();
    const otherTab = await connect();
    const devices = await Promise.all([
      getOrCreateDevice(db, 'demo'),
      getOrCreateDevice(otherTab, 'demo'),
      getOrCreateDevice(db, 'demo'),
    ]);
    expect(new Set(devices.map((d) => d.publicKeySpki)).size).toBe(1);
    const other = await getOrCreateDevice(db, 'other');
    expect(other.publicKeySpki).not.toBe(devices[0]!.publicKeySpki);
  });
});

describe('registration', () => {
  it('forgets only the token the server refused and remembers earlier visitor ids', async () => {
    const { db } = await freshDb();
    await getOrCreateDevice(db, 'demo');
    await saveRegistration(db, 'demo', { visitorId: 'v1', token: 't1' });
    await saveRegistration(db, 'demo', { visitorId: 'v2', token: 't2' });
    // A stale 401 for t1 (another tab already re-registered) must not wipe t2.
    expect((await forgetToken(db, 'demo', 't1')).token).toBe('t2');
    const forgotten = await forgetToken(db, 'demo', 't2');
    expect(forgotten).toMatchObject({ token: null, visitorId: 'v2', previousVisitorIds: ['v1'] });
  });
});
