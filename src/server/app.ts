// The Fastify application as a plugin-composed instance without listen(): tests inject requests into
// it, server.ts puts it on a port.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { systemClock, type Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { AppContext } from './context.js';
import type { DatabaseHandle } from './db/database.js';
import { createRepositories } from './db/repositories.js';
import { installErrorHandler } from './error-handler.js';
import { HttpError } from './http-error.js';
import { authRoutes } from './routes/auth/auth.route.js';
import { campaignRoutes } from './routes/campaigns/campaigns.route.js';
import { demoPosterRoutes } from './routes/demo/posters.route.js';
import { healthRoutes } from './routes/health/health.route.js';
import { registerStaticAndFallback } from './routes/static/static.route.js';
import { syncRoutes } from './routes/sync/sync.route.js';
import { visitorRoutes } from './routes/visitors/visitors.route.js';
import { addSecurityHeaders } from './security/headers.js';

export interface BuildAppOptions {
  config: ServerConfig;
  database: DatabaseHandle;
  clock?: Clock;
  logger?: boolean;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    return503OnClosing: true,
  });
  const ctx: AppContext = {
    config,
    database,
    clock: options.clock ?? systemClock,
    repos: createRepositories(database.db),
  };

  installErrorHandler(app);
  addSecurityHeaders(app);
  if (config.corsOrigins.length > 0) {
    await app.register(cors, { origin: config.corsOrigins });
  }
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        context.statusCode,
        'rate_limited',
        `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });

  await app.register(healthRoutes, ctx);
  await app.register(campaignRoutes, ctx);
  await app.register(visitorRoutes, ctx);
  await app.register(syncRoutes, ctx);
  await app.register(authRoutes, ctx);
  await app.register(demoPosterRoutes, ctx);
  await registerStaticAndFallback(app, config);
  return app;
}
