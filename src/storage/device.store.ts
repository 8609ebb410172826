// The device store: this browser's ECDSA P-256 key pair and visitor registration, per campaign.
import type { DeviceRecord, StampDb } from './stamp-db.js';
import { guardStorage } from './storage-error.js';

const KEY_ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function newKeyPair(): Promise<
  Pick<DeviceRecord, 'privateKey' | 'publicKey' | 'publicKeySpki'>
> {
  // extractable=false keeps the private key inside the browser; a public key is always exportable.
  const pair = await crypto.subtle.generateKey(KEY_ALGORITHM, false, ['sign', 'verify']);
  const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, publicKeySpki: base64url(spki) };
}

export function getDevice(db: StampDb, campaignSlug: string): Promise<DeviceRecord | undefined> {
  return guardStorage('read device', () => db.get('device', campaignSlug));
}

/**
 * The device record of a campaign, creating its key pair on first use. The key is generated outside
 * the transaction (WebCrypto is async and would let it commit); the insert then keeps whichever record
 * got there first, so concurrent tabs agree on one key.
 */
export async function getOrCreateDevice(db: StampDb, campaignSlug: string): Promise<DeviceRecord> {
  const existing = await getDevice(db, campaignSlug);
  if (existing) return existing;
  const keys = await newKeyPair();
  return guardStorage(
    'save device key',
    async () => {
      const tx = db.transaction('device', 'readwrite');
      let record = await tx.store.get(campaignSlug);
      if (!record) {
        record = {
          campaignSlug,
          ...keys,
          createdAt: new Date().toISOString(),
          visitorId: null,
          token: null,
          registeredAt: null,
          previousVisitorIds: [],
        };
        await tx.store.put(record);
      }
      await tx.done;
      return record;
    },
    { write: true },
  );
}

async function updateDevice(
  db: StampDb,
  campaignSlug: string,
  change: (record: DeviceRecord) => DeviceRecord | null,
): Promise<DeviceRecord> {
  return guardStorage(
    'save registration',
    async () => {
      const tx = db.transaction('device', 'readwrite');
      const record = await tx.store.get(campaignSlug);
      if (!record) throw new Error(`no device record for campaign "${campaignSlug}"`);
      const next = change(record);
      if (next) await tx.store.put(next);
      await tx.done;
      return next ?? record;
    },
    { write: true },
  );
}

/** Stores a fresh registration; a previous visitor id is remembered (its stamps were re-keyed). */
export function saveRegistration(
  db: StampDb,
  campaignSlug: string,
  registration: { visitorId: string; token: string },
): Promise<DeviceRecord> {
  return updateDevice(db, campaignSlug, (record) => ({
    ...record,
    visitorId: registration.visitorId,
    token: registration.token,
    registeredAt: new Date().toISOString(),
    previousVisitorIds:
      record.visitorId && record.visitorId !== registration.visitorId
        ? [...record.previousVisitorIds, record.visitorId]
        : record.previousVisitorIds,
  }));
}

/**
 * Forgets a token the server no longer knows. Only that token: if another tab already registered
 * again, its newer token stays.
 */
export function forgetToken(
  db: StampDb,
  campaignSlug: string,
  token: string,
): Promise<DeviceRecord> {
  return updateDevice(db, campaignSlug, (record) =>
    record.token === token ? { ...record, token: null } : null,
  );
}
