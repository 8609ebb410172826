// GET /api/health: liveness plus the database dialect and schema version (proves the DB answers).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../context.js';
import { schemaVersion } from '../../db/migrate.js';

export const healthRoutes: FastifyPluginAsync<AppContext> = async (app, ctx) => {
  const startedAt = Date.now();
  app.get('/api/health', { config: { rateLimit: false } }, async (_request, reply) => {
    const schema = await schemaVersion(ctx.database);
    reply.header('cache-control', 'no-store');
    return {
      ok: true,
      dialect: ctx.database.dialect,
      schemaVersion: schema.version,
      schemaLatest: schema.latest,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  });
};
