// GET /demo/posters: printable posters of the demo campaign's booths, one per page, so a person can
// try scanning with a real phone pointed at a screen or a printout.
import type { FastifyPluginAsync } from 'fastify';
import QRCode from 'qrcode';
import type { LocalizedText } from '../../../shared/locale.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http-error.js';
import { referenceImageUrl } from '../../pattern-sets/urls.js';
import { DEMO_SLUG } from '../../seed/seed-demo.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const demoPosterRoutes: FastifyPluginAsync<AppContext> = async (app, { repos, config }) => {
  app.get('/demo/posters', async (request, reply) => {
    const parts = await repos.campaigns.findBySlug(DEMO_SLUG);
    const set = parts && (await repos.patternSets.currentPublished(parts.campaign.id));
    if (!parts || !set) throw notFound('Demo campaign');
    const images = await repos.patternSets.firstImagesByBooth(set.id);
    const origin = config.publicUrl ?? `${request.protocol}://${request.host}`;
    const joinUrl = new URL(`/r/${DEMO_SLUG}`, origin).toString();
    const qr = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, width: 160 });
    const campaignName = JSON.parse(parts.campaign.name) as LocalizedText;
    const pages = parts.booths
      .map((booth, i) => {
        const name = JSON.parse(booth.name) as LocalizedText;
        const imageId = images.get(booth.id);
        const img = imageId
          ? `<img src="${referenceImageUrl(imageId, 'full')}" alt="${escapeHtml(name.en)}">`
          : '';
        return `<section class="poster"><h2>${i + 1}. ${escapeHtml(name['zh-Hant'])} · ${escapeHtml(name.en)}</h2>${img}</section>`;
      })
      .join('\n');
    const html = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(campaignName.en)} — booth posters</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f4f1ea;color:#222}
header{padding:1.5rem;display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap;background:#fff}
header svg{width:160px;height:160px}
.poster{page-break-after:always;break-after:page;padding:1rem;text-align:center}
.poster img{max-width:100%;max-height:85vh;box-shadow:0 2px 12px #0003}
h2{margin:.5rem 0 1rem;font-size:1.4rem}
@media print{header{page-break-after:always;break-after:page}body{background:#fff}.poster img{box-shadow:none;max-height:24cm}}
</style></head><body>
<header>${qr}<div><h1>${escapeHtml(campaignName['zh-Hant'])} · ${escapeHtml(campaignName.en)}</h1>
<p>Scan the QR code to join at <a href="${escapeHtml(joinUrl)}">${escapeHtml(joinUrl)}</a>, then point the camera at a poster below (on screen or printed).</p>
<p>掃描 QR code 加入活動，再用相機對準下方任一張海報（螢幕或印出皆可）。</p></div></header>
${pages}
</body></html>`;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
};
