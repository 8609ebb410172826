// Initial schema of the whole product: campaigns, booths, pattern sets, visitors, stamps,
// redemptions, accounts and the audit log.
import type { Kysely, Migration } from 'kysely';
import type { DialectTypes } from '../database.js';

export function initialSchema(types: DialectTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('account')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('account_session')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) =>
          c.notNull().references('account.id').onDelete('cascade'),
        )
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('campaign')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('stamps_required', 'integer', (c) => c.notNull())
        .addColumn('owner_account_id', 'text', (c) => c.references('account.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('prize_tier')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) =>
          c.notNull().references('campaign.id').onDelete('cascade'),
        )
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('stamps_required', 'integer', (c) => c.notNull())
        .addColumn('stock_total', 'integer')
        .addColumn('stock_remaining', 'integer')
        .addUniqueConstraint('prize_tier_campaign_key', ['campaign_id', 'key'])
        .execute();
      await db.schema
        .createTable('booth')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) =>
          c.notNull().references('campaign.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('hint', 'text')
        .addColumn('map_floor', 'text')
        .addColumn('map_x', types.real)
        .addColumn('map_y', types.real)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('booth_campaign').on('booth').column('campaign_id').execute();
      await db.schema
        .createTable('pattern_set')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) =>
          c.notNull().references('campaign.id').onDelete('cascade'),
        )
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('artifact_version', 'integer', (c) => c.notNull())
        .addColumn('artifact_media_type', 'text', (c) => c.notNull())
        .addColumn('artifact', types.binary, (c) => c.notNull())
        .addColumn('created_by_account_id', 'text', (c) => c.references('account.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('published_at', 'text')
        .execute();
      await db.schema
        .createIndex('pattern_set_campaign')
        .on('pattern_set')
        .columns(['campaign_id', 'published_at'])
        .execute();
      await db.schema
        .createTable('reference_image')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pattern_set_id', 'text', (c) =>
          c.notNull().references('pattern_set.id').onDelete('cascade'),
        )
        .addColumn('booth_id', 'text', (c) =>
          c.notNull().references('booth.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('bytes', types.binary, (c) => c.notNull())
        .addColumn('thumb_media_type', 'text', (c) => c.notNull())
        .addColumn('thumb', types.binary, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reference_image_set')
        .on('reference_image')
        .columns(['pattern_set_id', 'booth_id'])
        .execute();
      await db.schema
        .createTable('visitor')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) =>
          c.notNull().references('campaign.id').onDelete('cascade'),
        )
        .addColumn('device_public_key', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('visitor_campaign').on('visitor').column('campaign_id').execute();
      await db.schema
        .createTable('stamp')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) =>
          c.notNull().references('campaign.id').onDelete('cascade'),
        )
        .addColumn('visitor_id', 'text', (c) =>
          c.notNull().references('visitor.id').onDelete('cascade'),
        )
        .addColumn('booth_id', 'text', (c) => c.notNull().references('booth.id'))
        .addColumn('pattern_set_id', 'text', (c) => c.notNull().references('pattern_set.id'))
        .addColumn('captured_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('score', types.real, (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        // One stamp per booth per visitor, whatever ids two offline tabs generated.
        .addUniqueConstraint('stamp_visitor_booth', ['visitor_id', 'booth_id'])
        .execute();
      await db.schema
        .createIndex('stamp_campaign_time')
        .on('stamp')
        .columns(['campaign_id', 'captured_at'])
        .execute();
      await db.schema
        .createTable('redemption')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('campaign_id', 'text', (c) =>
          c.notNull().references('campaign.id').onDelete('cascade'),
        )
        .addColumn('visitor_id', 'text', (c) =>
          c.notNull().references('visitor.id').onDelete('cascade'),
        )
        .addColumn('prize_tier_id', 'text', (c) => c.notNull().references('prize_tier.id'))
        .addColumn('staff_account_id', 'text', (c) => c.references('account.id'))
        .addColumn('redeemed_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('redemption_visitor_tier', ['visitor_id', 'prize_tier_id'])
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_account_id', 'text', (c) => c.references('account.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'audit_log',
        'redemption',
        'stamp',
        'visitor',
        'reference_image',
        'pattern_set',
        'booth',
        'prize_tier',
        'campaign',
        'account_session',
        'account',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
