// Throw-away databases for browser tests: a unique name each, closed and deleted after the test.
import { deleteDB } from 'idb';
import { openStampDb } from '../../../src/storage/stamp-db.js';
import type { StampDb } from '../../../src/storage/stamp-db.js';
import type { NewStamp } from '../../../src/storage/stamps.store.js';

const opened: { name: string; dbs: StampDb[] }[] = [];

/** Opens a new, empty database; `connect()` opens another connection to it (another "tab"). */
export async function freshDb(version?: number) {
  const name = `test-${crypto.randomUUID()}`;
  const entry = { name, dbs: [] as StampDb[] };
  opened.push(entry);
  const connect = async (v?: number) => {
    const db = await openStampDb({ name, version: v ?? version });
    entry.dbs.push(db);
    return db;
  };
  return { name, db: await connect(), connect };
}

export async function disposeDbs(): Promise<void> {
  for (const { name, dbs } of opened.splice(0)) {
    for (const db of dbs) db.close();
    await deleteDB(name);
  }
}

export const PATTERN_SET_ID = '00000000-0000-4000-8000-000000000009';

export function stampInput(campaignSlug: string, boothId: string, minute = 0): NewStamp {
  return {
    campaignSlug,
    boothId,
    patternSetId: PATTERN_SET_ID,
    evidence: { score: 0.92, frames: 4, source: 'camera' },
    capturedAt: new Date(Date.UTC(2025, 4, 1, 10, minute)).toISOString(),
  };
}
