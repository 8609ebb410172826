// Runs the schema migrations (Kysely Migrator, up and down) and reports the schema version.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle, DialectTypes } from './database.js';
import { initialSchema } from './migrations/0001-initial.js';
import { patternSetQuality } from './migrations/0002-pattern-set-quality.js';

/** Ordered by name; add new migrations at the end, never edit a released one. */
function migrations(types: DialectTypes): Record<string, Migration> {
  return { '0001-initial': initialSchema(types), '0002-pattern-set-quality': patternSetQuality };
}

function migrator(handle: DatabaseHandle): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrations(handle.types) };
  return new Migrator({ db: handle.db, provider });
}

/** Brings the schema to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<void> {
  const { error, results } = await migrator(handle).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
}

/** Undoes every migration (used by tests to prove `down` works). */
export async function migrateToNothing(handle: DatabaseHandle): Promise<void> {
  const m = migrator(handle);
  for (;;) {
    const { error, results } = await m.migrateDown();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    if (!results || results.length === 0) return;
  }
}

export interface SchemaVersion {
  version: number;
  latest: string | null;
}

export async function schemaVersion(handle: DatabaseHandle): Promise<SchemaVersion> {
  const all = await migrator(handle).getMigrations();
  const applied = all.filter((m) => m.executedAt !== undefined);
  return { version: applied.length, latest: applied.at(-1)?.name ?? null };
}
