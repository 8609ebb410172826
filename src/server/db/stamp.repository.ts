// Stamps: inserted at most once (by id, and by visitor+booth), listed per visitor.
import type { Db } from './database.js';
import type { StampTable } from './visitor.table.js';

export type InsertOutcome = 'inserted' | 'exists';

export function stampRepository(db: Db) {
  return {
    /**
     * Inserts unless a row with the same id or the same visitor+booth exists. ON CONFLICT DO
     * NOTHING makes concurrent retries of one batch safe in both dialects.
     */
    async insertIfAbsent(stamp: StampTable): Promise<InsertOutcome> {
      const result = await db
        .insertInto('stamp')
        .values(stamp)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'inserted' : 'exists';
    },

    async findById(id: string): Promise<StampTable | null> {
      const row = await db.selectFrom('stamp').selectAll().where('id', '=', id).executeTakeFirst();
      return row ?? null;
    },

    async listForVisitor(visitorId: string): Promise<StampTable[]> {
      return db
        .selectFrom('stamp')
        .selectAll()
        .where('visitor_id', '=', visitorId)
        .orderBy('captured_at')
        .execute();
    },

    async countForCampaign(campaignId: string): Promise<number> {
      const row = await db
        .selectFrom('stamp')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type StampRepository = ReturnType<typeof stampRepository>;
