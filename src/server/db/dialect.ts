// The one module that knows whether the database is SQLite (embedded default) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, DatabaseHandle, DialectTypes } from './database.js';

export interface DatabaseOptions {
  /** postgres:// or postgresql:// URL; null selects SQLite. */
  databaseUrl: string | null;
  /** SQLite file path, or ':memory:'. */
  sqlitePath: string;
}

const SQLITE_TYPES: DialectTypes = { binary: 'blob', real: 'real' };
const POSTGRES_TYPES: DialectTypes = { binary: 'bytea', real: 'double precision' };

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// (leave it unset for SQLite)');
    }
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', types: POSTGRES_TYPES, close: () => db.destroy() };
  }
  if (options.sqlitePath !== ':memory:')
    mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const sqlite = new SQLite(options.sqlitePath);
  // WAL lets readers run beside the single writer; busy_timeout waits out a brief write lock.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', types: SQLITE_TYPES, close: () => db.destroy() };
}
