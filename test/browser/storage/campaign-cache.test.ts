// The campaign cache in real Chromium: config and pattern set replaced together or not at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getCampaignBundle,
  saveCampaignBundle,
} from '../../../src/storage/campaign-cache.store.js';
import type { CampaignBundle } from '../../../src/storage/campaign-cache.store.js';
import { storageHealth } from '../../../src/storage/storage-error.js';
import { disposeDbs, freshDb } from './test-db.js';

afterEach(async () => {
  vi.restoreAllMocks();
  await disposeDbs();
  storageHealth.clear();
});

const text = (en: string) => ({ 'zh-Hant': en, en });
const BOOTH = '00000000-0000-4000-8000-0000000000b1';

function bundle(setNumber: number): CampaignBundle {
  const id = `00000000-0000-4000-8000-00000000000${setNumber}`;
  const contentHash = `hash-${setNumber}`;
  return {
    campaign: {
      v: 1,
      slug: 'demo',
      name: text('Demo'),
      startsAt: '2025-05-01T00:00:00Z',
      endsAt: '2025-06-01T00:00:00Z',
      timezone: 'Asia/Taipei',
      status: 'running',
      rules: { stampsRequired: 1, prizeTiers: [] },
      booths: [
        {
          id: BOOTH,
          position: 0,
          name: text('Booth'),
          hint: null,
          floorPosition: null,
          thumbnailUrl: null,
        },
      ],
      patternSet: { id, contentHash, artifactUrl: `/a/${id}`, publishedAt: '2025-05-01T00:00:00Z' },
    },
    patternSet: {
      patternSetId: id,
      campaignSlug: 'demo',
      contentHash,
      bytes: new Uint8Array([83, 82, 80, 83]),
    },
  };
}

describe('campaign cache', () => {
  it('stores the pair and replaces it with the next version', async () => {
    const { db } = await freshDb();
    await saveCampaignBundle(db, bundle(1));
    await saveCampaignBundle(db, bundle(2));
    const saved = await getCampaignBundle(db, 'demo');
    expect(saved?.campaign.patternSet?.id).toBe(saved?.patternSet?.patternSetId);
    expect(saved?.patternSet?.contentHash).toBe('hash-2');
  });

  it('refuses a half-updated pair and keeps the previous one', async () => {
    const { db } = await freshDb();
    await saveCampaignBundle(db, bundle(1));
    const mixed = { campaign: bundle(2).campaign, patternSet: bundle(1).patternSet };
    await expect(saveCampaignBundle(db, mixed)).rejects.toThrow(/is not the one/);
    await expect(
      saveCampaignBundle(db, { campaign: bundle(2).campaign, patternSet: null }),
    ).rejects.toThrow(/disagree/);
    expect((await getCampaignBundle(db, 'demo'))?.patternSet?.contentHash).toBe('hash-1');
  });

  it('keeps the previous pair when the disk is full', async () => {
    const { db } = await freshDb();
    await saveCampaignBundle(db, bundle(1));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(saveCampaignBundle(db, bundle(2))).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect((await getCampaignBundle(db, 'demo'))?.patternSet?.contentHash).toBe('hash-1');
  });
});
