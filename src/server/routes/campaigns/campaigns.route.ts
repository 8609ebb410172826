// Public, read-only campaign data: configuration, pattern-set artifacts and reference images.
// Artifacts and images never change at their URL, so they are immutable and carry an ETag.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema, slugSchema } from '../../../shared/campaign.schema.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../http-error.js';
import { parseInput } from '../../validate.js';
import { toPublicCampaign } from './public-campaign.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function sendImmutable(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  mediaType: string,
  body: Uint8Array,
) {
  const quoted = `"${etag}"`;
  reply.header('etag', quoted).header('cache-control', IMMUTABLE);
  if (request.headers['if-none-match'] === quoted) return reply.code(304).send();
  return reply.type(mediaType).send(Buffer.from(body));
}

export const campaignRoutes: FastifyPluginAsync<AppContext> = async (app, { repos, clock }) => {
  app.get('/api/v1/campaigns/:slug', async (request, reply) => {
    const { slug } = parseInput(z.object({ slug: slugSchema }), request.params, 'campaign slug');
    const parts = await repos.campaigns.findBySlug(slug);
    if (!parts) throw notFound(`Campaign "${slug}"`);
    const patternSet = await repos.patternSets.currentPublished(parts.campaign.id);
    const thumbs = patternSet
      ? await repos.patternSets.firstImagesByBooth(patternSet.id)
      : new Map<string, string>();
    // Short cache: the app refreshes config in the background and works offline from its own copy.
    reply.header('cache-control', 'no-cache');
    return toPublicCampaign(parts, patternSet, thumbs, clock.now());
  });

  app.get('/api/v1/pattern-sets/:id/artifact', async (request, reply) => {
    const { id } = parseInput(z.object({ id: idSchema }), request.params, 'pattern-set id');
    const artifact = await repos.patternSets.findArtifact(id);
    if (!artifact) throw notFound('Pattern set');
    return sendImmutable(
      request,
      reply,
      artifact.content_hash,
      artifact.artifact_media_type,
      artifact.artifact,
    );
  });

  app.get('/api/v1/reference-images/:id/:variant', async (request, reply) => {
    const { id, variant } = parseInput(
      z.object({ id: idSchema, variant: z.enum(['full', 'thumb']) }),
      request.params,
      'image address',
    );
    const image = await repos.patternSets.findImage(id, variant);
    if (!image) throw notFound('Image');
    return sendImmutable(request, reply, `${image.sha256}-${variant}`, image.mediaType, image.data);
  });
};
