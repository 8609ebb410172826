// Migrations go up and down cleanly on each dialect.
import { describe, expect, it } from 'vitest';
import { migrateToLatest, migrateToNothing, schemaVersion } from '../../src/server/db/migrate.js';
import { DIALECTS, openTestDatabase } from './harness.js';

describe.each(DIALECTS)('migrations (%s)', (dialect) => {
  it('migrates up, down and up again', async () => {
    const handle = await openTestDatabase(dialect);
    try {
      await migrateToLatest(handle);
      expect(await schemaVersion(handle)).toEqual({
        version: 2,
        latest: '0002-pattern-set-quality',
      });
      const tables = async () =>
        (await handle.db.introspection.getTables())
          .map((t) => t.name)
          .filter((n) => !n.startsWith('kysely_'));
      expect((await tables()).sort()).toEqual([
        'account',
        'account_session',
        'audit_log',
        'booth',
        'campaign',
        'pattern_set',
        'prize_tier',
        'redemption',
        'reference_image',
        'stamp',
        'visitor',
      ]);
      await migrateToNothing(handle);
      expect(await tables()).toEqual([]);
      expect((await schemaVersion(handle)).version).toBe(0);
      await migrateToLatest(handle);
      expect((await schemaVersion(handle)).version).toBe(2);
    } finally {
      await handle.close();
    }
  });
});
