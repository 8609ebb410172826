// Anonymous visitors and their bearer-token lookup.
import type { Db } from './database.js';
import type { VisitorTable } from './visitor.table.js';

export function visitorRepository(db: Db) {
  return {
    async create(visitor: VisitorTable): Promise<void> {
      await db.insertInto('visitor').values(visitor).execute();
    },

    async findByTokenHash(tokenHash: string): Promise<VisitorTable | null> {
      const row = await db
        .selectFrom('visitor')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ?? null;
    },

    async touch(id: string, at: string): Promise<void> {
      await db.updateTable('visitor').set({ last_seen_at: at }).where('id', '=', id).execute();
    },
  };
}

export type VisitorRepository = ReturnType<typeof visitorRepository>;
