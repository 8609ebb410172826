// Request payloads for the API suite: device keys, visitors and stamp events.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { PublicCampaign } from '../../src/shared/campaign.schema.js';
import type { StampEvent } from '../../src/shared/sync.schema.js';

export function devicePublicKey(): string {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64url');
}

export async function getCampaign(app: FastifyInstance, slug = 'demo'): Promise<PublicCampaign> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/campaigns/${slug}` });
  if (res.statusCode !== 200) throw new Error(`campaign ${slug}: ${res.statusCode} ${res.body}`);
  return res.json() as PublicCampaign;
}

export async function registerVisitor(app: FastifyInstance, slug = 'demo'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${slug}/visitors`,
    payload: { devicePublicKey: devicePublicKey() },
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

export function stampEvent(
  campaign: PublicCampaign,
  boothIndex: number,
  overrides: Partial<StampEvent> = {},
): StampEvent {
  const booth = campaign.booths[boothIndex];
  if (!booth || !campaign.patternSet)
    throw new Error('campaign has no such booth or no pattern set');
  return {
    id: randomUUID(),
    boothId: booth.id,
    patternSetId: campaign.patternSet.id,
    capturedAt: new Date().toISOString(),
    evidence: { score: 0.93, frames: 3, source: 'camera' },
    ...overrides,
  };
}
