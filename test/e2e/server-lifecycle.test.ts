// The product process: SIGTERM finishes in-flight requests and exits 0; a restart on the same data
// directory keeps every stamp and does not seed the demo twice.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublicCampaign } from '../../src/shared/campaign.schema.js';
import { startProductServer } from './server-process.js';

const devicePublicKey = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ type: 'spki', format: 'der' })
    .toString('base64url');

describe('server lifecycle', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('drains in-flight requests on SIGTERM and keeps data across restarts', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stamp-rally-life-'));
    const first = await startProductServer({ dataDir });
    const campaign = (await (
      await fetch(`${first.url}/api/v1/campaigns/demo`)
    ).json()) as PublicCampaign;
    const register = await fetch(`${first.url}/api/v1/campaigns/demo/visitors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ devicePublicKey: devicePublicKey() }),
    });
    const { token } = (await register.json()) as { token: string };
    const sync = (url: string, boothIndex: number | null) =>
      fetch(`${url}/api/v1/campaigns/demo/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          v: 1,
          events:
            boothIndex === null
              ? []
              : [
                  {
                    id: randomUUID(),
                    boothId: campaign.booths[boothIndex]!.id,
                    patternSetId: campaign.patternSet!.id,
                    capturedAt: new Date().toISOString(),
                    evidence: { score: 0.9 },
                  },
                ],
        }),
      });

    // Requests racing the shutdown: each is answered in full (200, stored) or refused (503 or a
    // closed connection) — never half-done.
    expect((await sync(first.url, 0)).status).toBe(200);
    const inFlight = Promise.allSettled(
      campaign.booths.slice(1).map((_, i) => sync(first.url, i + 1)),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exitCode = await first.stop();
    const answered = await inFlight;
    expect(exitCode).toBe(0);
    const statuses = answered.map((r) => (r.status === 'fulfilled' ? r.value.status : 'closed'));
    for (const status of statuses) expect([200, 503, 'closed']).toContain(status);
    const stored = statuses.filter((s) => s === 200).length;

    const second = await startProductServer({ dataDir });
    try {
      const again = (await (
        await fetch(`${second.url}/api/v1/campaigns/demo`)
      ).json()) as PublicCampaign;
      expect(again.patternSet!.id).toBe(campaign.patternSet!.id);
      expect(again.booths.map((b) => b.id)).toEqual(campaign.booths.map((b) => b.id));
      const card = (await (await sync(second.url, null)).json()) as { card: { stamps: unknown[] } };
      expect(card.card.stamps).toHaveLength(1 + stored);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
