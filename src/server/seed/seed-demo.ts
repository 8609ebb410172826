// First-start seeding: the demo organizer/staff accounts and the `demo` campaign with its booths and
// a published pattern set built from the posters shipped in seed/demo-patterns/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerConfig } from '../config.js';
import { newId, nowIso, type Clock } from '../clock.js';
import type { Repositories } from '../db/repositories.js';
import { DEMO_PATTERNS_DIR } from '../paths.js';
import { createPatternSet } from '../pattern-sets/create-pattern-set.js';
import { hashPassword, verifyPassword } from '../security/password.js';
import { DEMO_BOOTHS } from './demo-booths.js';

export const DEMO_SLUG = 'demo';
const DAY_MS = 24 * 60 * 60 * 1000;

async function ensureAccount(
  repos: Repositories,
  clock: Clock,
  role: 'organizer' | 'staff',
  credentials: { username: string; password: string },
): Promise<string> {
  const existing = await repos.accounts.findByUsername(credentials.username);
  if (existing) {
    // Lets DEMO_*_PASSWORD change the demo password of an existing database.
    if (!(await verifyPassword(credentials.password, existing.password_hash))) {
      await repos.accounts.setPassword(existing.id, await hashPassword(credentials.password));
    }
    return existing.id;
  }
  const id = newId();
  await repos.accounts.create({
    id,
    username: credentials.username,
    role,
    password_hash: await hashPassword(credentials.password),
    disabled: 0,
    created_at: nowIso(clock),
  });
  return id;
}

/** Idempotent: creates only what is missing. Returns whether the demo campaign was created now. */
export async function seedDemo(
  repos: Repositories,
  clock: Clock,
  config: Pick<ServerConfig, 'demoAccounts'>,
): Promise<boolean> {
  const organizerId = await ensureAccount(repos, clock, 'organizer', config.demoAccounts.organizer);
  await ensureAccount(repos, clock, 'staff', config.demoAccounts.staff);
  if (await repos.campaigns.slugExists(DEMO_SLUG)) return false;

  const now = clock.now().getTime();
  const campaignId = newId();
  const booths = DEMO_BOOTHS.map((b) => ({ ...b, id: newId() }));
  const images = await Promise.all(
    booths.map(async (b) => ({
      boothId: b.id,
      bytes: await readFile(join(DEMO_PATTERNS_DIR, b.file)),
      label: b.file,
    })),
  );
  await repos.campaigns.create({
    id: campaignId,
    slug: DEMO_SLUG,
    name: { 'zh-Hant': '聖誕集章大冒險', en: 'Christmas Stamp Rally' },
    startsAt: new Date(now - DAY_MS).toISOString(),
    endsAt: new Date(now + 365 * DAY_MS).toISOString(),
    timezone: 'Asia/Taipei',
    stampsRequired: 6,
    ownerAccountId: organizerId,
    createdAt: nowIso(clock),
    prizeTiers: [
      {
        id: newId(),
        key: 'gift',
        name: { 'zh-Hant': '聖誕小禮物', en: 'Christmas gift' },
        stampsRequired: 6,
        stock: 500,
      },
      {
        id: newId(),
        key: 'grand',
        name: { 'zh-Hant': '全制霸大獎', en: 'Grand prize: all booths' },
        stampsRequired: booths.length,
        stock: 50,
      },
    ],
    booths: booths.map((b) => ({
      id: b.id,
      name: b.name,
      hint: b.hint,
      floorPosition: b.floorPosition,
    })),
  });
  const set = await createPatternSet(repos.patternSets, clock, {
    campaignId,
    campaignSlug: DEMO_SLUG,
    createdByAccountId: organizerId,
    images,
  });
  await repos.patternSets.publish(set.id, nowIso(clock));
  return true;
}
