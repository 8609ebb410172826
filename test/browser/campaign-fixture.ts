// A public campaign reply as GET /api/v1/campaigns/:slug gives it, for page tests with a stubbed fetch.
import type { PublicCampaign } from '../../src/shared/campaign.schema.js';

const booth = (position: number, en: string, zh: string, thumbnail: boolean) => ({
  id: `0000000${position}-0000-4000-8000-000000000000`,
  position,
  name: { en, 'zh-Hant': zh },
  hint: position === 2 ? null : { en: `Hint for ${en}`, 'zh-Hant': `${zh}的提示` },
  floorPosition: null,
  thumbnailUrl: thumbnail ? `data:image/gif;base64,R0lGODlhAQABAAAAACw=` : null,
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
