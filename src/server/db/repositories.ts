// Builds every repository over one database handle; routes receive this, never the query builder.
import { accountRepository } from './account.repository.js';
import { campaignRepository } from './campaign.repository.js';
import type { Db } from './database.js';
import { patternSetRepository } from './pattern-set.repository.js';
import { stampRepository } from './stamp.repository.js';
import { visitorRepository } from './visitor.repository.js';

export function createRepositories(db: Db) {
  return {
    accounts: accountRepository(db),
    campaigns: campaignRepository(db),
    patternSets: patternSetRepository(db),
    stamps: stampRepository(db),
    visitors: visitorRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
