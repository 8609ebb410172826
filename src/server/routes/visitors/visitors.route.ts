// POST /api/v1/campaigns/:slug/visitors: registers an anonymous device and hands it a bearer token.
import { createPublicKey } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { slugSchema } from '../../../shared/campaign.schema.js';
import {
  registerVisitorRequestSchema,
  type RegisterVisitorResponse,
} from '../../../shared/visitor.schema.js';
import { newId, nowIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { HttpError, notFound } from '../../http-error.js';
import { hashToken, newToken } from '../../security/token.js';
import { parseInput } from '../../validate.js';

/** The device key must be a real ECDSA P-256 public key: redemption codes are verified with it. */
function assertP256PublicKey(base64url: string): void {
  try {
    const key = createPublicKey({
      key: Buffer.from(base64url, 'base64url'),
      format: 'der',
      type: 'spki',
    });
    if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
      return;
    }
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, 'validation_failed', 'devicePublicKey must be an ECDSA P-256 SPKI key');
}

export const visitorRoutes: FastifyPluginAsync<AppContext> = async (app, { repos, clock }) => {
  app.post('/api/v1/campaigns/:slug/visitors', async (request, reply) => {
    const { slug } = parseInput(z.object({ slug: slugSchema }), request.params, 'campaign slug');
    const body = parseInput(registerVisitorRequestSchema, request.body, 'registration');
    assertP256PublicKey(body.devicePublicKey);
    const parts = await repos.campaigns.findBySlug(slug);
    if (!parts) throw notFound(`Campaign "${slug}"`);
    if (Date.parse(parts.campaign.ends_at) <= clock.now().getTime()) {
      throw new HttpError(409, 'campaign_not_running', 'This campaign has ended');
    }
    const token = newToken();
    const visitorId = newId();
    const at = nowIso(clock);
    await repos.visitors.create({
      id: visitorId,
      campaign_id: parts.campaign.id,
      device_public_key: body.devicePublicKey,
      token_hash: hashToken(token),
      created_at: at,
      last_seen_at: at,
    });
    const response: RegisterVisitorResponse = { visitorId, token };
    return reply.code(201).header('cache-control', 'no-store').send(response);
  });
};
