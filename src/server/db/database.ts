// The typed database as Kysely sees it, and the handle the rest of the server receives.
import type { Kysely } from 'kysely';
import type { AccountSessionTable, AccountTable, AuditLogTable } from './account.table.js';
import type { BoothTable, CampaignTable, PrizeTierTable } from './campaign.table.js';
import type { PatternSetTable, ReferenceImageTable } from './pattern-set.table.js';
import type { RedemptionTable, StampTable, VisitorTable } from './visitor.table.js';

export interface Database {
  campaign: CampaignTable;
  prize_tier: PrizeTierTable;
  booth: BoothTable;
  pattern_set: PatternSetTable;
  reference_image: ReferenceImageTable;
  visitor: VisitorTable;
  stamp: StampTable;
  redemption: RedemptionTable;
  account: AccountTable;
  account_session: AccountSessionTable;
  audit_log: AuditLogTable;
}

export type Db = Kysely<Database>;

export type DialectName = 'sqlite' | 'postgres';

/** Column types that differ between the dialects; only dialect.ts creates one. */
export interface DialectTypes {
  binary: 'blob' | 'bytea';
  real: 'real' | 'double precision';
}

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  types: DialectTypes;
  close(): Promise<void>;
}
