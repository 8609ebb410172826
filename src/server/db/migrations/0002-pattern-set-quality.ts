// Pattern sets keep the recognition compiler's quality report beside the compiled artifact.
import type { Kysely, Migration } from 'kysely';

export const patternSetQuality: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('pattern_set').addColumn('quality_report', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('pattern_set').dropColumn('quality_report').execute();
  },
};
