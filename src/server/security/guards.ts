// Resolves the caller from a bearer token: an anonymous visitor of a campaign, or a signed-in account.
import type { FastifyRequest } from 'fastify';
import type { AccountRole } from '../../shared/auth.schema.js';
import { nowIso, type Clock } from '../clock.js';
import type { SessionAccount } from '../db/account.repository.js';
import type { Repositories } from '../db/repositories.js';
import type { VisitorTable } from '../db/visitor.table.js';
import { forbidden, unauthorized } from '../http-error.js';
import { bearerToken, hashToken } from './token.js';

export async function requireVisitor(
  request: FastifyRequest,
  repos: Repositories,
  campaignId: string,
): Promise<VisitorTable> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw unauthorized('Visitor token required');
  const visitor = await repos.visitors.findByTokenHash(hashToken(token));
  if (!visitor) throw unauthorized('Unknown visitor token');
  if (visitor.campaign_id !== campaignId) throw forbidden('Token belongs to another campaign');
  return visitor;
}

export async function requireAccount(
  request: FastifyRequest,
  repos: Repositories,
  clock: Clock,
  roles: readonly AccountRole[],
): Promise<SessionAccount> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw unauthorized();
  const session = await repos.accounts.findSession(hashToken(token));
  if (!session || session.disabled) throw unauthorized('Session not found; sign in again');
  if (session.expiresAt <= nowIso(clock)) throw unauthorized('Session expired; sign in again');
  if (!roles.includes(session.role as AccountRole)) {
    throw forbidden(`This needs a ${roles.join(' or ')} account`);
  }
  return session;
}

/** Rate-limit key: the bearer token's hash when there is one, else the client IP. */
export function tokenOrIpKey(request: FastifyRequest): string {
  const token = bearerToken(request.headers.authorization);
  return token ? `t:${hashToken(token)}` : `ip:${request.ip}`;
}
