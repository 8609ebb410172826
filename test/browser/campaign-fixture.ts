// A public campaign reply as GET /api/v1/campaigns/:slug gives it, for page tests with a stubbed fetch.
import { ARTIFACT_VERSION, encodeArtifact } from '../../src/recognition/engine/artifact.js';
import type { PublicCampaign } from '../../src/shared/campaign.schema.js';

/** A small valid image per booth (a tinted poster), so screenshots show what a visitor would see. */
const posterThumb = (position: number) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="hsl(${position * 110} 55% 45%)"/><circle cx="20" cy="16" r="9" fill="#fff" opacity=".8"/><rect x="8" y="29" width="24" height="4" fill="#fff" opacity=".8"/></svg>`,
  )}`;

const booth = (position: number, en: string, zh: string, thumbnail: boolean) => ({
  id: `0000000${position}-0000-4000-8000-000000000000`,
  position,
  name: { en, 'zh-Hant': zh },
  hint: position === 2 ? null : { en: `Hint for ${en}`, 'zh-Hant': `${zh}的提示` },
  floorPosition: null,
  thumbnailUrl: thumbnail ? posterThumb(position) : null,
});

export const campaignFixture: PublicCampaign = {
  v: 1,
  slug: 'xmas',
  name: { en: 'Christmas Market Rally', 'zh-Hant': '聖誕市集集章' },
  startsAt: '2020-12-01T02:00:00.000Z',
  endsAt: '2099-12-31T10:00:00.000Z',
  timezone: 'Asia/Taipei',
  status: 'running',
  rules: {
    stampsRequired: 3,
    prizeTiers: [
      {
        id: 'gold',
        name: { en: 'Gold prize', 'zh-Hant': '金獎' },
        stampsRequired: 3,
        stockRemaining: 5,
      },
      {
        id: 'sticker',
        name: { en: 'Sticker', 'zh-Hant': '貼紙' },
        stampsRequired: 1,
        stockRemaining: null,
      },
    ],
  },
  booths: [
    booth(2, 'Cocoa Cafe', '熱可可咖啡', false),
    booth(1, 'Santa Workshop', '聖誕老人工坊', true),
    booth(3, 'Toy Train', '玩具火車', true),
  ],
  patternSet: null,
};

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export const PATTERN_SET_A = '0000000a-0000-4000-8000-000000000000';
export const PATTERN_SET_B = '0000000b-0000-4000-8000-000000000000';

/** The fixture campaign publishing pattern set `id` (content hash `hash-<id>`), optionally renamed. */
export function campaignWithSet(id: string, name = campaignFixture.name.en): PublicCampaign {
  return {
    ...campaignFixture,
    name: { ...campaignFixture.name, en: name },
    patternSet: {
      id,
      contentHash: `hash-${id}`,
      artifactUrl: `/api/v1/pattern-sets/${id}/artifact`,
      publishedAt: '2020-11-30T00:00:00.000Z',
    },
  };
}

/** A decodable compiled pattern set recognising `boothIds` (one tiny reference each). */
export function artifactFor(boothIds: readonly string[]): Uint8Array {
  return encodeArtifact({
    v: ARTIFACT_VERSION,
    modelSha256: 'test-model',
    descriptorBytes: 4,
    patterns: boothIds.map((id) => ({
      id,
      references: [
        {
          width: 64,
          height: 64,
          points: new Float32Array([10, 12, 30, 40]),
          angles: new Float32Array([0, 90]),
          sizes: new Float32Array([31, 31]),
          descriptors: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
          colours: { width: 1, height: 1, rgb: new Uint8Array([200, 40, 40]) },
        },
      ],
    })),
  });
}
