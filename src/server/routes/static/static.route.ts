// Serves the built PWA: hashed assets immutable, HTML and service worker revalidated, brotli/gzip
// files precompressed at build time, and index.html for app routes only (never for /api).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../../config.js';

/** Paths the client-side router owns; anything else that is not a file is a real 404. */
export const APP_ROUTE = /^\/(?:$|r\/[^/]+\/?.*$|staff(?:\/.*)?$|admin(?:\/.*)?$)/;

function cacheControlFor(servedPath: string): string {
  // With preCompressed the served file is e.g. index.html.br: judge by the original name.
  const filePath = servedPath.replace(/\.(?:br|gz)$/, '');
  if (/[\\/]assets[\\/]/.test(filePath)) return 'public, max-age=31536000, immutable';
  if (/\.(?:html|js|webmanifest)$/.test(filePath)) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * Registered on the root instance (not an encapsulated plugin) because the not-found handler and
 * reply.sendFile must apply to every route. Without a build it serves the API alone.
 */
export async function registerStaticAndFallback(app: FastifyInstance, config: ServerConfig) {
  const root = config.staticDir;
  const hasShell = existsSync(join(root, 'index.html'));
  if (!hasShell) app.log.warn(`No built PWA at ${root} (run npm run build); serving the API only`);
  if (hasShell)
    await app.register(fastifyStatic, {
      root,
      preCompressed: true,
      index: false,
      cacheControl: false,
      etag: true,
      lastModified: true,
      setHeaders: (res, filePath) => {
        res.header('cache-control', cacheControlFor(filePath));
      },
    });

  // The root is a directory to @fastify/static, so it gets its own route to the shell.
  if (hasShell) {
    app.get('/', (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    if (hasShell && wantsPage && !path.startsWith('/api/')) {
      if (APP_ROUTE.test(path))
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      // A person who mistyped a page address gets the app's friendly not-found view, as a 404.
      if (request.headers.accept?.includes('text/html')) {
        return reply.code(404).header('cache-control', 'no-cache').sendFile('index.html');
      }
    }
    return reply
      .code(404)
      .send({ error: { code: 'not_found', message: `No route for ${request.method} ${path}` } });
  });
}
