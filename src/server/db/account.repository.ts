// Organizer/staff accounts, their sessions, and the audit log.
import type { Db } from './database.js';
import type { AccountTable, AuditLogTable } from './account.table.js';

export interface SessionAccount {
  sessionId: string;
  expiresAt: string;
  accountId: string;
  username: string;
  role: string;
  disabled: number;
}

export function accountRepository(db: Db) {
  return {
    async create(account: AccountTable): Promise<void> {
      await db.insertInto('account').values(account).execute();
    },

    async findByUsername(username: string): Promise<AccountTable | null> {
      const row = await db
        .selectFrom('account')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row ?? null;
    },

    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db
        .updateTable('account')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .execute();
    },

    async createSession(s: {
      id: string;
      accountId: string;
      tokenHash: string;
      createdAt: string;
      expiresAt: string;
    }): Promise<void> {
      await db
        .insertInto('account_session')
        .values({
          id: s.id,
          account_id: s.accountId,
          token_hash: s.tokenHash,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },

    async findSession(tokenHash: string): Promise<SessionAccount | null> {
      const row = await db
        .selectFrom('account_session as s')
        .innerJoin('account as a', 'a.id', 's.account_id')
        .select([
          's.id as sessionId',
          's.expires_at as expiresAt',
          'a.id as accountId',
          'a.username as username',
          'a.role as role',
          'a.disabled as disabled',
        ])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ?? null;
    },

    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('account_session').where('id', '=', id).execute();
    },

    async deleteExpiredSessions(now: string): Promise<void> {
      await db.deleteFrom('account_session').where('expires_at', '<=', now).execute();
    },

    async audit(entry: AuditLogTable): Promise<void> {
      await db.insertInto('audit_log').values(entry).execute();
    },
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;
