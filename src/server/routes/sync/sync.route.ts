// POST /api/v1/campaigns/:slug/sync: a visitor's outbox batch in, per-event acks and the card out.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { slugSchema } from '../../../shared/campaign.schema.js';
import {
  SYNC_PROTOCOL_VERSION,
  syncRequestSchema,
  type SyncResponse,
} from '../../../shared/sync.schema.js';
import { nowIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { HttpError, notFound } from '../../http-error.js';
import { requireVisitor, tokenOrIpKey } from '../../security/guards.js';
import { parseInput } from '../../validate.js';
import { syncStamps } from './sync-stamps.js';

export const syncRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const { repos, clock, config } = ctx;
  app.post(
    '/api/v1/campaigns/:slug/sync',
    {
      bodyLimit: 256 * 1024,
      config: {
        rateLimit: {
          max: config.tokenRateLimitPerMinute,
          timeWindow: 60_000,
          keyGenerator: tokenOrIpKey,
        },
      },
    },
    async (request, reply) => {
      const { slug } = parseInput(z.object({ slug: slugSchema }), request.params, 'campaign slug');
      const parts = await repos.campaigns.findBySlug(slug);
      if (!parts) throw notFound(`Campaign "${slug}"`);
      const visitor = await requireVisitor(request, repos, parts.campaign.id);
      const version = (request.body as { v?: unknown } | null)?.v;
      if (version !== undefined && version !== SYNC_PROTOCOL_VERSION) {
        throw new HttpError(
          400,
          'bad_request',
          `Sync protocol v${String(version)} is not supported (expected v${SYNC_PROTOCOL_VERSION}); update the app`,
        );
      }
      const batch = parseInput(syncRequestSchema, request.body, 'sync batch');
      const { acks, stamps } = await syncStamps(repos, clock, parts, visitor, batch.events);
      const response: SyncResponse = {
        v: SYNC_PROTOCOL_VERSION,
        serverTime: nowIso(clock),
        acks,
        card: { stamps },
      };
      return reply.header('cache-control', 'no-store').send(response);
    },
  );
};
