// Builds the app over a fresh database of each dialect under test: SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set (each suite gets its own throw-away database).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import type { Clock } from '../../src/server/clock.js';
import { loadConfig, type ServerConfig } from '../../src/server/config.js';
import type { DatabaseHandle, DialectName } from '../../src/server/db/database.js';
import { openDatabase } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { createRepositories, type Repositories } from '../../src/server/db/repositories.js';
import { seedDemo } from '../../src/server/seed/seed-demo.js';

export const DIALECTS: DialectName[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Opens an empty database of the dialect; close() also drops a PostgreSQL test database. */
export async function openTestDatabase(dialect: DialectName): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') return openDatabase({ databaseUrl: null, sqlitePath: ':memory:' });
  const name = `sr_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), sqlitePath: '' });
  return {
    ...handle,
    async close() {
      await handle.close();
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name}`));
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  repos: Repositories;
  clock: TestClock;
  config: ServerConfig;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: DialectName,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const config = loadConfig({ STATIC_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env });
  const clock = new TestClock();
  const database = await openTestDatabase(dialect);
  await migrateToLatest(database);
  const repos = createRepositories(database.db);
  await seedDemo(repos, clock, config);
  const app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  return {
    app,
    database,
    repos,
    clock,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}
