// Organizer and staff sign-in: scrypt-verified passwords, opaque session tokens stored hashed.
import type { FastifyPluginAsync } from 'fastify';
import {
  ACCOUNT_ROLES,
  signInRequestSchema,
  type AccountRole,
  type SignInResponse,
} from '../../../shared/auth.schema.js';
import { newId, nowIso } from '../../clock.js';
import type { AppContext } from '../../context.js';
import { unauthorized } from '../../http-error.js';
import { requireAccount } from '../../security/guards.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import { hashToken, newToken } from '../../security/token.js';
import { parseInput } from '../../validate.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export const authRoutes: FastifyPluginAsync<AppContext> = async (app, { repos, clock }) => {
  // Compared against when the username is unknown, so timing does not reveal which names exist.
  const decoyHash = await hashPassword(newToken());

  app.post(
    '/api/v1/auth/sign-in',
    { config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (request, reply) => {
      const body = parseInput(signInRequestSchema, request.body, 'sign-in');
      const account = await repos.accounts.findByUsername(body.username);
      const valid = await verifyPassword(body.password, account?.password_hash ?? decoyHash);
      if (!account || !valid || account.disabled) {
        throw unauthorized('Wrong username or password');
      }
      const token = newToken();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
      await repos.accounts.deleteExpiredSessions(now.toISOString());
      await repos.accounts.createSession({
        id: newId(),
        accountId: account.id,
        tokenHash: hashToken(token),
        createdAt: now.toISOString(),
        expiresAt,
      });
      await repos.accounts.audit({
        id: newId(),
        at: now.toISOString(),
        actor_account_id: account.id,
        action: 'sign_in',
        subject: account.username,
        detail: JSON.stringify({ ip: request.ip }),
      });
      const response: SignInResponse = {
        token,
        role: account.role as AccountRole,
        username: account.username,
        expiresAt,
      };
      return reply.header('cache-control', 'no-store').send(response);
    },
  );

  app.get('/api/v1/auth/me', async (request, reply) => {
    const session = await requireAccount(request, repos, clock, ACCOUNT_ROLES);
    reply.header('cache-control', 'no-store');
    return { username: session.username, role: session.role, expiresAt: session.expiresAt };
  });

  app.post('/api/v1/auth/sign-out', async (request, reply) => {
    const session = await requireAccount(request, repos, clock, ACCOUNT_ROLES);
    await repos.accounts.deleteSession(session.sessionId);
    await repos.accounts.audit({
      id: newId(),
      at: nowIso(clock),
      actor_account_id: session.accountId,
      action: 'sign_out',
      subject: session.username,
      detail: null,
    });
    return reply.code(204).send();
  });
};
