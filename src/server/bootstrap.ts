// Opens the configured database, migrates it to the latest schema and seeds the demo when asked.
import type { Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { openDatabase } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { createRepositories } from './db/repositories.js';
import { seedDemo } from './seed/seed-demo.js';

export async function prepareDatabase(config: ServerConfig, clock: Clock): Promise<DatabaseHandle> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    await migrateToLatest(database);
    if (config.seedDemo) await seedDemo(createRepositories(database.db), clock, config);
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
