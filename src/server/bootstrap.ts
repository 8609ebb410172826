// Opens the configured database, migrates it to the latest schema, seeds the demo when asked and
// rebuilds published pattern sets an older recognition model compiled.
import type { Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { openDatabase } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { createRepositories } from './db/repositories.js';
import { refreshOutdatedPatternSets } from './pattern-sets/refresh-outdated.js';
import { seedDemo } from './seed/seed-demo.js';

export async function prepareDatabase(
  config: ServerConfig,
  clock: Clock,
  log: (line: string) => void = () => {},
): Promise<DatabaseHandle> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    await migrateToLatest(database);
    const repos = createRepositories(database.db);
    if (config.seedDemo) await seedDemo(repos, clock, config);
    for (const r of await refreshOutdatedPatternSets(repos, clock)) {
      log(
        r.by
          ? `pattern set ${r.replaced} was compiled for another recognition model or format: republished as ${r.by}`
          : `pattern set ${r.replaced} is outdated and could not be rebuilt (${r.error}): phones on this release cannot recognise its booths until a new set is published`,
      );
    }
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
